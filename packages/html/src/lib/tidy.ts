import type {Root} from 'hast'
import {visit} from 'unist-util-visit'

/**
 * Clean-ups after sanitising (so what they add needs no place in the schema):
 * table cell alignment as a class instead of the obsolete `align` attribute
 * (which `mdast-util-to-hast` writes for GFM tables, and old sources carry),
 * no empty `class` left where the sanitiser removed every class, and no
 * `rel` left on a link whose URL the sanitiser removed (`javascript:`).
 */
export function rehypeTidy() {
  return function (tree: Root) {
    visit(tree, 'element', (node) => {
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

function classes(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : []
}
