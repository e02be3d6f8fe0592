/**
 * Draw the paginated book with pdfkit: furniture, blocks, rules, notes,
 * destinations, outline entries and link annotations, every mark tagged.
 * Each word run is placed at the x the line breaker computed and drawn from
 * its glyphs (`drawText`); pdfkit never wraps, justifies or measures here.
 */
import {markColor} from './handlers/apparatus.js'
import {leftEdge, type Geometry} from './geometry.js'
import {drawFurniture} from './furniture.js'
import type {Measurer} from './measure.js'
import {Outliner} from './outline.js'
import type {Page} from './paginate.js'
import {drawText, pdfString, type Doc} from './pdfkit.js'
import type {StructNode} from './structure.js'
import {Tagger} from './tagging.js'
import {safeUrl} from './url.js'
import {drawSvg} from './svg.js'
import type {Block, Glyphs, Line, Rule} from './types.js'

/**
 * Draws `pages` in order and empties the array as it goes: a drawn page's layout (its lines and glyphs, most
 * of a long book's heap) is dropped at once rather than kept until the last page is drawn.
 */
export function render(doc: Doc, pages: Page[], geometry: Geometry, measure: Measurer, root: StructNode): void {
  const tagger = new Tagger(doc, root)
  const outliner = new Outliner(doc)
  // A name may be defined once: the first place wins (ids are unique, this is a safeguard).
  const named = new Set<string>()
  const destination = (id: string, x: number, y: number): void => {
    if (named.has(id)) return
    named.add(id)
    doc.addNamedDestination(id, 'XYZ', x, y, null)
  }

  /**
   * The fill colour text last set on this page, when nothing has changed it since: runs of one colour set it once
   * (every other drawing here saves and restores the graphics state, and `drawText` too).
   */
  let fill: string | undefined
  pages.reverse()
  for (let page = pages.pop(); page !== undefined; page = pages.pop()) {
    doc.addPage({size: [geometry.width, geometry.height], margin: 0})
    const left = leftEdge(geometry, page.index)
    drawFurniture(doc, page, geometry, measure, tagger)
    fill = undefined
    for (const {y, block} of page.body) drawBlock(block, left, geometry.top + y)
    if (page.noteRule !== undefined) {
      const y = geometry.top + page.noteRule + geometry.noteLeading * 0.45
      drawRule({width: geometry.textWidth * 0.25, thickness: 0.4}, left, y)
    }
    for (const {y, block} of page.notes) drawBlock(block, left, geometry.top + y)
    tagger.endPage()
  }
  tagger.finish()

  function drawBlock(block: Block, x: number, y: number): void {
    for (const mark of block.marks) {
      destination(mark.id, x, y)
      if (mark.outline) outliner.add(mark.outline.title, mark.outline.depth, mark.id)
    }
    for (const placed of block.items) {
      if ('rule' in placed) drawRule(placed.rule, x + placed.dx, y + placed.dy)
      else drawLine(placed.line, x + placed.dx, y + placed.dy)
    }
  }

  function drawRule(rule: Rule, x: number, y: number): void {
    tagger.artifact('Layout')
    doc
      .save()
      .moveTo(x, y)
      .lineTo(x + rule.width, y)
      .lineWidth(rule.thickness)
      .strokeColor('#000000')
      .stroke()
      .restore()
  }

  function drawLine(line: Line, x: number, y: number): void {
    for (const anchor of line.anchors) destination(anchor, x, y)
    const baseline = y + line.baseline
    if (line.marginDot) {
      // A corrected reading on this line: a small dot in the margin, left of the text.
      tagger.artifact('Layout')
      doc
        .save()
        .circle(x - line.height * 0.5, baseline - line.height * 0.25, line.height * 0.07)
        .fill(markColor)
        .restore()
    }
    for (const glyphs of line.glyphs) {
      if (glyphs.drawing) {
        tagger.content(glyphs.struct)
        drawSvg(doc, glyphs.drawing, x + glyphs.x, baseline)
        fill = undefined
        continue
      }
      if (glyphs.text === '') continue
      if (glyphs.artifact) tagger.artifact('Layout')
      else tagger.content(glyphs.struct)
      const {style} = glyphs
      doc.font(style.font).fontSize(style.size)
      const color = style.color ?? '#000000'
      if (color !== fill) doc.fillColor(color)
      fill = color
      drawText(doc, glyphs.text, x + glyphs.x, baseline, style.features)
    }
    annotate(line.glyphs, x, y, line.height)
  }

  /** One annotation per run of glyphs with the same link on a line. */
  function annotate(glyphs: readonly Glyphs[], x: number, y: number, height: number): void {
    let index = 0
    while (index < glyphs.length) {
      const first = glyphs[index] as Glyphs
      const link = first.link
      let last = first
      while (index + 1 < glyphs.length && glyphs[index + 1]?.link === link) last = glyphs[++index] as Glyphs
      index++
      if (!link || last.x + last.width <= first.x) continue
      tagger.close()
      const options = {structParent: tagger.element(link.struct), Contents: pdfString(link.text)}
      const left = x + first.x
      const width = last.x + last.width - first.x
      if (link.dest) doc.goTo(left, y, width, height, link.dest, options)
      // The last gate before a URI action: nothing but web and mail addresses.
      else if (link.url && safeUrl(link.url)) doc.link(left, y, width, height, link.url, options)
    }
  }
}
