/**
 * Markup that survives epub-gen-memory. Its `fixHTML` keeps only attributes
 * on an allow-list, silently: `start` on `<ol>`, `datetime`, `data-*`,
 * `align`, `scope`, `headers`, `checked`, `width`… go. And it downloads every
 * `<img>`. So before chapters reach it, what those attributes say is moved
 * into text or classes, and images become links: the book never fetches.
 */
import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {fill} from './labels.js'
import type {EpubLabels} from './types.js'

export interface MarkupContext {
  labels: EpubLabels
  warn: (message: string) => void
  /** Where the markup is (a file name), for warnings. */
  where: string
}

export function survivable(nodes: ElementContent[], context: MarkupContext): ElementContent[] {
  return nodes.flatMap((node) => transform(node, context))
}

function transform(node: ElementContent, context: MarkupContext): ElementContent[] {
  if (node.type !== 'element') return [node]
  const element: Element = {...node, properties: {...node.properties}, children: survivable(node.children, context)}
  const {properties} = element

  switch (element.tagName) {
    case 'img':
      return [image(element, context)]
    case 'input':
      // A GFM task list box: its state as text, since `checked` does not survive.
      if (properties['type'] === 'checkbox') return [h('span', {className: ['task']}, properties['checked'] ? '[x]' : '[ ]')]
      break
    case 'ol':
      numbered(element)
      break
    case 'time':
      // Without `datetime`, a <time>'s text must itself be a date; otherwise it is plain text.
      if (properties['dateTime'] !== undefined && String(properties['dateTime']) !== textOf(element)) {
        return [{...element, tagName: 'span', properties: {}}]
      }
      delete properties['dateTime']
      break
    default:
  }
  const align = properties['align']
  if (align !== undefined && /^(?:left|center|right|justify)$/.test(String(align))) {
    properties['className'] = [...classes(properties['className']), 'align-' + String(align)]
  }
  for (const key of Object.keys(properties)) {
    // data-* (from raw HTML in a source) and table cell relations say nothing a reader sees.
    if (/^data[A-Z]/.test(key) || key === 'align' || key === 'scope' || key === 'headers') delete properties[key]
  }
  return [element]
}

/**
 * An ordered list that does not start at 1 writes its numbers as text:
 * `start` would be dropped, and `counter-reset` on `list-item` is unknown to
 * many reading systems. Lists that start at 1 keep their native numbers.
 */
function numbered(list: Element): void {
  const start = Number(list.properties['start'] ?? 1)
  delete list.properties['start']
  if (!Number.isInteger(start) || start === 1) return
  list.properties['className'] = [...classes(list.properties['className']), 'numbered']
  // The inline style keeps native numbers hidden even where the stylesheet is ignored.
  list.properties['style'] = 'list-style-type: none'
  let number = start
  for (const item of list.children) {
    if (item.type !== 'element' || item.tagName !== 'li') continue
    const marker = h('span', {className: ['number']}, number + '.')
    const first = item.children.find((child) => child.type === 'element' || (child.type === 'text' && child.value.trim()))
    // Inside a leading paragraph, so the number runs in with its text.
    if (first?.type === 'element' && first.tagName === 'p') first.children.unshift(marker, {type: 'text', value: ' '})
    else item.children.unshift(marker, {type: 'text', value: ' '})
    number++
  }
}

/** An image becomes a link to it (or its description): a book must not load remote images. */
function image(element: Element, context: MarkupContext): ElementContent {
  const src = String(element.properties['src'] ?? '')
  const alt = String(element.properties['alt'] ?? '') || src
  context.warn(`${context.where}: image ${JSON.stringify(src)} left out of the book; a link to it stands in its place [epub-image]`)
  const text = fill(context.labels.imageLeftOut, {alt})
  return /^https?:\/\//.test(src) ? h('a', {href: src, rel: ['external']}, text) : h('span', text)
}

function classes(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : []
}

function textOf(node: ElementContent | Root): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map((child) => textOf(child as ElementContent)).join('') : ''
}
