import type {Image, Nodes, Paragraph} from 'mdast'
import {pointsPerPixel, type PdfImage} from '../images.js'
import type {Context, InlineContext, State} from '../state.js'
import {structChild} from '../structure.js'
import type {Drawing, Line, Run} from '../types.js'
import {run} from './text.js'

/**
 * An image in a line of text is drawn there, no taller than the text (a badge,
 * an icon); a `Figure` element whose alternative text is its description.
 * An image the PDF cannot draw (its data is damaged: images.ts has warned) is its description, in italic.
 */
export function image(node: Image, state: State, context: InlineContext, runs: Run[]): void {
  const found = imageOf(node, state)
  if (!found) {
    if (node.alt) runs.push(run(node.alt, state.style({...context, italic: !context.italic}), context))
    return
  }
  const scale = Math.min(pointsPerPixel, context.size / found.height, state.geometry.textWidth / found.width)
  const drawing = drawingOf(found, node, found.width * scale, found.height * scale)
  const struct = structChild(context.struct, 'Figure', {alt: node.alt ?? ''})
  const image: Run = {text: '', style: state.style(context), struct, lang: context.lang, breaks: 'never', drawing}
  if (context.link) image.link = context.link
  runs.push(image)
}

/**
 * A paragraph of images alone (a figure, or a row of them): each drawn on its
 * own, centred, at the column's width or its natural size, whichever is
 * smaller, never taller than the page; never split, so one that does not fit
 * goes to the next page. A figure's caption follows, kept with it.
 * Returns false for any other paragraph.
 */
export function imageParagraph(node: Paragraph, state: State, context: Context, previous: Nodes | undefined): boolean {
  const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  if (content.length === 0 || !content.every((child) => child.type === 'image' && imageOf(child, state))) return false
  const measure = state.geometry.textWidth - context.left - context.right
  // Room for the caption (two lines) on the image's page.
  const tallest = state.geometry.textHeight - 3 * context.leading
  state.space(previous === undefined ? 0 : context.leading * 0.5)
  for (const child of content as Image[]) {
    const found = imageOf(child, state) as PdfImage
    const scale = Math.min(pointsPerPixel, measure / found.width, tallest / found.height)
    const width = found.width * scale
    const height = found.height * scale
    const struct = state.struct(context, 'Figure', {alt: child.alt ?? ''})
    const drawing = drawingOf(found, child, width, height)
    const line: Line = {
      glyphs: [{x: Math.max(0, (measure - width) / 2), width, text: '', style: {font: 'serif', size: context.size}, struct, drawing}],
      height,
      baseline: height,
      notes: [],
      anchors: []
    }
    state.emit([line], context)
  }
  const caption = node.data?.figure?.caption
  if (caption) {
    state.space(context.leading * 0.25, {keep: true})
    state.keepNext = true
    const struct = state.struct(context, 'Caption')
    const small: Context = {...context, size: context.size * 0.9, leading: context.leading * 0.9, italic: !context.italic}
    const inline = state.inlineContext(small, struct)
    state.emit(state.lines([run(caption, state.style(inline), inline)], small, {align: 'center', hyphenate: false}), small, {together: true})
  }
  state.space(context.leading * 0.5)
  return true
}

function imageOf(node: Image, state: State): PdfImage | undefined {
  const path = node.data?.asset
  return path === undefined ? undefined : state.images.get(path)
}

/** An image stands on the baseline (a block image's line has its baseline at the bottom). */
function drawingOf(found: PdfImage, node: Image, width: number, height: number): Drawing {
  return {svg: found.svg ?? '', tex: node.alt ?? '', width, ascent: height, descent: 0, ...(found.opened ? {image: found.opened} : {})}
}
