/**
 * The notes of one section. They all come from the model (`work.notes`:
 * editor's notes, conflicts, GFM footnotes), with their ids and their
 * numbers in one reading-order sequence; this only remembers which are set.
 * A note's text is set once, at its first reference.
 */
import type {BlockContent} from 'mdast'
import type {ResolvedNote} from '@samizdat/model'

export interface NoteSource {
  /** The note's text, as blocks. */
  children: BlockContent[]
}

/** What a reference needs: the mark, the ids, and the text when the note is not set yet. */
export interface NoteTicket {
  label: string
  /** Named destination of the note's text (the note's id). */
  id: string
  /** Named destination of this reference (its own id), for the note's back-link. */
  referenceId: string
  /** The note's text, on its first reference only: the caller sets it there. */
  source?: NoteSource
}

export class NoteRegistry {
  readonly #resolved = new Map<string, ResolvedNote>()
  readonly #set = new Set<string>()
  #enabled = true

  /** Start a section with the model's notes for it (a work's, the preface's; none for back matter). */
  start(resolved: readonly ResolvedNote[] = []): void {
    this.#resolved.clear()
    this.#set.clear()
    for (const note of resolved) this.#resolved.set(note.id, note)
  }

  /** A registry for text inside a note: notes do not nest, so references there show nothing. */
  inside(): NoteRegistry {
    const registry = new NoteRegistry()
    registry.#enabled = false
    return registry
  }

  /** A reference to one of the model's notes: ids and number come with it; each reference has its own id. */
  reference(noteId: string, referenceId: string, label: string): NoteTicket | undefined {
    const note = this.#resolved.get(noteId)
    if (!note || !this.#enabled) return undefined
    if (this.#set.has(noteId)) return {label, id: noteId, referenceId}
    this.#set.add(noteId)
    return {label, id: noteId, referenceId, source: {children: note.children}}
  }
}
