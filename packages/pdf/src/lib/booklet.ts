/**
 * `toBooklet`: the finished book's pages imposed 2-up on landscape sheets in
 * saddle-stitch order, for a copy shop: print duplex (flip on the short
 * edge), fold each signature, nest, staple. The imposition embeds the
 * book's pages as form XObjects (pdf-lib), so the text, fonts and tags of
 * each page are the book's own bytes, unchanged.
 */
import type {PDFDocument, PDFEmbeddedPage, PDFPage} from 'pdf-lib'
import {UsageError} from '@samizdat/model'
import {srgbProfile} from './pdfkit.js'

type SheetPaper = 'A4' | 'Letter'

type PdfLib = typeof import('pdf-lib')
/** pdf-lib, loaded by the first booklet: a PDF without one does not pay for its start-up (about 0.2 s of CPU). */
let pdfLib: PdfLib | undefined

export interface BookletOptions {
  /** The sheet: A4 landscape (two A5 pages) or Letter landscape (two half-letter pages). Default A4. */
  sheet?: SheetPaper | undefined
  /** Fold marks at the spine, and crop marks where the pages leave a strip of the sheet to cut off. Default false. */
  marks?: boolean | undefined
  /** Pages per signature (a multiple of 4); default: the whole book is one signature. */
  signature?: number | undefined
}

const mm = 72 / 25.4
/** Landscape sheets, in points. */
const sheets: Record<SheetPaper, {width: number; height: number}> = {
  A4: {width: 297 * mm, height: 210 * mm},
  Letter: {width: 11 * 72, height: 8.5 * 72}
}

/** One side of a sheet: the book's page numbers (1-based) left and right of the fold; `undefined` is a blank. */
interface SheetSide {
  left: number | undefined
  right: number | undefined
}

/**
 * The sides of the sheets, front then back of each, for a book of `pages`
 * pages: padded with blanks at the end to a multiple of 4, cut into
 * signatures of `signature` pages (the last one as short as it can be), each
 * signature nested in saddle-stitch order (sheet 1 of 12 pages: front
 * [12, 1], back [2, 11]).
 */
function bookletSides(pages: number, signature?: number): SheetSide[] {
  if (!Number.isInteger(pages) || pages < 1) throw new UsageError(`A booklet needs at least one page, not ${pages}`)
  const padded = Math.ceil(pages / 4) * 4
  const size = signature ?? padded
  if (!Number.isInteger(size) || size < 4 || size % 4 !== 0) {
    throw new UsageError(`A signature holds a multiple of 4 pages (4, 8, 12, 16…), not ${signature}`)
  }
  const page = (n: number): number | undefined => (n <= pages ? n : undefined)
  const sides: SheetSide[] = []
  for (let start = 0; start < padded; start += size) {
    const count = Math.min(size, padded - start)
    for (let i = 0; i < count / 4; i++) {
      sides.push({left: page(start + count - 2 * i), right: page(start + 2 * i + 1)})
      sides.push({left: page(start + 2 * i + 2), right: page(start + count - 1 - 2 * i)})
    }
  }
  return sides
}

/** The booklet of `book` (a finished PDF's bytes): a new PDF of landscape sheets, with an sRGB output intent. */
export async function toBooklet(book: Uint8Array, options: BookletOptions = {}): Promise<Uint8Array> {
  const sheet = sheets[options.sheet ?? 'A4']
  pdfLib ??= await import('pdf-lib')
  const source = await pdfLib.PDFDocument.load(book, {updateMetadata: false})
  const doc = await pdfLib.PDFDocument.create({updateMetadata: false})
  // The book's title and dates, so that the booklet is as reproducible as the book.
  const title = source.getTitle()
  if (title !== undefined) doc.setTitle(title)
  const author = source.getAuthor()
  if (author !== undefined) doc.setAuthor(author)
  doc.setProducer('Samizdat (pdf-lib imposition)')
  doc.setCreator(source.getCreator() ?? 'Samizdat')
  const created = source.getCreationDate()
  if (created !== undefined) {
    doc.setCreationDate(created)
    doc.setModificationDate(created)
  }
  const embedded = await doc.embedPages(source.getPages())
  for (const side of bookletSides(embedded.length, options.signature)) {
    const page = doc.addPage([sheet.width, sheet.height])
    place(page, embedded, side.left, 'left', options.marks ?? false)
    place(page, embedded, side.right, 'right', options.marks ?? false)
    if (options.marks) foldMarks(page)
  }
  addOutputIntent(doc)
  return doc.save({useObjectStreams: false})
}

/**
 * Draws page `number` in the half of the sheet on `side`, scaled down only
 * if it is larger than the half (A5 on half-letter: 94 %), against the fold
 * so that the inner margins stay the book's, centred vertically.
 */
function place(page: PDFPage, pages: readonly PDFEmbeddedPage[], number: number | undefined, side: 'left' | 'right', marks: boolean): void {
  const half = {width: page.getWidth() / 2, height: page.getHeight()}
  // Blank pages are left blank; a blank at the end of the book still folds with its sheet.
  const embedded = number === undefined ? pages[0] : pages[number - 1]
  if (embedded === undefined) return
  const scale = Math.min(1, half.width / embedded.width, half.height / embedded.height)
  const width = embedded.width * scale
  const height = embedded.height * scale
  const x = side === 'left' ? half.width - width : half.width
  const y = (half.height - height) / 2
  if (number !== undefined) page.drawPage(embedded, {x, y, width, height})
  if (marks) cropMarks(page, {x, y, width, height}, side)
}

const markWidth = 0.25
const markLength = 12
/** Closer than this (1 mm) to the sheet's edge, a trim line needs no cut: A4 is 297 mm wide, two A5 pages 296. */
const flush = 3

/**
 * Crop marks: where a page's trim line lies inside the sheet (on Letter, above
 * and below the scaled page), a short tick on that line at the sheet's edge,
 * where the cut starts; the guillotine takes it off with the strip. Where the
 * page fills its half (A5 on A4) there is nothing to cut and none is drawn.
 */
function cropMarks(page: PDFPage, box: {x: number; y: number; width: number; height: number}, side: 'left' | 'right'): void {
  const sheetWidth = page.getWidth()
  const sheetHeight = page.getHeight()
  const edge = side === 'left' ? 0 : sheetWidth
  const inward = side === 'left' ? 1 : -1
  for (const y of [box.y, box.y + box.height]) {
    if (y > flush && y < sheetHeight - flush) line(page, edge, y, edge + inward * markLength, y)
  }
  const outer = side === 'left' ? box.x : box.x + box.width
  if (outer > flush && outer < sheetWidth - flush) {
    line(page, outer, 0, outer, markLength)
    line(page, outer, sheetHeight - markLength, outer, sheetHeight)
  }
}

/** Fold marks: short dashes on the fold line at the top and bottom edges of the sheet. */
function foldMarks(page: PDFPage): void {
  const x = page.getWidth() / 2
  line(page, x, 0, x, markLength)
  line(page, x, page.getHeight() - markLength, x, page.getHeight())
}

function line(page: PDFPage, x1: number, y1: number, x2: number, y2: number): void {
  page.drawLine({start: {x: x1, y: y1}, end: {x: x2, y: y2}, thickness: markWidth, color: (pdfLib as PdfLib).rgb(0, 0, 0)})
}

/** The sRGB output intent a print-ready PDF declares (the same profile as the book's, from pdfkit). */
function addOutputIntent(doc: PDFDocument): void {
  const {PDFName, PDFString} = pdfLib as PdfLib
  const profile = doc.context.flateStream(srgbProfile(), {N: 3})
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: doc.context.register(profile)
  })
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([doc.context.register(intent)]))
}
