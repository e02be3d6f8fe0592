/**
 * Pages drawn in an earlier build, kept in the caller's store (the CLI's `.samizdat-cache/`) and drawn again
 * without encoding or deflating their text (see `pageText` in pdfkit.ts): an edit to one work draws only the pages
 * whose content changed. A page's key takes in everything its content stream is made from, and the state of its
 * fonts' subsets before it (which decides its glyphs' codes), so a page after a change that added a glyph to a
 * font is drawn again. The fonts' subsets are kept too, by the glyphs they hold. One entry per edition and paper:
 * what its last build drew.
 */
import {deserialize, serialize} from 'node:v8'
import type {LayoutStore} from './options.js'
import {storedValue, storeValue} from './stored.js'
import type {KeptStream, StreamKeeper} from './pdfkit.js'

/** Bumped when what is stored changes shape: older entries are then misses. */
const shape = 1

export class KeptStreams implements StreamKeeper {
  readonly #store: LayoutStore
  readonly #key: string
  readonly #earlier: Map<string, KeptStream>
  readonly #pages = new Map<string, KeptStream>()
  /** Pages drawn afresh in this build: the entry is written again only when there are. */
  #drawn = 0

  /** `book`: the edition and the page, so that a build on other paper keeps its own pages beside these. */
  constructor(store: LayoutStore, book: readonly unknown[]) {
    this.#store = store
    this.#key = store.key([shape, 'pages', ...book])
    // A loop's store gives back the map the last build kept, as it was (nothing here changes it once kept).
    this.#earlier = storedValue(store, this.#key, decode) ?? new Map()
  }

  find(key: string): KeptStream | undefined {
    const stream = this.#pages.get(key) ?? this.#earlier.get(key)
    if (stream !== undefined) this.#pages.set(key, stream)
    return stream
  }

  keep(key: string, stream: KeptStream): void {
    this.#drawn++
    this.#pages.set(key, stream)
  }

  /** Writes this build's pages (only those: the entry stays the size of one book), once the document is complete. */
  save(): void {
    if (this.#drawn === 0 && this.#pages.size === this.#earlier.size) return
    const data = serialize(this.#pages)
    storeValue(this.#store, this.#key, data, this.#pages)
  }
}

/** A stored entry's streams (a torn or foreign entry is a miss). */
function decode(data: Uint8Array): Map<string, KeptStream> | undefined {
  const streams: unknown = deserialize(data)
  return streams instanceof Map ? (streams as Map<string, KeptStream>) : undefined
}
