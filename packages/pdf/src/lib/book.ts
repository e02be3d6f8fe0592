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
import type {Warnings} from './warnings.js'
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
}

export function layoutBook(edition: ResolvedEdition, root: StructNode, options: BookOptions): Book {
  const pageRefs: PageRefs = {labels: options.pages, count: 0, ...(options.lines ? {lines: options.lines} : {})}
  const state = (file?: string): State => {
    const made = new State(options.geometry, options.measure, handlers, options.labels, pageRefs, options.warnings.for(file))
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
  for (const work of edition.works) sections.push(workSection(work, meta, state(work.file.path), root))
  for (const section of edition.backMatter ?? []) sections.push(backMatterSection(section, meta, state(), root))
  return {sections, pageRefs: pageRefs.count, slots: contents.slots}
}
