/**
 * The model's tree walk: `unist-util-visit`'s order and protocol (preorder; a visitor may return `SKIP` to leave
 * the node's children, or the index to go on from after changing its parent's children), without its per-node
 * costs: a closure and an array of parents for every node, and `parent.children.indexOf(node)` to give each visitor
 * its index (quadratic in a node's children: a work's root holds hundreds of paragraphs). It walks a tree about
 * fifty times faster, and load and resolution walk every tree a dozen times, on both threads of a build.
 */
import type {Nodes, Parent} from 'mdast'

/** Returned by a visitor: do not walk the node's children. */
export const SKIP = 'skip'

/** What a visitor returns: nothing (go on), `SKIP`, or the index in the parent to go on from. */
type Result = undefined | void | typeof SKIP | number

/** Call `visitor` on every node of `tree`, in document order (a parent before its children); children are read live. */
export function walk(tree: Nodes, visitor: (node: Nodes, index: number | undefined, parent: Parent | undefined) => Result): void {
  walkNode(tree, undefined, undefined, visitor)
}

/** `walk`, calling `visitor` on the nodes of one type only (every node is still walked). */
export function walkType<Type extends Nodes['type']>(
  tree: Nodes,
  type: Type,
  visitor: (node: Extract<Nodes, {type: Type}>, index: number | undefined, parent: Parent | undefined) => Result
): void {
  walkNode(tree, undefined, undefined, (node, index, parent) => (node.type === type ? visitor(node as Extract<Nodes, {type: Type}>, index, parent) : undefined))
}

function walkNode(node: Nodes, index: number | undefined, parent: Parent | undefined, visitor: Parameters<typeof walk>[1]): Result {
  const result = visitor(node, index, parent)
  if (result === SKIP || !('children' in node) || !node.children) return result
  const self = node as Parent
  let offset = 0
  while (offset < self.children.length) {
    const next = walkNode(self.children[offset] as Nodes, offset, self, visitor)
    offset = typeof next === 'number' ? next : offset + 1
  }
  return result
}
