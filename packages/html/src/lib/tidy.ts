import type {Element, ElementContent, Root} from 'hast'
import {eachElement} from './walk.js'

/**
 * Elements that may hold only phrasing content. A paragraph inside one comes from raw HTML left open around
 * Markdown (`<pre>` with a blank line in it): an HTML parser keeps it there, XHTML (the EPUB) forbids it.
 */
const phrasingOnly = new Set(['p', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'span', 'em', 'strong', 'b', 'i', 'u', 's', 'code', 'small', 'sub', 'sup'])

/**
 * Clean-ups after sanitising (so what they add needs no place in the schema):
 * table cell alignment as a class instead of the obsolete `align` attribute
 * (which `mdast-util-to-hast` writes for GFM tables, and old sources carry),
 * no empty `class` left where the sanitiser removed every class, and no
 * `rel` left on a link whose URL the sanitiser removed (`javascript:`), and
 * no paragraph where only phrasing content may stand (it gives way to its content).
 */
export function rehypeTidy() {
  return function (tree: Root) {
    eachElement(tree, (node) => {
      if (phrasingOnly.has(node.tagName)) unwrapParagraphs(node)
      const {properties} = node
      const align = properties['align']
      if (align !== undefined) {
        delete properties['align']
        if ((node.tagName === 'td' || node.tagName === 'th') && /^(?:left|center|right)$/.test(String(align))) {
          properties['className'] = [...classes(properties['className']), 'align-' + String(align)]
        }
      }
      if (node.tagName === 'a' && properties['href'] === undefined) delete properties['rel']
      if (properties['className'] !== undefined && classes(properties['className']).length === 0) {
        delete properties['className']
      }
    })
  }
}

function unwrapParagraphs(parent: Element): void {
  const children: ElementContent[] = []
  for (const child of parent.children) {
    if (child.type === 'element' && child.tagName === 'p') {
      unwrapParagraphs(child)
      children.push(...child.children)
    } else {
      if (child.type === 'element') unwrapParagraphs(child)
      children.push(child)
    }
  }
  parent.children = children
}

function classes(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : []
}
