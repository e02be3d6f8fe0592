/**
 * House typography, once for every format: curly quotes and apostrophes,
 * dashes from hyphens, ellipses, and non-breaking spaces where a line must
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

/** After these, a quote opens: start of block, white space, brackets, dashes, opening quotes. */
const opensAfter = new Set(['', ' ', '\t', '\n', NBSP, '(', '[', '{', '—', '–', '-', '/', '“', '‘'])

/** Abbreviations that keep their number on the same line: `p. 39`, `vol. 2`. */
const keepWithNumber = /\b(p|pp|vol|vols|no|No|nos|ch|chap|art|para|fig|cf)\. (?=\d)/g
/** Initials stay with the name they begin (`G. T. Miasnikov`), and `op. cit.`, `loc. cit.` with themselves. */
const keepTogether = /(?<![\p{L}\p{N}])(\p{Lu}|[Oo]p|[Ll]oc)\.[ \n](?=\p{Lu}|[Cc]it\.)/gu

/** Typeset one run of text. `state` carries context from the preceding runs of the block. */
export function typography(text: string, state: TypographyState = {previous: ''}): string {
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
    // A dash never starts a line: the space before it does not break.
    const keepSpace = (emit === '—' || emit === '–') && start > 0 && text.charAt(start - 1) === ' '
    if (emit === char && !keepSpace) {
      previous = char
      continue
    }
    parts.push(text.slice(flushed, keepSpace ? start - 1 : start), keepSpace ? NBSP + emit : emit)
    flushed = index + 1
    previous = emit
  }
  parts.push(text.slice(flushed))
  state.previous = previous
  const out = parts.join('')
  return out.includes('. ') || out.includes('.\n') ? out.replace(keepWithNumber, `$1.${NBSP}`).replace(keepTogether, `$1.${NBSP}`) : out
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}
