/**
 * Page furniture: the running head (the edition's title on versos, the
 * section's on rectos) and the folio, centred; both artifacts. None on
 * blank pages, on the title page and imprint, and no head on a section's
 * first page.
 */
import {leftEdge, type Geometry} from './geometry.js'
import type {Measurer} from './measure.js'
import type {Page} from './paginate.js'
import {drawText, type Doc} from './pdfkit.js'
import type {Tagger} from './tagging.js'
import {setParagraph} from './paragraph.js'
import {structRoot} from './structure.js'
import type {Line, TextStyle} from './types.js'

/** Furniture is an artifact: its runs need an owner, which is never tagged. */
const owner = structRoot('Artifact')

export function drawFurniture(doc: Doc, page: Page, geometry: Geometry, measure: Measurer, tagger: Tagger): void {
  const section = page.section
  if (!section || section.folio === 'none') return
  const left = leftEdge(geometry, page.index)
  const centre = (text: string, style: TextStyle, baseline: number): void => {
    const line = setLine(text, style, geometry, measure)
    if (!line || line.glyphs.length === 0) return
    // Centred on its ink, wherever the line put it (a right-to-left head sits at the right of the measure).
    const from = Math.min(...line.glyphs.map((glyphs) => glyphs.x))
    const to = Math.max(...line.glyphs.map((glyphs) => glyphs.x + glyphs.width))
    const start = left + (geometry.textWidth - (to - from)) / 2 - from
    tagger.artifact('Pagination')
    for (const glyphs of line.glyphs) {
      doc
        .font(glyphs.style.font)
        .fontSize(glyphs.style.size)
        .fillColor(glyphs.style.color ?? '#000000')
      const x = start + glyphs.x
      drawText(doc, glyphs.text, x, baseline, glyphs.style.features)
    }
  }
  if (!page.first && section.heads) {
    const text = page.index % 2 === 0 ? section.heads.recto : section.heads.verso
    centre(text, {font: 'serifItalic', size: geometry.size * 0.82, features: ['onum']}, geometry.top - geometry.headRaise)
  }
  centre(page.label, {font: 'serif', size: geometry.size * 0.85, features: ['onum']}, geometry.top + geometry.textHeight + geometry.folioDrop)
  tagger.close()
}

/**
 * A head or folio set as a one-line paragraph, so that a title in another script gets its fonts and its direction;
 * once per text and style in a document (a head is the same on every page of its section).
 */
function setLine(text: string, style: TextStyle, geometry: Geometry, measure: Measurer): Line | undefined {
  let lines = setLines.get(measure)
  if (lines === undefined) setLines.set(measure, (lines = new Map()))
  const key = `${style.font}\u0000${style.size}\u0000${style.color ?? ''}\u0000${style.features?.join(',') ?? ''}\u0000${geometry.textWidth}\u0000${text}`
  if (lines.has(key)) return lines.get(key)
  const fitted = fit(text, style, geometry.textWidth, measure)
  const [line] = setParagraph([{text: fitted, style, struct: owner, lang: 'und', breaks: 'never'}], measure, {
    width: geometry.textWidth * 100,
    align: 'ragged',
    leading: style.size,
    style,
    hyphenate: false
  })
  lines.set(key, line)
  return line
}

/** Heads and folios set, by document (its measurer). */
const setLines = new WeakMap<Measurer, Map<string, Line | undefined>>()

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
