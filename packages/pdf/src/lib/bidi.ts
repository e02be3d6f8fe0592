/**
 * Right-to-left text: the Unicode bidirectional algorithm (UAX #9, through
 * `bidi-js`) reorders each set line from logical to visual order, after
 * line breaking, as the algorithm says (rule L2). The paragraph's direction
 * is that of its first strong character (P2). Each line is resolved with
 * that direction; a line's glyph runs are cut where the embedding level
 * changes, the pieces and the spaces between them are reversed run by run,
 * and placed again from the line's start (a right-to-left paragraph is
 * flush right, its indent on the right). A piece of right-to-left script is
 * drawn as its logical text: fontkit shapes it (Arabic joining) and lays
 * its glyphs out right to left itself; a right-to-left piece of neutral
 * characters only (brackets, dashes) is reversed and mirrored here.
 * Text with no right-to-left character never gets here.
 */
import bidiModule, {type Bidi} from 'bidi-js'
import type {Measurer} from './measure.js'
import type {Glyphs, Line, Run} from './types.js'

// bidi-js is CommonJS whose module is the factory; its types declare an ES default export.
const bidi = (bidiModule as unknown as () => Bidi)()

/** Hebrew, Arabic, Syriac, Thaana, N'Ko…, their presentation forms, and the right-to-left marks and embeddings. */
const rightToLeft = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}\u200F\u202B\u202E\u2067]/u
const strongRightToLeft = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u

export type Direction = 'ltr' | 'rtl'

/** The paragraph's direction, or `undefined` when it has no right-to-left character (nothing to reorder). */
export function paragraphDirection(runs: readonly Run[]): Direction | undefined {
  const text = runs.map((run) => run.text).join('')
  if (!rightToLeft.test(text)) return undefined
  const [paragraph] = bidi.getEmbeddingLevels(text, 'auto').paragraphs
  return paragraph && paragraph.level % 2 === 1 ? 'rtl' : 'ltr'
}

interface Element {
  level: number
  width: number
  glyphs?: Glyphs
}

/** The line in visual order: glyph runs cut at level changes, reversed by level, placed again. */
export function reorderLine(line: Line, direction: Direction, width: number, measure: Measurer): Line {
  const sources = line.glyphs
  if (sources.length === 0) return line
  const text = sources.map((glyphs) => glyphs.text).join('')
  const {levels} = bidi.getEmbeddingLevels(text, direction)
  const base = direction === 'rtl' ? 1 : 0
  const start = (sources[0] as Glyphs).x
  const last = sources.at(-1) as Glyphs
  const end = last.x + last.width

  // Logical order: pieces of one level, with the gaps between glyph runs.
  const elements: Element[] = []
  let offset = 0
  sources.forEach((glyphs, index) => {
    if (index > 0) {
      const previous = sources[index - 1] as Glyphs
      const gap = glyphs.x - (previous.x + previous.width)
      const before = elements.at(-1)?.level ?? base
      elements.push({level: before, width: gap})
    }
    const pieces = cut(glyphs, levels, offset, base, measure)
    // A gap takes the lower level of its neighbours: a space between two Hebrew words is right-to-left,
    // one between Hebrew and English has the paragraph's direction.
    const gap = elements.at(-1)
    if (gap && !gap.glyphs && pieces[0]) gap.level = Math.min(gap.level, pieces[0].level)
    elements.push(...pieces)
    offset += glyphs.text.length
  })

  // Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or higher.
  const highest = Math.max(...elements.map((element) => element.level))
  const lowestOdd = Math.min(...elements.map((element) => (element.level % 2 === 1 ? element.level : element.level + 1)))
  for (let level = highest; level >= lowestOdd; level--) {
    let index = 0
    while (index < elements.length) {
      if ((elements[index] as Element).level < level) {
        index++
        continue
      }
      let stop = index
      while (stop < elements.length && (elements[stop] as Element).level >= level) stop++
      elements.splice(index, stop - index, ...elements.slice(index, stop).reverse())
      index = stop
    }
  }

  // A right-to-left paragraph mirrors the logical line: flush right, the indent on the right.
  let x = direction === 'rtl' ? width - end : start
  const glyphs: Glyphs[] = []
  for (const element of elements) {
    if (element.glyphs) glyphs.push({...element.glyphs, x})
    x += element.width
  }
  return {...line, glyphs}
}

/** A glyph run cut where the embedding level changes; each piece measured, the last taking what is left. */
function cut(glyphs: Glyphs, levels: Uint8Array, offset: number, base: number, measure: Measurer): Element[] {
  if (glyphs.drawing || glyphs.text === '') return [{level: base, width: glyphs.width, glyphs}]
  const core = glyphs.text.replace(/ $/u, '')
  const space = core.length < glyphs.text.length
  const parts: Array<{text: string; level: number}> = []
  for (let index = 0; index < core.length; index++) {
    const level = levels[offset + index] ?? base
    const previous = parts.at(-1)
    if (previous && previous.level === level) previous.text += core[index]
    else parts.push({text: core[index] as string, level})
  }
  if (parts.length === 0) return [{level: base, width: glyphs.width, glyphs}]
  let used = 0
  return parts.map((part, index) => {
    const lastPart = index === parts.length - 1
    const partWidth = lastPart ? glyphs.width - used : measure.width(part.text, glyphs.style)
    used += partWidth
    return {level: part.level, width: partWidth, glyphs: {...glyphs, width: partWidth, text: drawn(part.text, part.level, lastPart && space)}}
  })
}

/**
 * The string to draw for a piece. fontkit lays out a string of a
 * right-to-left script right to left itself, so the space that ends a word
 * goes first (it lands after the word's last glyph, out of sight); neutral
 * characters at a right-to-left level are reversed and mirrored here.
 */
function drawn(text: string, level: number, space: boolean): string {
  if (level % 2 === 0) return space ? `${text} ` : text
  if (strongRightToLeft.test(text)) return space ? ` ${text}` : text
  const reversed = [...text]
    .reverse()
    .map((char) => bidi.getMirroredCharacter(char) ?? char)
    .join('')
  return space ? `${reversed} ` : reversed
}
