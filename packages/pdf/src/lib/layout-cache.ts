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
 * numbered in the PDF as they are first used). A section that shows a raster
 * image (a pdfkit object) or a page reference (it depends on the pages) is
 * never stored. The store also keeps the widths of the text measured (a
 * work laid out again mostly measures words other works had).
 */
import {deserialize, serialize} from 'node:v8'
import type {Nodes} from 'mdast'
import type {ResolvedWork} from '@samizdat/model'
import type {WidthTable} from './measure.js'
import type {ScriptFonts} from './scripts.js'
import type {StructNode} from './structure.js'
import type {Flow, FontKey, Section} from './types.js'
import type {Warn} from './warnings.js'

/**
 * Where `toPdf` may keep each work's layout between runs: bytes by a key the store makes from values (a hash of
 * them, which must tell apart any two that differ, and take in the code that lays out).
 */
export interface LayoutStore {
  key(parts: readonly unknown[]): string
  get(key: string): Uint8Array | undefined
  set(key: string, data: Uint8Array): void
}

/** What a work's layout leaves besides its section: told again when it is reused. */
interface Effects {
  warnings: Array<{reason: string; position: Nodes['position']; ruleId: string}>
  /** Fallback font slices reached, in order. */
  fonts: FontKey[]
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
    const data = this.#store?.get(this.#store.key([shape, 'widths']))
    if (!data) return undefined
    try {
      const table: unknown = deserialize(data)
      return table instanceof Map ? (table as WidthTable) : undefined
    } catch {
      return undefined
    }
  }

  /** Keeps the widths this document measured or took (only those: the table stays the size of one book's words). */
  keepWidths(table: WidthTable): void {
    this.#store?.set(this.#store.key([shape, 'widths']), serialize(table))
  }

  /**
   * The work's section: from the first pass, else from the store, else laid out by `make` (which adds its `Sect`
   * to `root` and reports through `warn`), kept when it can be. Its `Sect` joins `root` in every case.
   */
  section(work: ResolvedWork, root: StructNode, scripts: ScriptFonts, warn: Warn, pageRefs: {count: number}, make: (warn: Warn) => Section): Section {
    const known = this.#pass.get(work.id) ?? this.#read(work)
    if (known) {
      this.#pass.set(work.id, known)
      for (const font of known.effects.fonts) scripts.use(font)
      for (const {reason, position, ruleId} of known.effects.warnings) warn(reason, position === undefined ? undefined : {position}, ruleId)
      known.sect.parent = root
      known.sect.index = root.children.length
      root.children.push(known.sect)
      return known.section
    }
    const effects: Effects = {warnings: [], fonts: []}
    const count = pageRefs.count
    const children = root.children.length
    scripts.reached = effects.fonts
    let section: Section
    try {
      section = make((reason, node, ruleId) => {
        effects.warnings.push({reason, position: node?.position, ruleId})
        warn(reason, node, ruleId)
      })
    } finally {
      scripts.reached = undefined
    }
    const sect = root.children[children]
    // Kept only when it is the work's alone: one new element, no page reference, nothing but data.
    if (sect && root.children.length === children + 1 && pageRefs.count === count && !hasImage(section.flow)) {
      const kept = {section, sect, effects}
      this.#pass.set(work.id, kept)
      this.#write(work, kept)
    }
    return section
  }

  #key(work: ResolvedWork): string | undefined {
    if (!this.#store || this.#shared === undefined) return undefined
    // The work's file only by its path (warnings name it): its messages change with what else a build reports.
    return this.#store.key([this.#shared, {...work, file: work.file.path}])
  }

  #read(work: ResolvedWork): Kept | undefined {
    const key = this.#key(work)
    const data = key === undefined ? undefined : this.#store?.get(key)
    if (!data) return undefined
    try {
      const kept = deserialize(data) as Kept
      // A torn or foreign entry is a miss.
      if (kept?.section?.id !== work.id || !Array.isArray(kept.section.flow) || kept.sect?.type !== 'Sect' || !Array.isArray(kept.effects?.fonts))
        return undefined
      return kept
    } catch {
      return undefined
    }
  }

  #write(work: ResolvedWork, kept: Kept): void {
    const key = this.#key(work)
    if (key === undefined) return
    // Cut from the document's tree while it is copied: the rest of the book is not the work's.
    const parent = kept.sect.parent
    kept.sect.parent = undefined
    try {
      this.#store?.set(key, serialize(kept))
    } catch {
      // Something that is not data after all: the work is laid out again next time.
    } finally {
      kept.sect.parent = parent
    }
  }
}

function hasImage(flow: readonly Flow[]): boolean {
  for (const item of flow) {
    if (item.kind !== 'block') continue
    for (const placed of item.items) if ('line' in placed && placed.line.glyphs.some((glyphs) => glyphs.drawing?.image)) return true
    for (const note of item.notes) if (hasImage(note.blocks)) return true
  }
  return false
}
