import type {FootnoteReference} from 'mdast'
import type {NoteReference} from '@samizdat/model'
import {structChild, type StructNode} from '../structure.js'
import type {NoteSource, NoteTicket} from '../notes.js'
import type {Context, InlineContext, State} from '../state.js'
import {textFeatures} from '../state.js'
import type {Block, Flow, Note, Run} from '../types.js'
import {run} from './text.js'

/**
 * A note's mark: every note comes from `work.notes` (the model turns GFM
 * footnotes into notes too). A reference to a note the section does not
 * have, or one inside a note's text, shows nothing.
 */
export function noteReference(node: NoteReference, state: State, context: InlineContext, runs: Run[]): void {
  const ticket = state.notes.reference(node.noteId, node.id, node.label)
  if (ticket) mark(ticket, state, context, runs)
}

/**
 * A GFM footnote reference the model left in place (one with no definition):
 * the mark as written, so that nothing is lost.
 */
export function footnoteReference(node: FootnoteReference, state: State, context: InlineContext, runs: Run[]): void {
  runs.push(run(`[^${node.label ?? node.identifier}]`, state.style(context), context))
}

/**
 * A note's mark: a superior figure linking to the note, inside a
 * `Reference`; the first reference to a note also sets the note's text,
 * whose `Note` element follows the reference in reading order.
 */
function mark(ticket: NoteTicket, state: State, context: InlineContext, runs: Run[]): void {
  const reference = structChild(context.struct, 'Reference')
  const linkStruct = structChild(reference, 'Link')
  const marker: Run = {
    text: ticket.label,
    style: {...state.style({...context, mono: false}), features: ['sups']},
    struct: linkStruct,
    link: {dest: ticket.id, struct: linkStruct, text: `${state.labels.note} ${ticket.label}`},
    lang: context.lang,
    breaks: 'never',
    anchors: [ticket.referenceId]
  }
  if (ticket.source) {
    // Inside a link or a passage in another language, the note is neither part of the link nor in that language.
    const home = context.noteHome ?? context
    const noteStruct = structChild(home.struct, 'Note')
    noteStruct.id = ticket.id
    reference.companions.push(noteStruct)
    const note = setNote(state, ticket, ticket.source, noteStruct, home.lang)
    marker.note = note
  }
  runs.push(marker)
}

/** Set a note's text at the note size, its number hanging before the first line and linking back. */
function setNote(state: State, ticket: NoteTicket, source: NoteSource, struct: StructNode, lang: string): Note {
  const {geometry} = state
  const nested = state.nested()
  const hang = geometry.noteSize * 1.6
  const context: Context = {
    struct,
    lang,
    sectionLang: lang,
    left: hang,
    right: 0,
    size: geometry.noteSize,
    leading: geometry.noteLeading,
    align: 'justify',
    italic: false,
    bold: false,
    headingOffset: 0
  }
  const label = structChild(struct, 'Lbl')
  const back = structChild(label, 'Link')
  const style = {font: 'serif' as const, size: geometry.noteSize, features: textFeatures}
  const width = nested.measure.width(ticket.label, style)
  // Right-aligned in the hang, close to the text, so that numbers line up and read with their note.
  nested.label = [
    {
      x: -width - geometry.noteSize * 0.45,
      width,
      text: `${ticket.label} `,
      style,
      struct: back,
      link: {dest: ticket.referenceId, struct: back, text: `${state.labels.backToText} ${ticket.label}`}
    }
  ]
  nested.marks.push({id: ticket.id})
  nested.blocks({type: 'root', children: source.children}, context)
  return {id: ticket.id, referenceId: ticket.referenceId, label: ticket.label, blocks: blocksOf(nested.flow), struct}
}

/** A note's flow as blocks: spaces become room at the top of the next block; no page breaks. */
function blocksOf(flow: readonly Flow[]): Block[] {
  const blocks: Block[] = []
  let room = 0
  for (const item of flow) {
    if (item.kind === 'space') {
      room += blocks.length > 0 ? item.height : 0
    } else if (item.kind === 'block') {
      blocks.push(room > 0 ? {...item, height: item.height + room, items: item.items.map((placed) => ({...placed, dy: placed.dy + room}))} : item)
      room = 0
    }
  }
  return blocks
}
