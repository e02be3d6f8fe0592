/**
 * Place the items of each line: every box at its computed x, glue stretched
 * or shrunk by the line's ratio, the hyphen of a broken word added. Runs
 * of one style, owner and link that touch are merged so that they are drawn
 * (and kerned) as one string; a space glyph ends each word that a space
 * follows, so that extracted text and screen readers get real spaces.
 */
import type {Align, Item, Piece} from './items.js'
import type {LineBreak} from './linebreak.js'
import type {Glyphs, Line, Note, TextPlace, TextStyle} from './types.js'

export interface SetOptions {
  align: Align
  /**
   * Most a justified line's glue may stretch (as a ratio): a line that needs
   * more is set at this spacing and left short, rather than spaced wider.
   */
  maxRatio: number
  width: number
  height: number
  baseline: number
}

export function setLines(items: readonly Item[], breaks: readonly LineBreak[], options: SetOptions): Line[] {
  const lines: Line[] = []
  let start = 0
  breaks.forEach((lineBreak, index) => {
    const end = lineBreak.position
    const breakItem = items[end] as Item
    const last = index === breaks.length - 1 || isForced(breakItem)
    const ratio = options.align === 'justify' ? Math.min(lineBreak.ratio, options.maxRatio) : lineBreak.ratio
    const glyphs: Glyphs[] = []
    const notes: Note[] = []
    const anchors: string[] = []
    let marginDot = false
    let source: TextPlace | undefined
    let x = 0
    /** End of the last box: what centring measures (trailing rag glue does not count). */
    let inked = 0
    let space: number | undefined
    let pendingSpace = false
    // Glue and penalties at the start of a line are discarded.
    let first = start
    while (first < end && items[first]?.type !== 'box') first++
    // After a break inside a word, the rest of the word is shaped on its own (see `postBreak`).
    const previousBreak = index > 0 ? items[(breaks[index - 1] as LineBreak).position] : undefined
    let postBreak = previousBreak?.type === 'penalty' ? (previousBreak.postBreak ?? 0) : 0
    for (let position = first; position < end; position++) {
      const item = items[position] as Item
      if (postBreak !== 0 && item.type !== 'box') {
        x += postBreak
        inked = x
        const last = glyphs.at(-1)
        if (last) last.width += postBreak
        postBreak = 0
      }
      if (item.type === 'box') {
        if (item.piece) {
          if (pendingSpace) addSpace(glyphs)
          place(glyphs, item.piece, x, item.width)
          if (item.piece.note) notes.push(item.piece.note)
          if (item.piece.anchors) anchors.push(...item.piece.anchors)
          if (item.piece.marginDot) marginDot = true
          source ??= item.piece.source
        }
        pendingSpace = false
        x += item.width
        inked = x
      } else if (item.type === 'glue') {
        const adjust = ratio > 0 ? item.stretch : item.shrink
        x += item.width + ratio * adjust
        if (item.space) {
          pendingSpace = true
          space ??= item.width
        }
      }
    }
    if (postBreak !== 0) {
      x += postBreak
      inked = x
      const last = glyphs.at(-1)
      if (last) last.width += postBreak
    }
    if (breakItem.type === 'penalty' && breakItem.hyphen) {
      place(glyphs, breakItem.hyphen, x, breakItem.width)
      x += breakItem.width
      inked = x
    } else if ((breakItem.type === 'glue' && breakItem.space) || (breakItem.type === 'penalty' && breakItem.space)) {
      addSpace(glyphs)
    }
    const offset = options.align === 'center' ? Math.max(0, (options.width - inked) / 2) : 0
    if (offset > 0) for (const glyph of glyphs) glyph.x += offset
    const line: Line = {glyphs, height: options.height, baseline: options.baseline, notes, anchors}
    if (options.align === 'justify' && !last) line.ratio = ratio
    if (space !== undefined) line.space = space
    if (marginDot) line.marginDot = true
    if (source) line.source = source
    lines.push(line)
    start = end + 1
  })
  return lines
}

function isForced(item: Item): boolean {
  return item.type === 'penalty' && item.penalty <= -10_000
}

/** Append the piece, merging it into the previous glyphs when they touch and share style, owner and link. */
function place(glyphs: Glyphs[], piece: Piece, x: number, width: number): void {
  const previous = glyphs.at(-1)
  if (
    previous &&
    !previous.drawing &&
    !piece.drawing &&
    !previous.text.endsWith(' ') &&
    sameStyle(previous.style, piece.style) &&
    previous.struct === piece.struct &&
    previous.link === piece.link &&
    previous.artifact === piece.artifact &&
    Math.abs(previous.x + previous.width - x) < 0.01
  ) {
    previous.text += piece.text
    previous.width += width
    return
  }
  const glyph: Glyphs = {x, width, text: piece.text, style: piece.style, struct: piece.struct}
  if (piece.link) glyph.link = piece.link
  if (piece.drawing) glyph.drawing = piece.drawing
  if (piece.artifact) glyph.artifact = true
  glyphs.push(glyph)
}

/** A space glyph after the last word: invisible, it only tells readers where words end. */
function addSpace(glyphs: Glyphs[]): void {
  const previous = glyphs.at(-1)
  if (previous && !previous.text.endsWith(' ')) previous.text += ' '
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a === b || (a.font === b.font && a.size === b.size && a.color === b.color && (a.features ?? []).join() === (b.features ?? []).join())
}
