/**
 * House typography, once for every format: curly quotes and apostrophes,
 * dashes from hyphens, number ranges with an en dash (`1919-1922`), ellipses,
 * one style of parenthetical dash when the edition names one (spaced en
 * dashes or closed em dashes), and non-breaking spaces where a line must
 * not break. One pass over the characters, no backtracking, so it costs a
 * fraction of parsing (see `pnpm bench`). Idempotent: typeset text is left as it is.
 *
 * Quotes depend on what precedes them, which may sit in an earlier text node
 * (`_"quoted"_` puts the quote at the start of an emphasis): callers thread a
 * `TypographyState` through the text nodes of one block.
 */

export interface TypographyState {
  /** The last character written in this block; `''` at the start of a block. */
  previous: string
}

const NBSP = '\u00A0'

/** An edition's parenthetical dash: spaced en dashes (` – `) or closed em dashes (`—`). */
type DashStyle = 'en' | 'em'

/** After these, a quote opens: start of block, white space, brackets, dashes, opening quotes. */
const opensAfter = new Set(['', ' ', '\t', '\n', NBSP, '(', '[', '{', '—', '–', '-', '/', '“', '‘'])

/** Abbreviations that keep their number on the same line: `p. 39`, `vol. 2`. */
const keepWithNumber = /\b(p|pp|vol|vols|no|No|nos|ch|chap|art|para|fig|cf)\. (?=\d)/g
/** Initials stay with the name they begin (`G. T. Miasnikov`), and `op. cit.`, `loc. cit.` with themselves. */
const keepTogether = /(?<![\p{L}\p{N}])(\p{Lu}|[Oo]p|[Ll]oc)\.[ \n](?=\p{Lu}|[Cc]it\.)/gu

/**
 * Typeset one run of text. `state` carries context from the preceding runs of the block.
 * `options.dashes`: the edition's parenthetical dash; without it, dashes keep the source's style.
 */
export function typography(text: string, state: TypographyState = {previous: ''}, options: {dashes?: DashStyle} = {}): string {
  if (!/["'.\-—–]/.test(text)) {
    if (text.length > 0) state.previous = text.charAt(text.length - 1)
    return text
  }
  // Unchanged spans are copied whole: the cost stays linear in the text.
  const parts: string[] = []
  let flushed = 0
  let previous = state.previous
  const length = text.length
  for (let index = 0; index < length; index++) {
    const char = text.charAt(index)
    if (char !== '"' && char !== "'" && char !== '-' && char !== '.' && char !== '—' && char !== '–') {
      previous = char
      continue
    }
    const start = index
    let emit = char
    switch (char) {
      case '"':
        emit = opensAfter.has(previous) ? '“' : '”'
        break
      case "'":
        emit = opensAfter.has(previous) && !isDigit(text.charCodeAt(index + 1)) ? '‘' : '’'
        break
      case '-':
        if (text.charAt(index + 1) === '-') {
          let end = index + 2
          if (text.charAt(end) === '-') end++
          // `--` between digits is a range (en dash); otherwise a parenthetical dash (em dash).
          emit = end - index === 2 && isDigit(text.charCodeAt(index - 1)) && isDigit(text.charCodeAt(end)) ? '–' : '—'
          index = end - 1
        } else if (previous === ' ' && text.charAt(index + 1) === ' ') {
          emit = '–' // a spaced hyphen is a dash
        } else if (isRange(text, index)) {
          emit = '–' // 1919-1922, pp. 39-40
        }
        break
      case '—':
      case '–':
        break
      default: // '.'
        if (text.startsWith('..', index + 1)) {
          emit = '…'
          index += 2
        } else if (text.startsWith(' . .', index + 1)) {
          emit = '…'
          index += 4
        }
    }
    const dash = emit === '—' || emit === '–'
    const before = dash && start > 0 && text.charAt(start - 1) === ' '
    const spaced = before || (dash && start > 0 && text.charAt(start - 1) === NBSP)
    /** Where the copied text stops (before a space the dash takes over), and what goes around the dash. */
    let cut = start
    let lead = ''
    let trail = ''
    // A closed en dash the source wrote (`April–June`, `Paris–London`) is a range, not a parenthetical dash.
    const range = char === '–' && !spaced && text.charAt(index + 1) !== ' ' && text.charAt(index + 1) !== NBSP
    if (dash && options.dashes && !range && parenthetical(text, start, index, previous)) {
      if (options.dashes === 'en') {
        // Spaced: a closed dash opens up (`word—word` reads `word – word`); a dash never starts a line.
        emit = '–'
        lead = NBSP
        if (spaced) cut = start - 1
        if (!/\s/u.test(text.charAt(index + 1))) trail = ' '
      } else {
        // Closed: `word – word` reads `word—word`.
        emit = '—'
        if (spaced) cut = start - 1
        if (text.charAt(index + 1) === ' ') index++
      }
    } else if (before) {
      // A dash never starts a line: the space before it does not break.
      cut = start - 1
      lead = NBSP
    }
    if (emit === char && cut === start && index === start && lead === '' && trail === '') {
      previous = char
      continue
    }
    parts.push(text.slice(flushed, cut), lead + emit + trail)
    flushed = index + 1
    previous = trail === '' ? emit : trail
  }
  parts.push(text.slice(flushed))
  state.previous = previous
  const out = parts.join('')
  return out.includes('. ') || out.includes('.\n') ? out.replace(keepWithNumber, `$1.${NBSP}`).replace(keepTogether, `$1.${NBSP}`) : out
}

/** Digits (1 to 4, no leading zero) before and after `text[index]`, with no more number on either side: a range, not an ISBN, a date or a decimal. */
function isRange(text: string, index: number): boolean {
  // Five characters before: four digits and what precedes them (the slice's start is the text's when shorter).
  if (!/(?:^|[^\p{L}\p{N}\-./,:])[1-9]\d{0,3}$/u.test(text.slice(Math.max(0, index - 5), index))) return false
  return /^[1-9]\d{0,3}(?![\p{L}\p{N}-]|[./,:]\d)/u.test(text.slice(index + 1, index + 7))
}

/**
 * A dash between words or clauses, as opposed to a range (`1923–7`), a dash
 * that opens a line of dialogue, or one ending a broken-off sentence.
 */
function parenthetical(text: string, start: number, end: number, previous: string): boolean {
  const before = start > 0 ? text.slice(0, start).trimEnd().at(-1) : previous.trim() === '' ? undefined : previous
  const after = text
    .slice(end + 1)
    .trimStart()
    .charAt(0)
  if (before === undefined || after === '') return false
  return !(isDigit(before.charCodeAt(0)) && isDigit(after.charCodeAt(0)))
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/**
 * Parentheses within parentheses become square brackets, alternating by depth (Chicago 6.101): a name made of
 * parts that bring their own, `Title (Solidarity (London))`, reads `Title (Solidarity [London])`. Square
 * brackets already written (an editor's `[sic]`) and parentheses that do not pair are left as they are.
 */
export function alternateBrackets(text: string): string {
  // Pair the brackets first (an unpaired `(` counts for nothing): a stack's pairs never cross.
  const paired = new Set<number>()
  const open: number[] = []
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '(') open.push(index)
    else if (text[index] === ')' && open.length > 0) paired.add(open.pop() as number).add(index)
  }
  // Then one pass: the paired brackets around a pair are the depth reached there; odd depths turn square.
  const square = new Set<number>()
  let depth = 0
  for (let index = 0; index < text.length; index++) {
    if (!paired.has(index)) continue
    if (text[index] === '(') {
      if (depth % 2 === 1) square.add(index)
      depth++
    } else {
      depth--
      if (depth % 2 === 1) square.add(index)
    }
  }
  if (square.size === 0) return text
  return text.replace(/[()]/g, (bracket, index: number) => (square.has(index) ? (bracket === '(' ? '[' : ']') : bracket))
}
