/**
 * Tree walks for the passes every fragment goes through. unist-util-visit allocates a new list of ancestors for
 * every node it enters, which made the many whole-tree passes of rendering a book a good part of its time and of
 * its garbage; these visit the same nodes in the same order (preorder, children read after the node's callback,
 * so a callback may change them) with nothing allocated.
 */
import type {Element, Root as HastRoot} from 'hast'
import type {Nodes as MdastNodes} from 'mdast'

/** Each element below `tree`, as `visit(tree, 'element', each)` does; `'skip'` leaves out its children. */
export function eachElement(tree: HastRoot | Element, each: (element: Element, parent: HastRoot | Element) => 'skip' | undefined | void): void {
  // Read again at each step, as `visit` does: a callback may have replaced them.
  for (let index = 0; index < tree.children.length; index++) {
    const child = tree.children[index] as HastRoot['children'][number]
    if (child.type === 'element' && each(child, tree) !== 'skip') eachElement(child, each)
  }
}

/** Each node of an mdast tree, itself first, as `visit(tree, each)` does. */
export function eachNode(tree: MdastNodes, each: (node: MdastNodes) => void): void {
  each(tree)
  if ('children' in tree) {
    const {children} = tree
    for (let index = 0; index < children.length; index++) eachNode(children[index] as MdastNodes, each)
  }
}

/** Whether an mdast tree holds a node of the type (itself included). */
export function hasNode(tree: MdastNodes, type: MdastNodes['type']): boolean {
  if (tree.type === type) return true
  if ('children' in tree) for (const child of tree.children) if (hasNode(child, type)) return true
  return false
}
