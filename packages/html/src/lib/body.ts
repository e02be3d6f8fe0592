import type {Root} from 'mdast'

/**
 * The offset that puts a body's top-level headings at rank `top`, under a
 * title the template renders. The model has already dropped a heading that
 * repeated the title, so the body is rendered as it is.
 */
export function headingOffsetUnder(tree: Root, top: number): number {
  let min = 7
  for (const node of tree.children) {
    if (node.type === 'heading') min = Math.min(min, node.depth)
  }
  return min === 7 ? 0 : top - min
}
