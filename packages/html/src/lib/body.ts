import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'

/**
 * A body ready to sit under a title the template renders: a leading level-1
 * heading that repeats that title is dropped (it would show twice), and the
 * offset that puts the remaining top-level headings at rank `top` is given.
 */
export function bodyUnder(tree: Root, title: string, top: number): {tree: Root; headingOffset: number} {
  const [first, ...rest] = tree.children
  const repeatsTitle = first?.type === 'heading' && first.depth === 1 && comparable(toString(first)) === comparable(title)
  const body: Root = repeatsTitle ? {...tree, children: rest} : tree
  let min = 7
  for (const node of body.children) {
    if (node.type === 'heading') min = Math.min(min, node.depth)
  }
  return {tree: body, headingOffset: min === 7 ? 0 : top - min}
}

/** Letters and digits only, so quotes and dashes typeset differently still match. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}
