/** Draw an SVG (a typeset formula, an image) as vector paths, through svg-to-pdfkit, or a raster image, its baseline on `baseline`. */
import SVGtoPDF from 'svg-to-pdfkit'
import type {Doc} from './pdfkit.js'
import type {Drawing} from './types.js'

export function drawSvg(doc: Doc, drawing: Drawing, x: number, baseline: number): void {
  doc.save()
  // A raster image (the edition's PNG or JPEG) is pdfkit's own, opened once: one XObject, however often it is drawn.
  if (drawing.image) {
    doc.image(drawing.image, x, baseline - drawing.ascent, {
      width: drawing.width,
      height: drawing.ascent + drawing.descent
    })
    doc.restore()
    return
  }
  SVGtoPDF(doc, drawing.svg, x, baseline - drawing.ascent, {
    width: drawing.width,
    height: drawing.ascent + drawing.descent,
    preserveAspectRatio: 'none',
    assumePt: true
  })
  doc.restore()
}
