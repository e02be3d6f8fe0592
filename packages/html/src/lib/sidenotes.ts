/**
 * The site's notes beside their text. The endnotes of a work (or of the
 * preface) leave the list at the end of the page: each becomes an
 * `<aside role="doc-footnote">` right after the block (paragraph, quotation,
 * list, table) that holds its first mark. The stylesheet sets them in the
 * margin on wide screens and as inset notes under their paragraph on narrow
 * ones; a small script (`sidenotesScript`), where it runs, lines each margin
 * note up with its mark. Without CSS the note still follows its paragraph.
 * Only the placement changes: the note's content is `renderNotes`'s.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Words} from './labels.js'

/** `container` (an `<article>` or `<section>`) with its endnotes moved beside their marks. */
export function withSidenotes(container: Element, labels: Words): Element {
  const notesAt = container.children.findIndex((child) => child.type === 'element' && hasClass(child, 'notes'))
  if (notesAt === -1) return container
  const section = container.children[notesAt] as Element
  const list = section.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol')
  const items = (list?.children ?? []).filter((child): child is Element => child.type === 'element' && child.tagName === 'li')
  const rest = container.children.filter((_, index) => index !== notesAt)
  const left: Element[] = []
  let children = rest
  for (const item of items) {
    const id = String(item.properties['id'] ?? '')
    const placed = id ? placeAfterMark(children, id, aside(item, labels)) : undefined
    if (placed) children = placed
    else left.push(item)
  }
  // A note whose mark is not in the text (none today) stays at the end, as before.
  if (left.length > 0 && list)
    children = [...children, {...section, children: section.children.map((child) => (child === list ? {...list, children: left} : child))}]
  return {...container, children}
}

/** The list item as a note of its own: its id, classes and content, its number shown and in its name. */
function aside(item: Element, labels: Words): Element {
  const number = String(item.properties['value'] ?? '')
  const marker = h('span', {className: ['sidenote-number']}, number + '.')
  const [first, ...more] = item.children
  const content: ElementContent[] =
    first?.type === 'element' && first.tagName === 'p'
      ? [{...first, children: [marker, {type: 'text', value: ' '}, ...first.children]}, ...more]
      : [h('p', [marker]), ...item.children]
  return h(
    'aside',
    {id: item.properties['id'], className: [...classes(item), 'sidenote'], role: 'doc-footnote', ariaLabel: labels.note + ' ' + number},
    content
  )
}

/** `blocks` with `note` after the block that holds its first mark (`a.noteref` to `#id`), looking into sections; undefined when there is none. */
function placeAfterMark(blocks: ElementContent[], id: string, note: Element): ElementContent[] | undefined {
  for (const [index, block] of blocks.entries()) {
    if (block.type !== 'element' || !linksTo(block, id)) continue
    if (block.tagName === 'section' || block.tagName === 'article') {
      const inner = placeAfterMark(block.children, id, note)
      if (inner) return [...blocks.slice(0, index), {...block, children: inner}, ...blocks.slice(index + 1)]
    }
    // After the notes already placed there: notes keep their order.
    let at = index + 1
    while (at < blocks.length && isSidenote(blocks[at]!)) at++
    return [...blocks.slice(0, at), note, ...blocks.slice(at)]
  }
  return undefined
}

function isSidenote(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'aside' && hasClass(node, 'sidenote')
}

function linksTo(node: ElementContent, id: string): boolean {
  if (node.type !== 'element') return false
  // A note's mark, not any link to it (a cross-reference in another note may come first).
  if (node.tagName === 'a' && node.properties['href'] === '#' + id && hasClass(node, 'noteref')) return true
  return node.children.some((child) => linksTo(child, id))
}

function classes(element: Element): string[] {
  const value = element.properties['className']
  return Array.isArray(value) ? value.map(String) : []
}

function hasClass(element: Element, name: string): boolean {
  return classes(element).includes(name)
}

/**
 * The site's `sidenotes.js`: where the notes are in the margin, each is moved
 * up to the line of its mark (floats land after their paragraph), below the
 * note before it; again when fonts load and when the window is resized. It
 * changes a margin only: without it, the notes are there, one paragraph lower.
 */
export const sidenotesScript = `// Samizdat: margin notes beside their marks (see style.css, .sidenote).
(function () {
  'use strict'
  var wide = window.matchMedia('(min-width: 70rem)')
  var gap = 12
  function place() {
    var notes = Array.prototype.slice.call(document.querySelectorAll('aside.sidenote'))
    notes.forEach(function (note) { note.style.marginTop = '' })
    if (!wide.matches) return
    var bottom = -Infinity
    notes.forEach(function (note) {
      var mark = document.querySelector('a.noteref[href="#' + CSS.escape(note.id) + '"]')
      if (!mark) return
      var top = note.getBoundingClientRect().top
      var want = Math.max(mark.getBoundingClientRect().top, bottom + gap)
      note.style.marginTop = (parseFloat(getComputedStyle(note).marginTop) + want - top) + 'px'
      bottom = note.getBoundingClientRect().bottom
    })
  }
  var pending = 0
  function later() {
    cancelAnimationFrame(pending)
    pending = requestAnimationFrame(place)
  }
  place()
  if (document.fonts) document.fonts.ready.then(later)
  window.addEventListener('load', later)
  window.addEventListener('resize', later)
})()
`
