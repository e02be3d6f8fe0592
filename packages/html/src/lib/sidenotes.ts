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
  const waiting = new Map(items.map((item) => [String(item.properties['id'] ?? ''), item]))
  // One pass over the text: linear in its size, whatever the number of notes.
  const children = place(
    container.children.filter((_, index) => index !== notesAt),
    waiting,
    labels
  )
  // A note whose mark is not in the text (none today) stays at the end, as before.
  const left = items.filter((item) => waiting.has(String(item.properties['id'] ?? '')))
  if (left.length > 0 && list) children.push({...section, children: section.children.map((child) => (child === list ? {...list, children: left} : child))})
  return {...container, children}
}

/**
 * The blocks, each followed by the notes whose first mark it holds, in the
 * order of their marks; a note's own marks (a note in a note) place theirs
 * after it. Sections are looked into; `waiting` loses each note placed.
 */
function place(blocks: readonly ElementContent[], waiting: Map<string, Element>, labels: Words): ElementContent[] {
  const out: ElementContent[] = []
  for (const block of blocks) {
    if (block.type === 'element' && (block.tagName === 'section' || block.tagName === 'article')) {
      out.push({...block, children: place(block.children, waiting, labels)})
      continue
    }
    out.push(block)
    const queue = marksIn(block)
    while (queue.length > 0) {
      const id = queue.shift() as string
      const item = waiting.get(id)
      if (!item) continue
      waiting.delete(id)
      const note = aside(item, labels)
      out.push(note)
      queue.push(...marksIn(note))
    }
  }
  return out
}

/** The ids the note marks (`a.noteref`) in `node` point to, in document order. Links to a note that are not its mark (a cross-reference) do not count. */
function marksIn(node: ElementContent): string[] {
  const ids: string[] = []
  const walk = (current: ElementContent): void => {
    if (current.type !== 'element') return
    const href = current.properties['href']
    if (current.tagName === 'a' && hasClass(current, 'noteref') && typeof href === 'string' && href.startsWith('#')) ids.push(href.slice(1))
    for (const child of current.children) walk(child)
  }
  walk(node)
  return ids
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
