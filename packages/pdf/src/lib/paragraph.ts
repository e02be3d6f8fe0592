/**
 * Set a paragraph: itemize its runs, break it into lines with Knuth–Plass,
 * loosening in passes as TeX does (first without hyphenation, then with it,
 * then cutting over-long words anywhere), and place the lines.
 */
import {paragraphDirection, reorderLine} from './bidi.js'
import {itemize, type Align} from './items.js'
import {breakLines, type LineBreak} from './linebreak.js'
import {setLines} from './lines.js'
import type {Measurer} from './measure.js'
import type {FontSpan} from './scripts.js'
import type {Line, Run, TextStyle} from './types.js'

export interface ParagraphOptions {
  width: number
  align: Align
  /** First-line indent. */
  indent?: number
  /** Line height (leading). */
  leading: number
  /** The paragraph's main style, for the baseline position. */
  style: TextStyle
  hyphenate?: boolean
}

interface Pass {
  tolerance: number
  hyphenate: boolean
  emergency: boolean
}

/** The widest justified spacing: glue stretched three times its stretch (2.5 spaces). */
const maxRatio = 3

const justifiedPasses: Pass[] = [
  {tolerance: 1, hyphenate: false, emergency: false},
  {tolerance: 2, hyphenate: true, emergency: false},
  {tolerance: maxRatio, hyphenate: true, emergency: true},
  {tolerance: 10_000, hyphenate: true, emergency: true}
]

// Rag only needs room: its badness already evens line lengths out.
const raggedPasses: Pass[] = [
  {tolerance: 10_000, hyphenate: false, emergency: false},
  {tolerance: 10_000, hyphenate: true, emergency: true}
]

export function setParagraph(source: readonly Run[], measure: Measurer, options: ParagraphOptions): Line[] {
  if (source.every((run) => run.text.trim() === '')) return []
  const runs = withFallbackFonts(source, measure)
  const direction = paragraphDirection(runs)
  const lines = breakParagraph(runs, measure, options)
  return direction ? lines.map((line) => reorderLine(line, direction, options.width, measure)) : lines
}

/** Each run cut where a character needs a fallback font (see `scripts.ts`); a note mark or anchor stays on the first piece. */
function withFallbackFonts(runs: readonly Run[], measure: Measurer): Run[] {
  return runs.flatMap((run) => {
    if (run.drawing) return [run]
    const spans = measure.scripts.split(run.text, run.style.font)
    if (spans.length === 1 && (spans[0] as FontSpan).font === run.style.font) return [run]
    return spans.map((span, index) => {
      const piece: Run = {...run, text: span.text, style: {...run.style, font: span.font}}
      if (index > 0) {
        delete piece.note
        delete piece.anchors
        delete piece.marginDot
      }
      return piece
    })
  })
}

function breakParagraph(runs: readonly Run[], measure: Measurer, options: ParagraphOptions): Line[] {
  const passes = options.align === 'justify' ? justifiedPasses : raggedPasses
  const metrics = measure.metrics(options.style)
  const baseline = (options.leading - metrics.ascent - metrics.descent) / 2 + metrics.ascent
  const attempt = (pass: Pass, width: number): Line[] | undefined => {
    const items = itemize(runs, measure, {
      align: options.align,
      indent: options.indent ?? 0,
      hyphenate: pass.hyphenate && options.hyphenate !== false,
      emergency: pass.emergency,
      lineWidth: width
    })
    const breaks: LineBreak[] | undefined = breakLines(items, () => width, {tolerance: pass.tolerance})
    return breaks && setLines(items, breaks, {align: options.align, width, height: options.leading, baseline, maxRatio})
  }
  for (const pass of passes) {
    const lines = attempt(pass, options.width)
    if (lines) return lines
  }
  // A measure narrower than one glyph (a squeezed table column): as TeX does with an overfull box, let the
  // lines run over rather than fail the book; each doubling is one more linear pass, a few at most.
  const last = passes[passes.length - 1] as Pass
  for (let width = Math.max(options.width, 1) * 2; width < options.width * 1024 + 1024; width *= 2) {
    const lines = attempt(last, width)
    if (lines) return lines
  }
  throw new Error(
    `Unbreakable paragraph at width ${options.width}: ${runs
      .map((run) => run.text)
      .join('')
      .slice(0, 80)}`
  )
}
