import type {Element, ElementContent, Root} from 'hast'
import {eachElement} from './walk.js'

/**
 * Right-to-left text in a left-to-right page: a block holding Hebrew or
 * Arabic gets `dir="auto"`, so the browser takes its direction from its
 * first strong character (rule P2 of the bidi algorithm, as the PDF does)
 * and a Hebrew paragraph ends with its full stop on the left. Blocks with no
 * right-to-left character are left as they are.
 */
const blocks = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'td', 'th', 'caption', 'figcaption', 'summary'])
const rightToLeft = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u

export function rehypeDirection() {
  return function (tree: Root) {
    eachElement(tree, (node) => {
      if (blocks.has(node.tagName) && node.properties['dir'] === undefined && rightToLeft.test(textOf(node))) node.properties['dir'] = 'auto'
    })
  }
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  return node.children.map(textOf).join('')
}
