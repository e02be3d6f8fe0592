/**
 * Page furniture: the running head (the edition's title on versos, the
 * section's on rectos) and the folio, centred; both artifacts. None on
 * blank pages, on the title page and imprint, and no head on a section's
 * first page.
 */
import {leftEdge, type Geometry} from './geometry.js'
import type {Measurer} from './measure.js'
import type {Page} from './paginate.js'
import type {Doc} from './pdfkit.js'
import type {Tagger} from './tagging.js'
import type {TextStyle} from './types.js'

export function drawFurniture(doc: Doc, page: Page, geometry: Geometry, measure: Measurer, tagger: Tagger): void {
  const section = page.section
  if (!section || section.folio === 'none') return
  const left = leftEdge(geometry, page.index)
  const centre = (text: string, style: TextStyle, baseline: number): void => {
    const fitted = fit(text, style, geometry.textWidth, measure)
    const width = measure.width(fitted, style)
    tagger.artifact('Pagination')
    doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.color ?? '#000000')
    doc.text(fitted, left + (geometry.textWidth - width) / 2, baseline, {
      lineBreak: false,
      baseline: 'alphabetic',
      ...(style.features ? {features: [...style.features] as PDFKit.Mixins.OpenTypeFeatures[]} : {})
    })
  }
  if (!page.first && section.heads) {
    const text = page.index % 2 === 0 ? section.heads.recto : section.heads.verso
    centre(text, {font: 'serifItalic', size: geometry.size * 0.82, features: ['onum']}, geometry.top - geometry.headRaise)
  }
  centre(page.label, {font: 'serif', size: geometry.size * 0.85, features: ['onum']}, geometry.top + geometry.textHeight + geometry.folioDrop)
  tagger.close()
}

/** The text, cut at a word and ended with an ellipsis if it is wider than `width`. */
function fit(text: string, style: TextStyle, width: number, measure: Measurer): string {
  if (measure.width(text, style) <= width) return text
  const words = text.split(' ')
  while (words.length > 1) {
    words.pop()
    const candidate = `${words.join(' ').replace(/[,;:.]$/, '')}…`
    if (measure.width(candidate, style) <= width) return candidate
  }
  return text
}
