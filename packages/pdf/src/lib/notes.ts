/**
 * Notes of one section and their numbering. Two sources: the model's
 * resolved notes (the apparatus: editor's notes, conflicts), which come with
 * their ids and numbers, and GFM footnotes, numbered here in the order of
 * their first reference. A note's text is set once, at its first reference.
 */
import type {BlockContent, DefinitionContent, Root} from 'mdast'
import type {ResolvedNote} from '@samizdat/model'
import {visit} from 'unist-util-visit'
import type {Note} from './types.js'

export interface NoteSource {
  /** The note's text, as blocks. */
  children: Array<BlockContent | DefinitionContent>
}

/** What a reference needs: the mark, the ids, and the text when the note is not set yet. */
export interface NoteTicket {
  /** The registry's key for the note. */
  key: string
  label: string
  /** Named destination of the note's text. */
  id: string
  /** Named destination of this reference, for the note's back-link. */
  referenceId: string
  source?: NoteSource
  existing?: Note
}

export class NoteRegistry {
  readonly #footnotes = new Map<string, NoteSource>()
  readonly #resolved = new Map<string, ResolvedNote>()
  readonly #notes = new Map<string, Note>()
  readonly #references = new Map<string, number>()
  #prefix = 'notes'
  #count = 0
  #enabled = true

  /** Start a section: its GFM footnote definitions and the model's notes; footnotes number from 1. */
  start(tree: Root, prefix: string, resolved: readonly ResolvedNote[] = []): void {
    this.#footnotes.clear()
    this.#resolved.clear()
    this.#notes.clear()
    this.#references.clear()
    this.#prefix = prefix
    this.#count = 0
    visit(tree, 'footnoteDefinition', (node) => {
      if (!this.#footnotes.has(node.identifier)) this.#footnotes.set(node.identifier, node)
    })
    for (const note of resolved) this.#resolved.set(note.id, note)
  }

  /** A registry for text inside a note: references there are marks only. */
  inside(): NoteRegistry {
    const registry = new NoteRegistry()
    registry.#enabled = false
    return registry
  }

  /** A GFM footnote reference: numbered here. */
  footnote(identifier: string): NoteTicket | undefined {
    const source = this.#footnotes.get(identifier)
    if (!source || !this.#enabled) return undefined
    const key = `footnote:${identifier}`
    const existing = this.#notes.get(key)
    const seen = this.#seen(key)
    if (existing) return {key, label: existing.label, id: existing.id, referenceId: `${existing.referenceId}-${seen}`, existing}
    const label = String(++this.#count)
    return {key, label, id: `${this.#prefix}-note-${label}`, referenceId: `${this.#prefix}-noteref-${label}`, source}
  }

  /** A reference to one of the model's notes: its ids and number come with it. */
  resolved(noteId: string, referenceId: string, label: string): NoteTicket | undefined {
    const note = this.#resolved.get(noteId)
    if (!note || !this.#enabled) return undefined
    const key = `note:${noteId}`
    const existing = this.#notes.get(key)
    this.#seen(key)
    if (existing) return {key, label, id: existing.id, referenceId, existing}
    return {key, label, id: note.id, referenceId, source: {children: note.children}}
  }

  /** Record a set note, so that later references to it find it. */
  add(ticket: NoteTicket, note: Note): void {
    this.#notes.set(ticket.key, note)
  }

  #seen(key: string): number {
    const seen = (this.#references.get(key) ?? 0) + 1
    this.#references.set(key, seen)
    return seen
  }
}
