/**
 * From styled runs to Knuth–Plass items: words become boxes (measured as
 * prefixes, so a word cut at a hyphenation point keeps its kerning and
 * ligatures when it is not broken), spaces become glue in the style of the
 * text they sit in, and hyphenation points, dashes and URL separators become
 * penalties. Rag and centring use the glue patterns of Knuth and Plass.
 */
import type {BoxItem, GlueItem, PenaltyItem} from './linebreak.js'
import {infinity} from './linebreak.js'
import {Hyphenator} from './hyphenate.js'
import {junctionBreaks, scriptBreaks} from './segment.js'
import type {Measurer} from './measure.js'
import type {StructNode} from './structure.js'
import type {Drawing, LinkRef, Note, Run, TextPlace, TextStyle} from './types.js'

/** What a box draws. */
export interface Piece {
  text: string
  style: TextStyle
  struct: StructNode
  link?: LinkRef
  note?: Note
  anchors?: string[]
  drawing?: Drawing
  artifact?: true
  marginDot?: true
  source?: TextPlace
}

/** What only a run's first word carries. */
type Extras = Pick<Piece, 'note' | 'anchors' | 'marginDot'>

export type Item =
  | (BoxItem & {piece?: Piece})
  /** `space`: the glue stands for a space of the text (as opposed to rag or fill). */
  | (GlueItem & {space?: boolean})
  /** `hyphen`: drawn at the end of the line when the break is taken; `space`: the break eats a space. */
  | (PenaltyItem & {hyphen?: Piece; space?: boolean})

export type Align = 'justify' | 'ragged' | 'center'

export interface ItemOptions {
  align: Align
  /** First-line indent. */
  indent: number
  hyphenate: boolean
  /** The document's hyphenator (its exceptions and its cache of words); a fresh one when absent. */
  hyphenator?: Hyphenator
  /** Hyphenate capitalised words too (names, places): only when nothing else sets the paragraph. */
  names?: boolean
  /** Allow a break between any two characters of a too-long word (last resort). */
  emergency: boolean
  /** Width of a line, so that only words longer than it are cut anywhere. */
  lineWidth: number
  /** How far a justified space may shrink, as a fraction of it (default a quarter; the last passes allow a third). */
  shrink?: number
}

/** Stretch of the glue that makes rag: three ems, as in Knuth and Plass. */
const ragEms = 3
const hyphenPenalty = 50
const dashPenalty = 50
const urlPenalty = 100
const emergencyPenalty = 5000
/** Stretch between the characters of a script written without spaces, in ems (as CJK typesetting in TeX does). */
const interCharacterStretch = 0.1
/**
 * Longest word measured exactly (by prefixes, so each side of a break keeps
 * its kerning and ligatures); longer ones are measured piece by piece.
 */
const exactLength = 64

/** Characters after which a URL may break. */
const urlBreakAfter = /[/.\-?&=#_:~]/u
const letters = /\p{L}+/gu
/** What a word may break after (see `breakPoints`). */
const dashes = /[-–—/]/u

/**
 * How a word is set, whatever run it is in: its pieces between break points, their widths and the penalties
 * between them. A book sets the same words over and over, and each paragraph in up to seven passes: the plan is
 * made once per word, style, language and kind of break, and each use only makes the items.
 */
interface Plan {
  /** The whole word's width. */
  total: number
  /** The pieces' texts and widths (one more than the cuts). */
  parts: string[]
  widths: number[]
  cuts: PlannedCut[]
}
interface PlannedCut {
  width: number
  penalty: number
  flagged: boolean
  hyphen: boolean
  postBreak: number
}

/** Whether two plans make the same items: the same plan, or (most words) neither has a cut and the widths agree. */
function samePlan(a: Plan, b: Plan): boolean {
  // (Both are plans of the same text.)
  return a === b || (a.cuts.length === 0 && b.cuts.length === 0 && a.total === b.total && a.widths[0] === b.widths[0])
}

/** Plans by hyphenator (`noHyphenation` without one), then by the measurer's table for the style, run kind and text. */
const plans = new WeakMap<object, WeakMap<object, Map<string, Map<string, Plan>>>>()
const noHyphenation = {}

/**
 * A run's text as words and spaces, and what in a word depends on no pass (where a script breaks inside it):
 * scanned once per paragraph, read by each of its passes.
 */
type Token = SpaceToken | WordToken
/** `noBreak`: only no-break spaces (U+00A0, U+202F). */
interface SpaceToken {
  space: true
  text: string
  noBreak: boolean
}
/** `tail`: its last two units where a break may follow it (see `junctionBreaks`); `joined`: whether one does. */
interface WordToken {
  space: false
  text: string
  tail: string
  words: WordUse[]
  joined?: boolean
}
/** A word (between a script's breaks) where it stands in its run, and the items its last plan made. */
interface WordUse {
  text: string
  /** Offset in the run's text. */
  at: number
  /** The run's first word: it carries the run's note mark, anchors and margin dot. */
  first: boolean
  /** The plan each table of plans (`plansFor`) gave it, in pairs: a pass of the same kind does not look it up again. */
  found?: Array<Map<string, Plan> | Plan>
  plan?: Plan
  items?: Item[]
}

/** `runPlans.get(use.text)`, remembered by the word (a plan, once in a table, stays there). */
function planOf(use: WordUse, runPlans: Map<string, Plan>): Plan | undefined {
  const found = use.found
  if (found !== undefined) for (let index = 0; index < found.length; index += 2) if (found[index] === runPlans) return found[index + 1] as Plan
  const plan = runPlans.get(use.text)
  if (plan !== undefined) (use.found ??= []).push(runPlans, plan)
  return plan
}

/** Set `runs` with `options`: see `itemizer`, for setting the same runs more than once. */
export function itemize(runs: readonly Run[], measure: Measurer, options: ItemOptions): Item[] {
  return itemizer(runs, measure)(options)
}

/**
 * Items for `runs`, in as many settings as a paragraph's passes try: the text is split into words once, and a
 * word whose plan is the same as in the last setting (most words: those that have no break point in either) gives
 * the same items again. Items are read only (by the line breaker and by `setLines`), so settings share them.
 */
export function itemizer(runs: readonly Run[], measure: Measurer): (options: ItemOptions) => Item[] {
  const scanned = runs.map((run) => (run.drawing || (run.text === '\n' && run.breaks === 'never') ? undefined : scan(run)))
  return (options) => setting(runs, scanned, measure, options)
}

function scan(run: Run): Token[] {
  const tokens: Token[] = []
  const scripted = run.breaks === undefined || run.breaks === 'words'
  let first = true
  for (const match of run.text.matchAll(/[^\s\u00A0]+|[\s\u00A0]+/gu)) {
    const token = match[0]
    if (/^[\s\u00A0]+$/u.test(token)) {
      tokens.push({space: true, text: token, noBreak: !/[^\S\u00A0\u202F]/u.test(token)})
      continue
    }
    const words: WordUse[] = []
    let from = 0
    for (const to of [...(scripted ? scriptBreaks(token) : []), token.length]) {
      words.push({text: token.slice(from, to), at: match.index + from, first})
      first = false
      from = to
    }
    tokens.push({space: false, text: token, tail: scripted ? token.slice(-2) : '', words})
  }
  return tokens
}

function setting(runs: readonly Run[], scanned: ReadonlyArray<Token[] | undefined>, measure: Measurer, options: ItemOptions): Item[] {
  const items: Item[] = []
  const hyphenator = options.hyphenate ? (options.hyphenator ?? new Hyphenator()) : undefined
  const shrink = options.shrink ?? 1 / 4
  let byStyle = plans.get(hyphenator ?? noHyphenation)
  if (byStyle === undefined) plans.set(hyphenator ?? noHyphenation, (byStyle = new WeakMap()))
  const byKind = byStyle
  /** The plans for a run's words (same style, language, kind of break). */
  const plansFor = (run: Run): Map<string, Plan> => {
    const table = measure.table(run.style)
    let kinds = byKind.get(table)
    if (kinds === undefined) byKind.set(table, (kinds = new Map()))
    const kind = `${run.breaks ?? ''}\u0000${run.lang}\u0000${options.names === true}`
    let words = kinds.get(kind)
    if (words === undefined) kinds.set(kind, (words = new Map()))
    return words
  }
  if (options.indent !== 0) items.push({type: 'box', width: options.indent})
  /** The items of a space, by style. */
  const spaces = new Map<TextStyle, Item[]>()
  let pendingSpace: TextStyle | undefined
  /** The end of the last word, when nothing has come after it yet: a break may fall between it and the next run. */
  let tail = ''

  for (const [index, run] of runs.entries()) {
    let runPlans: Map<string, Plan> | undefined
    // A run's anchors and note mark go on its first word only.
    const extras: Extras | undefined =
      run.note || run.anchors || run.marginDot
        ? {...(run.note ? {note: run.note} : {}), ...(run.anchors ? {anchors: run.anchors} : {}), ...(run.marginDot ? {marginDot: run.marginDot} : {})}
        : undefined
    // Split into words and spaces; a hard line break comes as its own run of "\n" with breaks 'never'.
    if (run.text === '\n' && run.breaks === 'never') {
      pendingSpace = undefined
      tail = ''
      forcedBreak(items)
      continue
    }
    // A formula is one unbreakable box of its own width.
    if (run.drawing) {
      tail = ''
      flushSpace()
      const piece: Piece = {text: '', style: run.style, struct: run.struct, drawing: run.drawing, ...extras}
      if (run.link) piece.link = run.link
      items.push({type: 'box', width: run.drawing.width, piece})
      continue
    }
    for (const token of scanned[index] ?? []) {
      if (token.space) {
        tail = ''
        if (token.noBreak) {
          // No-break spaces: glue that no break may follow (as wide as the spaces: code keeps its alignment).
          flushSpace()
          items.push({type: 'penalty', width: 0, penalty: infinity, flagged: false})
          pushNoBreakSpace(token.text, run.style, items, measure, options.align, shrink)
        } else if (items.length > (options.indent !== 0 ? 1 : 0)) {
          pendingSpace = run.style
        }
        continue
      }
      // Two runs that touch (a font change inside Chinese text, an emphasis) may break between them too.
      const joined = pendingSpace === undefined && tail !== '' && token.tail !== '' && (token.joined ??= junctionBreaks(tail, token.text))
      flushSpace()
      if (joined) {
        items.push({type: 'penalty', width: 0, penalty: 0, flagged: false})
        items.push({type: 'glue', width: 0, stretch: run.style.size * interCharacterStretch, shrink: 0})
      }
      tail = token.tail
      runPlans ??= plansFor(run)
      for (const [at, use] of token.words.entries()) {
        if (at > 0) {
          // Chinese, Japanese, Thai: a break with no hyphen, and a little stretch for justification.
          items.push({type: 'penalty', width: 0, penalty: 0, flagged: false})
          items.push({type: 'glue', width: 0, stretch: run.style.size * interCharacterStretch, shrink: 0})
        }
        word(run, use, use.first ? extras : undefined, runPlans)
      }
    }
  }

  // Last line ragged: fill glue, then the forced end.
  items.push({type: 'penalty', width: 0, penalty: infinity, flagged: false})
  items.push({type: 'glue', width: 0, stretch: infinity * 10, shrink: 0})
  items.push({type: 'penalty', width: 0, penalty: -infinity, flagged: false})
  return items

  function flushSpace(): void {
    if (pendingSpace) {
      // A setting's spaces of one style are the same items (read only): made once, not at every space.
      let made = spaces.get(pendingSpace)
      if (made === undefined) {
        made = []
        pushSpace(pendingSpace, made, measure, options.align, shrink)
        spaces.set(pendingSpace, made)
      }
      for (const item of made) items.push(item)
    }
    pendingSpace = undefined
  }

  function word(run: Run, use: WordUse, extras: Extras | undefined, runPlans: Map<string, Plan>): void {
    const {text, at} = use
    // `pieceOf` rather than a closure made for every word: a word's plan is mostly kept, and under tsx (the tests)
    // each closure made costs a call that names it.
    let plan = planOf(use, runPlans)
    let keep = true
    // A plan holds unless the word is cut anywhere (emergency), which depends on the line's width.
    if (plan === undefined || (options.emergency && run.breaks !== 'never' && plan.total > options.lineWidth)) {
      const made = makePlan(run, text, extras, (part, offset) => pieceOf(run, at, part, offset))
      if (made === undefined) return
      plan = made.plan
      keep = made.keep
      if (keep) {
        runPlans.set(text, plan)
        ;(use.found ??= []).push(runPlans, plan)
      }
    }
    if (use.items !== undefined && use.plan !== undefined && samePlan(use.plan, plan)) {
      for (const item of use.items) items.push(item)
      return
    }
    const made: Item[] = []
    const {parts, widths, cuts} = plan
    let offset = 0
    for (let index = 0; index < cuts.length; index++) {
      const cut = cuts[index] as PlannedCut
      const part = parts[index] as string
      made.push({type: 'box', width: widths[index] as number, piece: pieceOf(run, at, part, offset)})
      offset += part.length
      const penalty: Item = {type: 'penalty', width: cut.width, penalty: cut.penalty, flagged: cut.flagged}
      if (Math.abs(cut.postBreak) > 1e-9) penalty.postBreak = cut.postBreak
      if (cut.hyphen) penalty.hyphen = pieceOf(run, at, '-', offset)
      made.push(penalty)
    }
    const last = pieceOf(run, at, parts[cuts.length] as string, offset)
    made.push({type: 'box', width: widths[cuts.length] as number, piece: extras ? {...last, ...extras} : last})
    for (const item of made) items.push(item)
    // A plan made for this line width only (emergency) is not kept, nor its items.
    if (keep) {
      use.plan = plan
      use.items = made
    }
  }

  /**
   * The word's plan, to keep unless it is cut anywhere (that depends on the line's width); none for a word too
   * long to measure by prefixes, whose items `longWord` makes.
   */
  function makePlan(
    run: Run,
    text: string,
    extras: Extras | undefined,
    piece: (part: string, offset?: number) => Piece
  ): {plan: Plan; keep: boolean} | undefined {
    const mode = run.breaks ?? (looksLikeUrl(text) ? 'url' : 'words')
    const cuts = mode === 'never' ? [] : onClusters(text, breakPoints(text, run.lang, mode))
    const emergency = options.emergency && mode !== 'never'
    if (text.length > exactLength) {
      longWord(text, cuts, emergency, run.style, piece, extras)
      return undefined
    }
    // One shaping of the word gives most of the widths below (see `Measurer.prime`).
    measure.prime(
      text,
      run.style,
      cuts.map((cut) => cut.offset)
    )
    const total = measure.width(text, run.style)
    const planned = !(emergency && total > options.lineWidth)
    if (!planned) {
      // Cut anywhere inside pieces still too long for a line; keep the real break points.
      const bounds = [0, ...cuts.map((cut) => cut.offset), text.length]
      for (let index = 1; index < bounds.length; index++) {
        const from = bounds[index - 1] as number
        const to = bounds[index] as number
        if (measure.width(text.slice(from, to), run.style) <= options.lineWidth * 0.8) continue
        for (const offset of clusterStarts(text, from, to)) cuts.push({offset, penalty: emergencyPenalty, hyphen: false})
      }
      cuts.sort((a, b) => a.offset - b.offset)
    }
    const plan: Plan = {total, parts: [], widths: [], cuts: []}
    let start = 0
    let before = 0
    for (const cut of cuts) {
      const prefix = text.slice(0, cut.offset)
      const width = measure.width(prefix, run.style)
      plan.parts.push(text.slice(start, cut.offset))
      plan.widths.push(width - before)
      // Both sides of a taken break are shaped on their own: measure them so.
      const hyphenWidth = cut.hyphen ? measure.width(`${prefix}-`, run.style) - width : 0
      const postBreak = measure.width(text.slice(cut.offset), run.style) - (total - width)
      plan.cuts.push({width: hyphenWidth, penalty: cut.penalty, flagged: cut.hyphen || cut.flagged === true, hyphen: cut.hyphen, postBreak})
      start = cut.offset
      before = width
    }
    plan.parts.push(text.slice(start))
    plan.widths.push(total - before)
    return {plan, keep: planned}
  }

  /**
   * A word too long to measure by prefixes (that costs its length times its
   * breaks): each piece between breaks is measured on its own, and a piece
   * wider than the line is cut at every grapheme cluster, each measured with
   * the one before it so that kerning between them counts. Linear in the length.
   */
  function longWord(
    text: string,
    cuts: readonly Cut[],
    emergency: boolean,
    style: TextStyle,
    piece: (part: string, offset?: number) => Piece,
    extras: Extras | undefined
  ): void {
    const bounds = [...cuts, {offset: text.length, penalty: 0, hyphen: false}]
    let from = 0
    bounds.forEach((cut, index) => {
      const part = text.slice(from, cut.offset)
      const last = index === bounds.length - 1
      const width = measure.width(part, style)
      if (emergency && width > options.lineWidth * 0.8) {
        let previous = ''
        let start = from
        for (const next of [...clusterStarts(text, from, cut.offset), cut.offset]) {
          const cluster = text.slice(start, next)
          const advance = measure.width(previous + cluster, style) - measure.width(previous, style)
          const box: Item = {type: 'box', width: advance, piece: piece(cluster, start)}
          if (last && next === cut.offset && extras) Object.assign(box.piece as Piece, extras)
          items.push(box)
          if (next < cut.offset) items.push({type: 'penalty', width: 0, penalty: emergencyPenalty, flagged: false})
          previous = cluster
          start = next
        }
      } else {
        items.push({type: 'box', width, piece: last ? {...piece(part, from), ...extras} : piece(part, from)})
      }
      if (!last) {
        const penalty: Item = {
          type: 'penalty',
          width: cut.hyphen ? measure.width('-', style) : 0,
          penalty: cut.penalty,
          flagged: cut.hyphen || cut.flagged === true
        }
        if (cut.hyphen) penalty.hyphen = piece('-')
        items.push(penalty)
      }
      from = cut.offset
    })
  }

  function breakPoints(text: string, lang: string, mode: 'words' | 'url'): Cut[] {
    const cuts: Cut[] = []
    // A word breaks after a dash or a slash it holds: most hold none.
    const scan = mode === 'url' || dashes.test(text)
    for (let offset = 1; scan && offset < text.length; offset++) {
      const previous = text[offset - 1] as string
      if (mode === 'url') {
        if (urlBreakAfter.test(previous) && !urlBreakAfter.test(text[offset] as string)) cuts.push({offset, penalty: urlPenalty, hyphen: false})
      } else if ((previous === '-' || previous === '–' || previous === '—' || previous === '/') && /\p{L}|\p{N}/u.test(text[offset] as string)) {
        // After an explicit hyphen or dash, with text on both sides.
        if (offset > 1) cuts.push({offset, penalty: previous === '-' ? hyphenPenalty : dashPenalty, hyphen: false, flagged: previous === '-'})
      }
    }
    if (mode === 'words' && hyphenator) {
      for (const match of text.matchAll(letters)) {
        for (const point of hyphenator.points(match[0], lang, {names: options.names === true}))
          cuts.push({offset: match.index + point, penalty: hyphenPenalty, hyphen: true})
      }
    }
    return cuts.sort((a, b) => a.offset - b.offset)
  }
}

interface Cut {
  offset: number
  penalty: number
  /** An added hyphen is drawn when the break is taken. */
  hyphen: boolean
  /** The line ends with a hyphen of the word's own: it counts towards consecutive hyphens too. */
  flagged?: boolean
}

function pushSpace(style: TextStyle, items: Item[], measure: Measurer, align: Align, shrink: number, count = 1): void {
  const width = measure.width(' ', style) * count
  if (align === 'justify') {
    // Code (monospace) keeps its spaces as wide as its letters: still a place to break, never stretched or shrunk.
    if (style.font === 'mono') {
      items.push({type: 'glue', width, stretch: 0, shrink: 0, space: true})
      return
    }
    // Half a space of stretch, a quarter of shrink: a crushed line reads worse than a loose one.
    items.push({type: 'glue', width, stretch: width / 2, shrink: width * shrink, space: true})
    return
  }
  const rag = ragEms * style.size
  items.push({type: 'glue', width: 0, stretch: rag, shrink: 0})
  items.push({type: 'penalty', width: 0, penalty: 0, flagged: false, space: true})
  items.push({type: 'glue', width, stretch: -rag, shrink: 0, space: true})
}

/**
 * A no-break space (U+00A0) as wide as a space, stretching in justified text
 * only (never in code): ragged text's glue would offer a break. A narrow one
 * (U+202F, before a note's mark after a figure) is half as wide and never stretches.
 */
function pushNoBreakSpace(token: string, style: TextStyle, items: Item[], measure: Measurer, align: Align, shrink: number): void {
  const narrow = token.split('\u202F').length - 1
  const space = measure.width(' ', style)
  const width = space * (token.length - narrow + narrow / 2)
  const stretches = align === 'justify' && narrow < token.length && style.font !== 'mono'
  items.push({type: 'glue', width, stretch: stretches ? width / 2 : 0, shrink: stretches ? width * shrink : 0, space: true})
}

function forcedBreak(items: Item[]): void {
  items.push({type: 'penalty', width: 0, penalty: infinity, flagged: false})
  items.push({type: 'glue', width: 0, stretch: infinity * 10, shrink: 0})
  items.push({type: 'penalty', width: 0, penalty: -infinity, flagged: false})
}

function looksLikeUrl(text: string): boolean {
  return /^[(<[]?(?:https?:\/\/|www\.)/iu.test(text) || /^[0-9a-f]{24,}[.,;:)]?$/iu.test(text)
}

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'})
/** UTF-16 units the segmenter reads at a time. */
const segmentWindow = 256

/**
 * Below U+0300 there are no combining marks, surrogates or joiners, nor in General Punctuation but for the two
 * joiners U+200C and U+200D (curly quotes, dashes, ellipsis): every offset starts a cluster.
 */
const simple = /^[\u0000-\u02FF\u2000-\u200B\u200E-\u206F]*$/u

/** Offsets strictly inside `text.slice(from, to)` where a grapheme cluster starts: a word is never cut inside one. */
function clusterStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = []
  if (simple.test(text.slice(from, to))) {
    for (let offset = from + 1; offset < to; offset++) starts.push(offset)
    return starts
  }
  // V8's segmenter slows down with the length of the string (quadratic over a long
  // word), so it reads windows of it.
  let start = from
  let size = segmentWindow
  while (start < to) {
    const end = Math.min(to, start + size)
    const found: number[] = []
    for (const {index} of segmenter.segment(text.slice(start, end))) found.push(start + index)
    if (end < to && found.length < 2) {
      size *= 2 // one cluster longer than the window: read more of it
      continue
    }
    // The last cluster of a window may be cut short: the next window reads it again.
    const resume = end < to ? (found.pop() as number) : to
    for (const offset of found) if (offset > from) starts.push(offset)
    start = resume
    size = segmentWindow
  }
  return starts
}

/** Only the cuts that fall between grapheme clusters (a hyphen point before a combining mark is not one). */
function onClusters(text: string, cuts: Cut[]): Cut[] {
  if (cuts.length === 0 || simple.test(text)) return cuts
  const starts = new Set(clusterStarts(text, 0, text.length))
  return cuts.filter((cut) => starts.has(cut.offset))
}

/** A piece of a run's text, knowing where it starts in the run's text node: a page may start inside a hyphenated word. */
function pieceOf(run: Run, at: number, part: string, offset = 0): Piece {
  const result: Piece = {text: part, style: run.style, struct: run.struct}
  if (run.source) result.source = {place: run.source.place, offset: run.source.offset + at + offset}
  if (run.link) result.link = run.link
  if (run.artifact) result.artifact = true
  return result
}
