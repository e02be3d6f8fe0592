/**
 * Set a paragraph: itemize its runs, break it into lines with Knuth–Plass,
 * loosening in passes as TeX does (first without hyphenation, then with it,
 * then with emergency stretch, then cutting over-long words anywhere), and
 * place the lines.
 */
import {paragraphDirection, reorderLine} from './bidi.js'
import type {Hyphenator} from './hyphenate.js'
import {itemizer, type Align, type Item} from './items.js'
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
  /** The document's hyphenator: the edition's exceptions, and words already hyphenated. */
  hyphenator?: Hyphenator
  /** Set a paragraph ending in a runt a line shorter when it can (default); `false` keeps the best setting (to compare). */
  pullRunts?: boolean
  /** Told the characters of a run that no font has (drawn as the empty glyph 0), once per run that has any. */
  missing?: (chars: string[], run: Run) => void
}

interface Pass {
  tolerance: number
  hyphenate: boolean
  /** Cut words too long for a line anywhere. */
  emergency: boolean
  /** TeX's `\emergencystretch`, in ems of the paragraph's type. */
  emergencyStretch?: number
  /** Hyphenate names and places too: better than a gap the width of three spaces. */
  names?: boolean
  /** Lift the limit of two hyphenated lines in a row, let spaces shrink by a third (the last resort must always set). */
  anyHyphens?: boolean
}

/** The widest justified spacing the passes allow: glue stretched twice its stretch (two spaces). */
const maxRatio = 2
/** TeX's `\tolerance` (200) as a ratio: the loosest spacing a paragraph is set with before emergency stretch. */
const tolerance = 1.26
/** The last resort's (a narrow column): two and a half spaces; a line that needs more is left short instead. */
const lastResortRatio = 3

// TeX's settings for book work: `\pretolerance` 100 (ratio 1) without hyphens, `\tolerance` 200
// (ratio 1.26) with them, then `\emergencystretch` 2 em, then names hyphenated too, then up to the
// widest spacing set, then anything that sets (spaces may then shrink by a third, as TeX's do).
const justifiedPasses: Pass[] = [
  {tolerance: 1, hyphenate: false, emergency: false},
  {tolerance: 1.26, hyphenate: true, emergency: false},
  {tolerance: 1.26, hyphenate: true, emergency: false, emergencyStretch: 2},
  {tolerance: maxRatio, hyphenate: true, emergency: true, emergencyStretch: 2},
  {tolerance: maxRatio, hyphenate: true, emergency: true, emergencyStretch: 2, names: true},
  {tolerance: lastResortRatio, hyphenate: true, emergency: true, names: true},
  {tolerance: 10_000, hyphenate: true, emergency: true, names: true, anyHyphens: true}
]

// Rag only needs room: its badness already evens line lengths out.
const raggedPasses: Pass[] = [
  {tolerance: 10_000, hyphenate: false, emergency: false},
  {tolerance: 10_000, hyphenate: true, emergency: true, anyHyphens: true}
]

export function setParagraph(source: readonly Run[], measure: Measurer, options: ParagraphOptions): Line[] {
  if (source.every((run) => run.text.trim() === '')) return []
  const runs = withFallbackFonts(source, measure, options.missing)
  const direction = paragraphDirection(runs)
  const lines = breakParagraph(runs, measure, options)
  const set = direction ? lines.map((line) => reorderLine(line, direction, options.width, measure)) : lines
  // Kept until the page is drawn: each word's text, made by slicing and a space appended, as the document's one copy.
  for (const line of set) for (const glyphs of line.glyphs) glyphs.text = measure.shared(glyphs.text)
  return set
}

/** Each run cut where a character needs a fallback font (see `scripts.ts`); a note mark or anchor stays on the first piece. */
function withFallbackFonts(runs: readonly Run[], measure: Measurer, told?: ParagraphOptions['missing']): Run[] {
  // One set for the paragraph's runs, emptied after each that had any (most have none: no allocation per run).
  const missing = told ? new Set<string>() : undefined
  return runs.flatMap((run) => {
    if (run.drawing) return [run]
    const spans = measure.scripts.split(run.text, run.style.font, missing)
    if (told && missing && missing.size > 0) {
      told([...missing], run)
      missing.clear()
    }
    if (spans.length === 1 && (spans[0] as FontSpan).font === run.style.font) return [run]
    let offset = 0
    return spans.map((span, index) => {
      const piece: Run = {...run, text: span.text, style: {...run.style, font: span.font}}
      if (run.source) piece.source = {place: run.source.place, offset: run.source.offset + offset}
      offset += span.text.length
      if (index > 0) {
        delete piece.note
        delete piece.anchors
        delete piece.marginDot
      }
      return piece
    })
  })
}

/**
 * A runt: a last line of one word, or shorter than a fifth of the measure (about a dozen characters of a
 * 60–75-character line: less than a short phrase), which reads as a gap between paragraphs rather than as text.
 */
export function isRunt(line: Line, width: number): boolean {
  const words = line.glyphs
    .map((glyph) => glyph.text)
    .join('')
    .trim()
  const end = Math.max(0, ...line.glyphs.map((glyph) => glyph.x + glyph.width))
  return words !== '' && (!/\s/u.test(words) || end < width / 5)
}

function breakParagraph(runs: readonly Run[], measure: Measurer, options: ParagraphOptions): Line[] {
  const passes = options.align === 'justify' ? justifiedPasses : raggedPasses
  const metrics = measure.metrics(options.style)
  const baseline = (options.leading - metrics.ascent - metrics.descent) / 2 + metrics.ascent
  // The runs are split into words once; passes that itemize alike (the emergency stretch's, the runt
  // pull-back's, the last resort's) share the items: they are read only, by the line breaker and by `setLines`.
  const itemize = itemizer(runs, measure)
  const itemized = new Map<string, Item[]>()
  const attempt = (pass: Pass, width: number, looseness = 0): Line[] | undefined => {
    const hyphenate = pass.hyphenate && options.hyphenate !== false
    const shrink = pass.anyHyphens ? 1 / 3 : 1 / 4
    const key = `${hyphenate}|${pass.names === true}|${pass.emergency}|${width}|${shrink}`
    let items = itemized.get(key)
    if (items === undefined) {
      items = itemize({
        align: options.align,
        indent: options.indent ?? 0,
        hyphenate,
        ...(options.hyphenator ? {hyphenator: options.hyphenator} : {}),
        names: pass.names === true,
        emergency: pass.emergency,
        lineWidth: width,
        shrink
      })
      itemized.set(key, items)
    }
    const breaks: LineBreak[] | undefined = breakLines(items, () => width, {
      tolerance: pass.tolerance,
      emergencyStretch: (pass.emergencyStretch ?? 0) * options.style.size,
      maxRatio: Math.max(pass.tolerance, maxRatio),
      looseness,
      ...(pass.anyHyphens ? {consecutiveHyphens: Infinity} : {})
    })
    return breaks && setLines(items, breaks, {align: options.align, width, height: options.leading, baseline, maxRatio: lastResortRatio})
  }
  for (const [index, pass] of passes.entries()) {
    const lines = attempt(pass, options.width)
    if (!lines) continue
    // A runt last line is pulled back, as a compositor does, by setting the paragraph a line shorter (TeX's
    // `\looseness` −1): under this pass, or the next ones that only add hyphens (the first pass has none, and
    // a hyphen is the compositor's usual way to take a word back), never with more tolerance than TeX's
    // `\tolerance` or this pass had, nor more emergency stretch: the tolerance bounds every line, the hyphen
    // limit every run. A paragraph that cannot be shorter, or only with a runt again, is kept as it was. Not
    // for the last resorts (wider spacing or runs of hyphens cost more than a short last line) nor for rag.
    if (options.pullRunts !== false && options.align === 'justify' && lines.length > 1 && isRunt(lines.at(-1) as Line, options.width)) {
      const looser = passes
        .slice(index)
        .filter(
          (next) =>
            next === pass ||
            (next.tolerance <= Math.max(pass.tolerance, tolerance) &&
              (next.emergencyStretch ?? 0) <= (pass.emergencyStretch ?? 0) &&
              next.emergency === pass.emergency &&
              next.names === pass.names)
        )
      for (const next of pass.tolerance <= maxRatio && !pass.anyHyphens ? looser : []) {
        const shorter = attempt(next, options.width, -1)
        if (shorter && shorter.length < lines.length && !isRunt(shorter.at(-1) as Line, options.width)) return shorter
      }
    }
    return lines
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
