/**
 * Pages drawn in an earlier build, kept in the caller's store (the CLI's `.samizdat-cache/`) and drawn again
 * without encoding or deflating their text (see `pageText` in pdfkit.ts): an edit to one work draws only the pages
 * whose content changed. A page's key takes in everything its content stream is made from, and the state of its
 * fonts' subsets before it (which decides its glyphs' codes), so a page after a change that added a glyph to a
 * font is drawn again. One entry per edition: the pages of its last build.
 */
import {deserialize, serialize} from 'node:v8'
import type {LayoutStore} from './options.js'
import type {KeptPage, PageKeeper} from './pdfkit.js'

/** Bumped when what is stored changes shape: older entries are then misses. */
const shape = 1

export class KeptPages implements PageKeeper {
  readonly #store: LayoutStore
  readonly #key: string
  readonly #earlier: Map<string, KeptPage>
  readonly #pages = new Map<string, KeptPage>()
  /** Pages drawn afresh in this build: the entry is written again only when there are. */
  #drawn = 0

  constructor(store: LayoutStore, edition: string) {
    this.#store = store
    this.#key = store.key([shape, 'pages', edition])
    this.#earlier = read(store.get(this.#key))
  }

  find(key: string): KeptPage | undefined {
    const page = this.#pages.get(key) ?? this.#earlier.get(key)
    if (page !== undefined) this.#pages.set(key, page)
    return page
  }

  keep(key: string, page: KeptPage): void {
    this.#drawn++
    this.#pages.set(key, page)
  }

  /** Writes this build's pages (only those: the entry stays the size of one book), once the document is complete. */
  save(): void {
    if (this.#drawn > 0 || this.#pages.size !== this.#earlier.size) this.#store.set(this.#key, serialize(this.#pages))
  }
}

/** A stored entry's pages; none when it is missing or unreadable (a torn or foreign entry is a miss). */
function read(data: Uint8Array | undefined): Map<string, KeptPage> {
  if (data === undefined) return new Map()
  try {
    const pages: unknown = deserialize(data)
    return pages instanceof Map ? (pages as Map<string, KeptPage>) : new Map()
  } catch {
    return new Map()
  }
}
