/**
 * A work's notes (editor's notes, conflicts of sources): as endnotes at the
 * end of a web page, or as EPUB footnotes. Each note keeps the annotation's
 * id and links back to its mark in the text.
 */
import type {Element, ElementContent, Root} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import {h} from 'hastscript'
import type {ResolvedNote} from '@samizdat/model'
import {UsageError} from '@samizdat/model'
import {renderFragment} from './fragment.js'
import {fragmentWords, type Words} from './labels.js'
import type {FragmentOptions, NotesOptions} from './types.js'

/** The id of the endnotes' heading (reserved by the model, so no heading of a text takes it). */
const notesId = 'notes'

export function renderNotes(notes: readonly ResolvedNote[], options: FragmentOptions = {}, settings: NotesOptions = {}): Root {
  const style = settings.style ?? 'endnotes'
  const rank = settings.headingRank ?? 2
  if (style !== 'endnotes' && style !== 'footnotes') throw new UsageError('Expected `style` `endnotes` or `footnotes`, not `' + String(style) + '`')
  if (!Number.isInteger(rank) || rank < 1 || rank > 6) throw new UsageError('Expected a `headingRank` from 1 to 6, not `' + String(rank) + '`')
  if (notes.length === 0) return {type: 'root', children: []}
  const labels = fragmentWords(options)
  const fragment = {...options, anchors: false}

  if (style === 'footnotes') {
    return {
      type: 'root',
      children: notes.map((note) => {
        const content = [...conflictLabel(note, labels), ...body(note, fragment)]
        return h(
          'aside',
          {id: note.id, className: classes(note), 'epub:type': 'footnote', role: 'doc-footnote'},
          withLeading(content, backLink(note, labels, String(note.number)))
        )
      })
    }
  }

  const items = notes.map((note) =>
    h('li', {id: note.id, className: classes(note), value: note.number}, [
      ...conflictLabel(note, labels),
      ...withTrailing(body(note, fragment), backLink(note, labels, '↩'))
    ])
  )
  return {
    type: 'root',
    children: [
      h('section', {className: ['notes'], role: 'doc-endnotes', ariaLabelledBy: notesId, ...(options.epub ? {'epub:type': 'endnotes'} : {})}, [
        h('h' + rank, {id: notesId}, labels.notes),
        h('ol', items)
      ])
    ]
  }
}

function classes(note: ResolvedNote): string[] {
  return ['note', 'note-' + note.kind]
}

function body(note: ResolvedNote, options: FragmentOptions): ElementContent[] {
  const tree: MdastRoot = {type: 'root', children: note.children}
  // Inter-element newlines are dropped: the note's own blocks stay apart as elements.
  return renderFragment(tree, options).children.filter((child): child is ElementContent => child.type === 'element')
}

/** A note on which the sources disagree says so before its content. */
function conflictLabel(note: ResolvedNote, labels: Words): Element[] {
  return note.kind === 'conflict' ? [h('p', {className: ['note-label']}, labels.conflict)] : []
}

function backLink(note: ResolvedNote, labels: Words, text: string): Element {
  return h('a', {href: '#' + note.refId, className: ['backlink'], role: 'doc-backlink', ariaLabel: labels.backToNote + ' ' + note.number}, text)
}

/** The back-link at the end of the last paragraph, or in a paragraph of its own. */
function withTrailing(content: ElementContent[], link: Element): ElementContent[] {
  const last = content.at(-1)
  if (last?.type === 'element' && last.tagName === 'p') {
    return [...content.slice(0, -1), {...last, children: [...last.children, {type: 'text', value: ' '}, link]}]
  }
  return [...content, h('p', [link])]
}

/** The number, linking back, at the start of the first paragraph, or in a paragraph of its own. */
function withLeading(content: ElementContent[], link: Element): ElementContent[] {
  const first = content[0]
  const number = h('span', {className: ['note-number']}, [link, '. '])
  if (first?.type === 'element' && first.tagName === 'p') {
    return [{...first, children: [number, ...first.children]}, ...content.slice(1)]
  }
  return [h('p', [number]), ...content]
}
