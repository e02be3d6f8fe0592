/**
 * `toPdf`: a resolved edition to a typeset, tagged PDF, `<edition id>.pdf`, in memory.
 * Layout first (measuring with the embedded fonts), then pagination, then
 * the contents' page numbers, then drawing: two passes over the book, one
 * over the document.
 */
import type {OutputFile, ResolvedEdition} from '@samizdat/model'
import {layoutBook} from './book.js'
import {fillNumbers} from './contents.js'
import {Hyphenator} from './hyphenate.js'
import {prepareImages} from './images.js'
import {registerFonts} from './fonts.js'
import {Measurer} from './measure.js'
import {documentInfo, writeXmp} from './metadata.js'
import {settings, type PdfOptions} from './options.js'
import {firstArabicPage, paginate, type Page} from './paginate.js'
import {bytesOf, createDocument, setOutputIntent, setPageLabels} from './pdfkit.js'
import {render} from './render.js'
import {structRoot} from './structure.js'
import {Warnings} from './warnings.js'

export async function toPdf(edition: ResolvedEdition, options: PdfOptions = {}): Promise<OutputFile[]> {
  const {date, geometry, labels, compress, report} = settings(edition, options)
  const warnings = new Warnings(report)
  const info = documentInfo(edition.meta, date)
  const doc = createDocument({info, lang: edition.meta.language, compress})
  const bytes = bytesOf(doc)
  writeXmp(doc, edition.meta, info)
  registerFonts(doc)
  const measure = new Measurer(doc)

  const images = await prepareImages(doc, edition.assets, report)
  const hyphenator = new Hyphenator(edition.meta.hyphenation)
  let root = structRoot('Document')
  let book = layoutBook(edition, root, {geometry, measure, labels, date, warnings, images, hyphenator})
  let pages = paginate(book.sections, geometry)
  let pageOf = destinations(pages)
  if (book.pageRefs > 0) {
    // Page references need the first pass's page numbers. They sit in the back
    // matter, after what they point to, so the second pass moves nothing they name.
    root = structRoot('Document')
    book = layoutBook(edition, root, {geometry, measure, labels, date, warnings, images, hyphenator, pages: pageOf})
    pages = paginate(book.sections, geometry)
    pageOf = destinations(pages)
  }
  fillNumbers(
    book.slots,
    (dest) => pageOf.get(dest),
    (text, style) => measure.width(text, style)
  )

  render(doc, pages, geometry, measure, root)
  const arabic = firstArabicPage(pages)
  setPageLabels(doc, arabic > 0 ? [0, {S: 'r'}, arabic, {S: 'D'}] : [0, {S: arabic === 0 ? 'D' : 'r'}])
  setOutputIntent(doc)
  doc.end()
  return [{path: edition.meta.id + '.pdf', data: await bytes}]
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
