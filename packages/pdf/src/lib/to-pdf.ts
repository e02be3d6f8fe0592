/**
 * `toPdf`: a resolved edition to a typeset, tagged PDF, `<edition id>.pdf`, in memory.
 * Layout first (measuring with the embedded fonts), then pagination, then
 * the contents' page numbers, then drawing: two passes over the book, one
 * over the document, each page dropped once drawn.
 */
import type {OutputFile, ResolvedEdition} from '@samizdat/model'
import {type PdfOptions} from './options.js'
import {firstArabicPage} from './paginate.js'
import {KeptStreams} from './kept-streams.js'
import {keepStreams, setOutputIntent, setPageLabels} from './pdfkit.js'
import {render} from './render.js'
import {startsOf, typeset} from './typeset.js'

export async function toPdf(edition: ResolvedEdition, options: PdfOptions = {}): Promise<OutputFile[]> {
  const {doc, bytes, pages, root, geometry, measure, layouts} = await typeset(edition, options)
  options.pageStarts?.(startsOf(pages))
  const arabic = firstArabicPage(pages)
  // The pages are dropped as they are drawn; the layouts kept for the second pass are no longer needed.
  layouts.release()
  // Pages an earlier build drew, by their content: an edit draws only the pages it changed (kept-streams.ts).
  const kept = options.layouts ? new KeptStreams(options.layouts, [edition.meta.id, geometry]) : undefined
  if (kept) keepStreams(doc, kept)
  render(doc, pages, geometry, measure, root)
  layouts.keepWidths(measure.widths)
  setPageLabels(doc, arabic > 0 ? [0, {S: 'r'}, arabic, {S: 'D'}] : [0, {S: arabic === 0 ? 'D' : 'r'}])
  setOutputIntent(doc)
  doc.end()
  const data = await bytes
  kept?.save()
  return [{path: edition.meta.id + '.pdf', data}]
}
