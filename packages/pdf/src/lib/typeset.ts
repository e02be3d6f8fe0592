/**
 * Everything `toPdf` does but drawing: the document (fonts, images, metadata) and the book laid out and
 * paginated, twice when page references need the first pass's numbers. A module of its own so that the package's
 * public types (`toPdf`'s) never name pdfkit's, which a consumer without pdfkit's types could not read.
 */
import {textPlaces, type PageStart, type ResolvedEdition} from '@samizdat/model'
import {layoutBook} from './book.js'
import {WorkLayouts} from './layout-cache.js'
import {fillNumbers} from './contents.js'
import {Hyphenator} from './hyphenate.js'
import type {Geometry} from './geometry.js'
import {prepareImages} from './images.js'
import {registerFonts} from './fonts.js'
import {Measurer} from './measure.js'
import {documentInfo, writeXmp} from './metadata.js'
import {settings, type PdfOptions} from './options.js'
import {paginate, type Page} from './paginate.js'
import {bytesOf, createDocument, type Doc} from './pdfkit.js'
import {structRoot, type StructNode} from './structure.js'
import type {Block, Line, Placed} from './types.js'
import {Warnings} from './warnings.js'

interface Typeset {
  doc: Doc
  bytes: Promise<Uint8Array>
  pages: Page[]
  root: StructNode
  geometry: Geometry
  measure: Measurer
  layouts: WorkLayouts
}

/** Everything but drawing: the document (fonts, images, metadata) and the book laid out and paginated. Tests read the pages. */
export async function typeset(edition: ResolvedEdition, options: PdfOptions = {}): Promise<Typeset> {
  const {date, geometry, labels, compress, report, pageStarts} = settings(edition, options)
  const warnings = new Warnings(report)
  const info = documentInfo(edition.meta, date)
  const doc = createDocument({info, lang: edition.meta.language, compress})
  const bytes = bytesOf(doc)
  writeXmp(doc, edition.meta, info)
  registerFonts(doc)
  // What a work's layout reads besides the work: the edition's metadata, the page, the words, the images.
  // (and whether its words carry their places in the text, for the EPUB's page-list).
  const layouts = new WorkLayouts(options.layouts, [
    edition.meta,
    geometry,
    labels,
    options.locale ?? null,
    options.labels ?? null,
    edition.assets,
    pageStarts !== undefined
  ])
  const measure = new Measurer(doc, layouts.knownWidths())

  const images = await prepareImages(doc, edition.assets, report)
  const hyphenator = new Hyphenator(edition.meta.hyphenation)
  let root = structRoot('Document')
  const places = pageStarts ? textPlaces(edition) : undefined
  const common = {geometry, measure, labels, date, warnings, images, hyphenator, layouts, ...(places ? {places} : {})}
  let book = layoutBook(edition, root, common)
  let pages = paginate(book.sections, geometry)
  let pageOf = destinations(pages)
  if (book.pageRefs > 0) {
    // Page references need the first pass's page numbers. They sit in the back
    // matter, after what they point to, so the second pass moves nothing they name: every work
    // without one is taken from the first pass as it is.
    root = structRoot('Document')
    book = layoutBook(edition, root, {...common, pages: pageOf, lines: linesOf(pages)})
    pages = paginate(book.sections, geometry)
    pageOf = destinations(pages)
  }
  fillNumbers(
    book.slots,
    (dest) => pageOf.get(dest),
    (text, style) => measure.width(text, style)
  )
  return {doc, bytes, pages, root, geometry, measure, layouts}
}

/**
 * Where each page starts in the edition's text: the first word of the text on it; or, when the page opens
 * with what the PDF sets from metadata (a chapter's title, subtitle, byline), the element that has the
 * id of its first block (`#id`: the chapter's heading).
 */
export function startsOf(pages: readonly Page[]): PageStart[] {
  const starts: PageStart[] = []
  for (const page of pages) {
    const sourceOf = (block: Block) =>
      block.items.find((placed): placed is Placed & {line: Line} => 'line' in placed && placed.line.source !== undefined)?.line.source
    const first = page.body[0]?.block
    const id = first && first.marks.length > 0 && !sourceOf(first) ? first.marks[0]?.id : undefined
    const source = page.body.map(({block}) => sourceOf(block)).find((found) => found !== undefined)
    if (id !== undefined) starts.push({place: '#' + id, offset: 0, label: page.label})
    else if (source) starts.push({place: source.place, offset: source.offset, label: page.label})
  }
  return starts
}

/** The page label of every destination: block marks and line anchors (notes, mentions). */
function destinations(pages: readonly Page[]): Map<string, string> {
  const labels = new Map<string, string>()
  for (const page of pages) {
    for (const {block} of [...page.body, ...page.notes]) {
      for (const mark of block.marks) labels.set(mark.id, page.label)
      for (const placed of block.items) if ('line' in placed) for (const anchor of placed.line.anchors) labels.set(anchor, page.label)
    }
  }
  return labels
}

/**
 * The line on its page of every line anchor in the text, counted from 1 as a reader counts them: the lines
 * of text only, not headings nor a chapter's opening (nor notes, running heads or rules).
 */
function linesOf(pages: readonly Page[]): Map<string, number> {
  const lines = new Map<string, number>()
  for (const page of pages) {
    let number = 0
    for (const {block} of page.body) {
      for (const placed of block.items) {
        if (!('line' in placed) || placed.line.display || isHeading(placed.line)) continue
        number++
        for (const anchor of placed.line.anchors) if (!lines.has(anchor)) lines.set(anchor, number)
      }
    }
  }
  return lines
}

function isHeading(line: Line): boolean {
  return line.glyphs.some((glyphs) => {
    for (let node: StructNode | undefined = glyphs.struct; node; node = node.parent) if (/^H\d?$/.test(node.type)) return true
    return false
  })
}
