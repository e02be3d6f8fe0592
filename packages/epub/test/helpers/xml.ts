/** Reading the book's XML (package document, XHTML) in tests, with xast. */
import type {Element, Root} from 'xast'
import {fromXml} from 'xast-util-from-xml'

export type XmlRoot = Root
export type XmlElement = Element

export function parseXml(text: string): Root {
  return fromXml(text)
}

/** Elements by qualified name (`dc:title`), in document order. */
export function elements(tree: Root | Element, name?: string): Element[] {
  const found: Element[] = []
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (name === undefined || child.name === name) found.push(child)
      walk(child)
    }
  }
  walk(tree)
  return found
}

export function children(node: Element): Element[] {
  return node.children.filter((child): child is Element => child.type === 'element')
}

export function attribute(node: Element | undefined, name: string): string {
  const value = node?.attributes[name]
  return value === undefined || value === null ? '' : String(value)
}

/** Text of a node, as written (entities decoded), whitespace kept. */
export function textOf(node: Root | Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('')
}

/**
 * What a reader is shown of a document's body: its text with `hidden`
 * elements left out, blocks apart, white space collapsed.
 */
export function shownText(tree: Root): string {
  const body = elements(tree, 'body')[0]
  if (!body) return ''
  const parts: string[] = []
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type === 'text') parts.push(child.value)
      else if (child.type === 'element' && child.attributes['hidden'] === undefined) {
        const block = /^(?:p|h[1-6]|li|td|th|dt|dd|div|section|article|aside|header|pre|blockquote|tr)$/.test(child.name)
        if (block) parts.push(' ')
        walk(child)
        if (block) parts.push(' ')
      }
    }
  }
  walk(body)
  return collapse(parts.join(''))
}

export function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim()
}
