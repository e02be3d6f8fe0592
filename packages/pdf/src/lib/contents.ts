/**
 * The table of contents: the preface, each work with its authors, and the
 * work's top-level headings; works in a part of the book (a folder of the
 * corpus) under its heading. Page numbers are not known while laying out:
 * each entry gets an empty number glyph in a reserved right column, filled
 * in after pagination (`fillNumbers`), so the layout does not change.
 */
import type {ResolvedEdition, TocEntry} from '@samizdat/model'
import {listNames, tocParts} from '@samizdat/model'
import {opening, plain} from './opening.js'
import type {Context, State} from './state.js'
import {textFeatures} from './state.js'
import {structChild, type StructNode} from './structure.js'
import type {Glyphs, LinkRef, Section, TextStyle} from './types.js'
import {baseContext} from './work.js'

/** A page number to fill in: its glyphs, its destination, and the right edge to align to (from the line's start). */
export interface NumberSlot {
  glyph: Glyphs
  dest: string
  right: number
}

/** The contents' destination; `~` keeps it apart from the model's slugs. */
const contentsId = '~contents'

interface Entry {
  text: string
  dest: string
  depth: number
  byline?: string
}

/** A part of the book (a folder of the corpus): a heading over its works, with no page and no link. */
interface PartEntry {
  part: string
}

export function contentsSection(edition: ResolvedEdition, state: State, root: StructNode): {section: Section; slots: NumberSlot[]} {
  const {geometry, labels} = state
  const sect = structChild(root, 'Sect')
  const context = baseContext(state, sect, edition.meta.language)
  opening(state, context, {title: labels.contents, ids: [contentsId], outline: true})
  const toc = structChild(sect, 'TOC')
  const numberStyle: TextStyle = {font: 'serif', size: geometry.size, features: textFeatures}
  const column = Math.max(...['000', 'xxviii'].map((sample) => state.measure.width(sample, numberStyle))) + geometry.size
  const slots: NumberSlot[] = []

  for (const entry of entries(edition, labels.language)) {
    if ('part' in entry) {
      const p = structChild(structChild(toc, 'TOCI'), 'P')
      const heading: Context = {...context, struct: p, bold: true, right: column}
      state.space(geometry.leading)
      state.emit(state.lines(plain(entry.part, state, heading, p), heading, {align: 'ragged', hyphenate: false}), heading, {together: true})
      // A part's heading goes with its first entries, never last on a page.
      state.keepWithNext()
      continue
    }
    const toci = structChild(toc, 'TOCI')
    const reference = structChild(toci, 'Reference')
    const owner = structChild(reference, 'Link')
    const link: LinkRef = {dest: entry.dest, struct: owner, text: entry.text}
    const top = entry.depth === 1
    const size = top ? geometry.size : Math.round(geometry.size * 0.92 * 4) / 4
    const hang = geometry.size
    const indent = top ? 0 : geometry.size * 1.5
    const inner: Context = {...context, struct: owner, size, left: indent + hang, right: column}
    state.space(top ? geometry.leading * 0.6 : 0)
    const runs = plain(entry.text, state, inner, owner).map((run) => ({...run, link}))
    const lines = state.lines(runs, inner, {align: 'ragged', indent: -hang, hyphenate: false})
    const last = lines.at(-1)
    if (last) {
      const glyph: Glyphs = {x: 0, width: 0, text: '', style: {...numberStyle, size}, struct: owner, link}
      const previous = last.glyphs.at(-1)
      if (previous && !previous.text.endsWith(' ')) previous.text += ' '
      last.glyphs.push(glyph)
      slots.push({glyph, dest: entry.dest, right: geometry.textWidth - inner.left})
    }
    state.emit(lines, inner, {together: true})
    if (entry.byline) {
      const by: Context = {...inner, struct: toci, size: Math.round(geometry.size * 0.85 * 4) / 4, italic: true, right: column}
      const p = structChild(toci, 'P')
      state.keepNext = true
      state.emit(state.lines(plain(entry.byline, state, by, p), by, {align: 'ragged', hyphenate: false}), by, {together: true})
    }
  }
  return {section: {id: 'contents', flow: state.flow, start: 'recto', folio: 'roman', heads: {verso: labels.contents, recto: labels.contents}}, slots}
}

function entries(edition: ResolvedEdition, language: string): Array<Entry | PartEntry> {
  const list: Array<Entry | PartEntry> = []
  if (edition.preface) list.push({text: edition.preface.title, dest: edition.preface.id, depth: 1})
  for (const run of tocParts(edition)) {
    if (run.part !== undefined) list.push({part: run.part})
    for (const work of run.entries) list.push(...workEntries(edition, work, language))
  }
  for (const section of edition.backMatter ?? []) list.push({text: section.title, dest: section.id, depth: 1})
  return list
}

function workEntries(edition: ResolvedEdition, work: TocEntry, language: string): Entry[] {
  const resolved = edition.works.find((candidate) => candidate.id === work.id)
  const authors = resolved?.meta.creators.filter((creator) => creator.role === 'aut').map((creator) => creator.name) ?? []
  return [
    {text: work.text, dest: work.id, depth: 1, ...(authors.length > 0 ? {byline: listNames(authors, language)} : {})},
    ...work.children.map((child) => ({text: child.text, dest: child.id, depth: 2}))
  ]
}

/** Put each entry's page label in its slot, right-aligned. */
export function fillNumbers(
  slots: readonly NumberSlot[],
  pageOf: (dest: string) => string | undefined,
  width: (text: string, style: TextStyle) => number
): void {
  for (const slot of slots) {
    const label = pageOf(slot.dest) ?? ''
    slot.glyph.text = label
    slot.glyph.width = width(label, slot.glyph.style)
    slot.glyph.x = slot.right - slot.glyph.width
  }
}
