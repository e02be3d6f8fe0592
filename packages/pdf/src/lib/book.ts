/**
 * The book as sections, in order: title page, imprint, contents, preface,
 * each work, then the generated back matter. Laying out needs the fonts (for measuring) but no page:
 * the result is pure data for pagination.
 */
import type {ResolvedEdition} from '@samizdat/model'
import {contentsSection, type NumberSlot} from './contents.js'
import type {Geometry} from './geometry.js'
import type {Hyphenator} from './hyphenate.js'
import type {PdfImage} from './images.js'
import {handlers} from './handlers/index.js'
import {imprint} from './imprint.js'
import type {Words} from './labels.js'
import type {Measurer} from './measure.js'
import {State, type PageRefs} from './state.js'
import type {StructNode} from './structure.js'
import {titlePage} from './title-page.js'
import type {Section} from './types.js'
import type {Warn, Warnings} from './warnings.js'
import type {WorkLayouts} from './layout-cache.js'
import {backMatterSection, prefaceSection, workSection} from './work.js'

export interface Book {
  sections: Section[]
  /** How many page references the book has (their numbers need a second pass). */
  pageRefs: number
  /** Contents page numbers, to fill in once pages are known. */
  slots: NumberSlot[]
}

export interface BookOptions {
  geometry: Geometry
  measure: Measurer
  labels: Words
  date: Date
  warnings: Warnings
  /** Page labels from a first pass, for page references (index entries). */
  pages?: ReadonlyMap<string, string>
  /** Line numbers on their pages from the same pass (see `PageRefs.lines`). */
  lines?: ReadonlyMap<string, number>
  /** The name of each text node of the reading text (the model's `textPlaces`), for where pages start. */
  places?: ReadonlyMap<object, string>
  /** The edition's images, prepared for drawing (images.ts). */
  images: ReadonlyMap<string, PdfImage>
  /** One per document, over both passes: the edition's exceptions and every word's points, worked out once. */
  hyphenator: Hyphenator
  /** Works already laid out (the first pass, a store): taken as they are (layout-cache.ts). */
  layouts?: WorkLayouts
}

export function layoutBook(edition: ResolvedEdition, root: StructNode, options: BookOptions): Book {
  const pageRefs: PageRefs = {labels: options.pages, count: 0, ...(options.lines ? {lines: options.lines} : {})}
  const state = (warn: Warn = options.warnings.for(undefined), refs: PageRefs = pageRefs): State => {
    const made = new State(options.geometry, options.measure, handlers, options.labels, refs, warn)
    made.images = options.images
    made.hyphenator = options.hyphenator
    if (options.places) made.places = options.places
    return made
  }
  const {meta} = edition
  // Sections are made in reading order: their elements join the structure tree in that order.
  const sections: Section[] = [titlePage(meta, state(), root), imprint(meta, state(), root)]
  const contents = contentsSection(edition, state(), root)
  sections.push(contents.section)
  if (edition.preface) sections.push(prefaceSection(edition.preface, meta, state(), root))
  for (const work of edition.works) {
    const warn = options.warnings.for(work.file.path)
    const make = (recorded: Warn, refs: PageRefs): Section => workSection(work, meta, state(recorded, refs), root)
    sections.push(options.layouts ? options.layouts.section(work, root, options.measure.scripts, warn, pageRefs, make) : make(warn, pageRefs))
  }
  for (const section of edition.backMatter ?? []) sections.push(backMatterSection(section, meta, state(), root))
  return {sections, pageRefs: pageRefs.count, slots: contents.slots}
}
