import type {Heading, Root, RootContent} from 'mdast'

/** A run of top-level blocks: the work's own text, or a section the edition added. */
export interface Part {
  editorial: boolean
  tree: Root
}

/**
 * Split a body at the headings the edition adds (`data.editorial`): each such
 * section runs to the next heading of the same or a higher rank, so that it can
 * be set apart from the work's own text.
 */
export function splitEditorial(tree: Root): Part[] {
  const parts: Part[] = []
  let depth: number | undefined
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (node.data?.editorial) depth = node.depth
      else if (depth !== undefined && node.depth <= depth) depth = undefined
    }
    push(parts, node, depth !== undefined && isEditorialStart(node) ? 'start' : depth !== undefined)
  }
  return parts
}

function isEditorialStart(node: RootContent): node is Heading {
  return node.type === 'heading' && node.data?.editorial === true
}

function push(parts: Part[], node: RootContent, editorial: boolean | 'start'): void {
  const last = parts.at(-1)
  if (last && editorial !== 'start' && last.editorial === editorial) {
    last.tree.children.push(node)
    return
  }
  parts.push({editorial: editorial !== false, tree: {type: 'root', children: [node]}})
}
