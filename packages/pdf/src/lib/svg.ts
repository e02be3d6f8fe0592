/** Draw an SVG (a typeset formula) as vector paths, through svg-to-pdfkit, its baseline on `baseline`. */
import SVGtoPDF from 'svg-to-pdfkit'
import type {Doc} from './pdfkit.js'
import type {Drawing} from './types.js'

export function drawSvg(doc: Doc, drawing: Drawing, x: number, baseline: number): void {
  doc.save()
  SVGtoPDF(doc, drawing.svg, x, baseline - drawing.ascent, {
    width: drawing.width,
    height: drawing.ascent + drawing.descent,
    preserveAspectRatio: 'none',
    assumePt: true
  })
  doc.restore()
}
