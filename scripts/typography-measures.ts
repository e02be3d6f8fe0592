/**
 * The typographic measures of a printed PDF, read from the PDF itself
 * (pdftotext's word boxes), so they hold whatever engine set it: per page,
 * the inter-word spaces of justified lines (min/median/max, in points and in
 * spaces of the font), the lines that end with a hyphen and the longest run
 * of them, the justified paragraphs' runt last lines; for the book, the characters of a full body line
 * (median, p95).
 * `pnpm measure` prints them as columns; the layout tests hold them to bounds.
 */
import {geometry, leftEdge, type Paper} from '../packages/pdf/src/lib/geometry.js'
import type {PageWords} from '../packages/pdf/test/helpers.js'

/** EB Garamond's word space, roman and italic, in ems; pdftotext's word boxes are 1.305 em high (ascent + descent). */
const fontSpace = 0.2
const boxHeight = 1.305
/** How near the text block's right edge a justified line ends, in points. */
const edge = 0.6

export interface PageMeasure {
  /** 1-based page number in the PDF. */
  page: number
  /** Inter-word spaces of the page's justified lines, in points, and as multiples of the font's space. */
  spaces: number[]
  ratios: number[]
  /** Lines that end with a hyphen (added or the word's own), and the longest run of them. */
  hyphenated: number
  longestRun: number
  /**
   * Last lines of justified paragraphs (a short line after a full one of the same size) that are runts: one
   * word, or under a fifth of the measure, as the engine judges them (`isRunt` in packages/pdf/src/lib/paragraph.ts).
   */
  runts: number
  /** Characters (spaces included) of each body line that fills the measure from edge to edge. */
  fullLines: number[]
}

export interface TypographySummary {
  pages: PageMeasure[]
  /** Over the pages: spaces in points and in multiples of the font's space. */
  space: {min: number; median: number; max: number}
  ratio: {min: number; median: number; max: number; p99: number; count: number}
  hyphenated: number
  longestRun: number
  runts: number
  charsPerLine: {median: number; p95: number}
}

/** Measure `pages` (pdftotext's words) of a book on `paper`; `from`/`to` (0-based, `to` exclusive) limit the pages. */
export function typographyMeasures(pages: readonly PageWords[], paper: Paper, from = 0, to = pages.length): TypographySummary {
  const g = geometry(paper)
  const measured: PageMeasure[] = []
  pages.slice(from, to).forEach((page, offset) => {
    const index = from + offset
    const left = leftEdge(g, index)
    const right = left + g.textWidth
    const result: PageMeasure = {page: index + 1, spaces: [], ratios: [], hyphenated: 0, longestRun: 0, runts: 0, fullLines: []}
    let run = 0
    let previousSize = 0
    let previousFull = false
    for (const line of page.lines) {
      const first = line[0]
      const last = line.at(-1)
      if (!first || !last || first.yMin < g.top - 2 || first.yMax > g.top + g.textHeight + 2) continue
      const size = (first.yMax - first.yMin) / boxHeight
      // A run of hyphens is one paragraph's: it ends where the type size changes (the text's last line, a note's first).
      const sameSize = Math.abs(size - previousSize) <= 0.3
      if (!sameSize) run = 0
      previousSize = size
      const full = last.xMax >= right - edge
      // pdftotext splits a word where its style changes: one word is one box, or boxes with no space between.
      const oneWord = line.every((word, position) => position === 0 || word.xMin - (line[position - 1] as (typeof line)[number]).xMax < 0.3)
      if (sameSize && previousFull && !full && first.xMin < left + edge && (oneWord || last.xMax - first.xMin < g.textWidth / 5)) result.runts++
      previousFull = full
      if (/\p{L}-$/u.test(last.text)) {
        result.hyphenated++
        run++
        result.longestRun = Math.max(result.longestRun, run)
      } else {
        run = 0
      }
      if (last.xMax < right - edge || line.length < 2) continue
      line.forEach((word, position) => {
        const previous = line[position - 1]
        if (!previous) return
        // A list label or a note number hangs before its text: not a word space.
        if (position === 1 && /^(•|\d+\.?)$/.test(previous.text)) return
        const gap = word.xMin - previous.xMax
        // pdftotext splits a word where its style changes: no space there.
        if (gap < 0.3) return
        // A note's mark after a figure ("1921 ⁵"): a narrow no-break space, half a word space, by design.
        if (/\d$/.test(previous.text) && /^\d/.test(word.text) && Math.abs(gap / (fontSpace * size) - 0.5) < 0.05) return
        result.spaces.push(gap)
        result.ratios.push(gap / (fontSpace * size))
      })
      if (Math.abs(size - g.size) < 0.3 && first.xMin < left + edge) {
        result.fullLines.push([...line.map((word) => word.text).join(' ')].length)
      }
    }
    measured.push(result)
  })
  const spaces = sorted(measured.flatMap((page) => page.spaces))
  const ratios = sorted(measured.flatMap((page) => page.ratios))
  const lines = sorted(measured.flatMap((page) => page.fullLines))
  return {
    pages: measured,
    space: {min: spaces[0] ?? 0, median: quantile(spaces, 0.5), max: spaces.at(-1) ?? 0},
    ratio: {min: ratios[0] ?? 0, median: quantile(ratios, 0.5), max: ratios.at(-1) ?? 0, p99: quantile(ratios, 0.99), count: ratios.length},
    hyphenated: measured.reduce((sum, page) => sum + page.hyphenated, 0),
    longestRun: Math.max(0, ...measured.map((page) => page.longestRun)),
    runts: measured.reduce((sum, page) => sum + page.runts, 0),
    charsPerLine: {median: quantile(lines, 0.5), p95: quantile(lines, 0.95)}
  }
}

/** The measures as `pnpm measure` prints them: one column each, a title and a cell. */
export const typographyColumns: ReadonlyArray<{title: string; value: (printed: {paper: Paper; words: PageWords[]}) => string}> = [
  {
    title: 'word space pt min/median/max',
    value: ({paper, words}) => {
      const {space} = typographyMeasures(words, paper)
      return [space.min, space.median, space.max].map((value) => value.toFixed(2)).join('/')
    }
  },
  {
    title: 'in spaces min/median/p99/max',
    value: ({paper, words}) => {
      const {ratio} = typographyMeasures(words, paper)
      return [ratio.min, ratio.median, ratio.p99, ratio.max].map((value) => value.toFixed(2)).join('/')
    }
  },
  {
    title: 'hyphenated lines (longest run)',
    value: ({paper, words}) => {
      const {hyphenated, longestRun} = typographyMeasures(words, paper)
      return `${hyphenated} (${longestRun})`
    }
  },
  {title: 'runt last lines', value: ({paper, words}) => String(typographyMeasures(words, paper).runts)},
  {
    title: 'chars/line median/p95',
    value: ({paper, words}) => {
      const {charsPerLine} = typographyMeasures(words, paper)
      return `${charsPerLine.median}/${charsPerLine.p95}`
    }
  }
]

/** One line a page: its word spaces in points (min/median/max) and its hyphenated lines (longest run). */
export function pageLines(words: readonly PageWords[], paper: Paper): string[] {
  return typographyMeasures(words, paper).pages.map((page) => {
    const spaces = sorted([...page.spaces])
    const range = spaces.length === 0 ? '–' : [spaces[0] ?? 0, quantile(spaces, 0.5), spaces.at(-1) ?? 0].map((value) => value.toFixed(2)).join('/')
    return `  page ${page.page}: word space ${range} pt, ${page.hyphenated} hyphenated (run ${page.longestRun}), ${page.runts} runts`
  })
}

function sorted(values: number[]): number[] {
  return values.sort((a, b) => a - b)
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0
  return values[Math.min(values.length - 1, Math.floor(values.length * q))] as number
}
