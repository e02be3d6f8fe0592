/**
 * Each work's layout (its section: lines, blocks, notes, structure) kept
 * between passes and between runs. A work's layout is a function of the work,
 * the edition's metadata, the page's geometry, the words and the images; not
 * of its start page (pagination, which is cheap, is redone for the whole
 * book) nor of the other works. So the second pass (page references) takes
 * every work from the first, and a caller's `LayoutStore` (the CLI's
 * `.samizdat-cache/`) gives back the works an edit did not touch. What laying
 * out does besides its result is kept with it and done again on reuse: its
 * warnings, and the fallback fonts it registered (in that order: fonts are
 * numbered in the PDF as they are first used), and its page references: the
 * labels and lines it read, checked on reuse (a work that shows a page number
 * holds only while that number does; each pass has its own entry). A section
 * that shows a raster image (a pdfkit object) is never stored. The store also keeps the widths of the text measured (a
 * work laid out again mostly measures words other works had). A store kept in memory (a loop's) may hand back the
 * layouts as decoded or made the last time (`LayoutStore.decoded`): nothing here changes one once made.
 */
import {deserialize, serialize} from 'node:v8'
import type {LayoutStore} from './options.js'
import {storedValue, storeValue} from './stored.js'
import type {Nodes} from 'mdast'
import type {ResolvedWork} from '@samizdat/model'
import type {WidthTable} from './measure.js'
import type {ScriptFonts} from './scripts.js'
import type {PageRefs} from './state.js'
import type {StructNode} from './structure.js'
import type {Flow, FontKey, Section} from './types.js'
import type {Warn} from './warnings.js'

/** What a work's layout leaves besides its section: told again when it is reused. */
interface Effects {
  warnings: Array<{reason: string; position: Nodes['position']; ruleId: string}>
  /** Fallback font slices reached, in order. */
  fonts: FontKey[]
  /** The page references set, and each page label and line number read for them: the section holds while they hold. */
  pages: {count: number; read: Array<{of: 'labels' | 'lines'; id: string; value: string | number | null}>}
}

interface Kept {
  section: Section
  /** The work's structure element (`Sect`), cut from the document's. */
  sect: StructNode
  effects: Effects
}

/** Bumped when what is stored changes shape: older entries are then misses. */
const shape = 1

export class WorkLayouts {
  readonly #store: LayoutStore | undefined
  readonly #shared: string | undefined
  /** The first pass's layouts, for the second. */
  readonly #pass = new Map<string, Kept>()

  /** `context`: everything besides the work a work's layout reads (see the module's comment). */
  constructor(store: LayoutStore | undefined, context: readonly unknown[]) {
    this.#store = store
    this.#shared = store?.key([shape, ...context])
  }

  /** The widths of text an earlier run measured (they depend on the fonts only, which the store's keys take in). */
  knownWidths(): WidthTable | undefined {
    if (!this.#store) return undefined
    return this.#decoded(this.#store.key([shape, 'widths']), (data) => {
      const table: unknown = deserialize(data)
      return table instanceof Map ? (table as WidthTable) : undefined
    })
  }

  /** Keeps the widths this document measured or took (only those: the table stays the size of one book's words). */
  keepWidths(table: WidthTable): void {
    if (!this.#store) return
    const key = this.#store.key([shape, 'widths'])
    const data = serialize(table)
    // The measurer is done with it: the next document only reads it.
    storeValue(this.#store, key, data, table)
  }

  /**
   * The work's section: from the first pass or the store when still valid, else laid out by `make` (which adds
   * its `Sect` to `root` and reports through `warn`, with the `PageRefs` it is given), kept when it can be. Its
   * `Sect` joins `root` in every case.
   */
  section(
    work: ResolvedWork,
    root: StructNode,
    scripts: ScriptFonts,
    warn: Warn,
    pageRefs: PageRefs,
    make: (warn: Warn, pageRefs: PageRefs) => Section
  ): Section {
    const pass = pageRefs.labels === undefined ? 1 : 2
    // The first pass's layout when it still holds, else the store's (looked up only then).
    const first = this.#pass.get(work.id)
    const known = first !== undefined && stillValid(first.effects.pages, pageRefs) ? first : valid(this.#read(work, pass), pageRefs)
    if (known) {
      this.#pass.set(work.id, known)
      for (const font of known.effects.fonts) scripts.use(font)
      for (const {reason, position, ruleId} of known.effects.warnings) warn(reason, position === undefined ? undefined : {position}, ruleId)
      pageRefs.count += known.effects.pages.count
      known.sect.parent = root
      known.sect.index = root.children.length
      root.children.push(known.sect)
      return known.section
    }
    const effects: Effects = {warnings: [], fonts: [], pages: {count: 0, read: []}}
    const children = root.children.length
    scripts.reached = effects.fonts
    let section: Section
    try {
      section = make(
        (reason, node, ruleId) => {
          effects.warnings.push({reason, position: node?.position, ruleId})
          warn(reason, node, ruleId)
        },
        recording(pageRefs, effects.pages)
      )
    } finally {
      scripts.reached = undefined
    }
    pageRefs.count += effects.pages.count
    const sect = root.children[children]
    // Kept only when it is the work's alone: one new element, nothing but data.
    if (sect && root.children.length === children + 1 && !hasImage(section.flow)) {
      const kept = {section, sect, effects}
      this.#pass.set(work.id, kept)
      this.#write(work, pass, kept)
    }
    return section
  }

  /** Forgets the first pass's layouts once the book is paginated: the pages drawn can then be dropped one by one. */
  release(): void {
    this.#pass.clear()
  }

  /** A work's key in the store, for one pass (the first knows no page, the second does: two entries). */
  #key(work: ResolvedWork, pass: number): string | undefined {
    if (!this.#store || this.#shared === undefined) return undefined
    // The work's file only by its path (warnings name it): its messages change with what else a build reports.
    return this.#store.key([this.#shared, pass, {...work, file: work.file.path}])
  }

  #read(work: ResolvedWork, pass: number): Kept | undefined {
    const key = this.#key(work, pass)
    if (key === undefined) return undefined
    return this.#decoded(key, (data) => {
      const kept = deserialize(data) as Kept
      // A torn or foreign entry is a miss.
      if (kept?.section?.id !== work.id || !Array.isArray(kept.section.flow) || kept.sect?.type !== 'Sect' || !Array.isArray(kept.effects?.fonts))
        return undefined
      return kept
    })
  }

  /** The store's entry decoded, or as the store kept it decoded (never changed here: its `Sect`'s place is set on each use). */
  #decoded<T>(key: string, decode: (data: Uint8Array) => T | undefined): T | undefined {
    return this.#store ? storedValue(this.#store, key, decode) : undefined
  }

  #write(work: ResolvedWork, pass: number, kept: Kept): void {
    const key = this.#key(work, pass)
    if (key === undefined) return
    // Cut from the document's tree while it is copied: the rest of the book is not the work's.
    const parent = kept.sect.parent
    kept.sect.parent = undefined
    try {
      const data = serialize(kept)
      if (this.#store) storeValue(this.#store, key, data, kept)
    } catch {
      // Something that is not data after all: the work is laid out again next time.
    } finally {
      kept.sect.parent = parent
    }
  }
}

/** A view of `pageRefs` that tells `pages` what the section reads of it and how many references it sets. */
function recording(pageRefs: PageRefs, pages: Effects['pages']): PageRefs {
  // Always a table, even in the first pass (none known): what was asked then must be unknown still.
  const view = (of: 'labels' | 'lines'): ReadonlyMap<string, never> => {
    const get = (id: string): string | number | undefined => {
      const value = (pageRefs[of] as ReadonlyMap<string, string | number> | undefined)?.get(id)
      pages.read.push({of, id, value: value ?? null})
      return value
    }
    return {get} as unknown as ReadonlyMap<string, never>
  }
  const recorded = {labels: view('labels'), lines: view('lines'), count: 0}
  // The references set are counted on the view, then added to the book's.
  return Object.defineProperty(recorded, 'count', {
    get: () => pages.count,
    set: (value: number) => void (pages.count = value)
  })
}

/** `kept`, if it still holds. */
function valid(kept: Kept | undefined, pageRefs: PageRefs): Kept | undefined {
  return kept !== undefined && stillValid(kept.effects.pages, pageRefs) ? kept : undefined
}

/** Whether every page label and line a kept section read is still what it was (none known in the first pass). */
function stillValid(pages: Effects['pages'], pageRefs: PageRefs): boolean {
  return pages.read.every(({of, id, value}) => ((pageRefs[of] as ReadonlyMap<string, string | number> | undefined)?.get(id) ?? null) === value)
}

function hasImage(flow: readonly Flow[]): boolean {
  for (const item of flow) {
    if (item.kind !== 'block') continue
    for (const placed of item.items) if ('line' in placed && placed.line.glyphs.some((glyphs) => glyphs.drawing?.image)) return true
    for (const note of item.notes) if (hasImage(note.blocks)) return true
  }
  return false
}
