/**
 * Where a line may break inside a "word" (text between spaces) of a script
 * written without spaces: Chinese and Japanese between most characters,
 * Thai, Lao, Khmer and Myanmar between words, emoji between pictographs.
 * UAX #14 comes from `linebreak` (the package pdfkit itself uses), which
 * knows CJK's rules (no break before a closing mark or after an opening
 * one) but has no dictionary: it treats Thai as one long word. Thai and its
 * neighbours are cut at the word boundaries of `Intl.Segmenter`, whose ICU
 * data has those dictionaries.
 */
import LineBreaker from 'linebreak'

/** Characters that make a token worth a closer look; Latin, Greek and Cyrillic words never are. */
const needs =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Extended_Pictographic}\u3000-\u303F\uFF00-\uFFEF]/u
/** Scripts UAX #14 leaves to a dictionary (line break class SA). */
const dictionary = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu
/** A break is only taken next to one of these, so that a Latin word beside a Chinese one keeps its own rules. */
const near = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}\p{Extended_Pictographic}\u3000-\u303F\uFF00-\uFFEF]/u

/** UTF-16 units given to the word segmenter at a time: V8's segmenter slows down with the length of its input. */
const segmentWindow = 1024
const segmenters = new Map<string, Intl.Segmenter>()

/** Offsets strictly inside `token` where a line may break with no hyphen; empty for text of spaced scripts. */
export function scriptBreaks(token: string): number[] {
  if (!needs.test(token)) return []
  const breaks = new Set<number>()
  const breaker = new LineBreaker(token)
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    const offset = next.position
    if (offset <= 0 || offset >= token.length) continue
    if (near.test(charBefore(token, offset)) || near.test(charAt(token, offset))) breaks.add(offset)
  }
  for (const match of token.matchAll(dictionary)) {
    for (const offset of wordStarts(match[0], language(match[0]))) {
      const at = match.index + offset
      if (at > 0 && at < token.length) breaks.add(at)
    }
  }
  return [...breaks].sort((a, b) => a - b)
}

function language(text: string): string {
  if (/\p{Script=Lao}/u.test(text)) return 'lo'
  if (/\p{Script=Khmer}/u.test(text)) return 'km'
  if (/\p{Script=Myanmar}/u.test(text)) return 'my'
  return 'th'
}

/** Word starts inside `text` (not 0), read in windows; the last word of a window is read again with the next. */
function wordStarts(text: string, lang: string): number[] {
  let segmenter = segmenters.get(lang)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, {granularity: 'word'})
    segmenters.set(lang, segmenter)
  }
  const starts: number[] = []
  let start = 0
  while (start < text.length) {
    const end = Math.min(text.length, start + segmentWindow)
    const found: number[] = []
    for (const {index} of segmenter.segment(text.slice(start, end))) found.push(start + index)
    const resume = end < text.length && found.length > 1 ? (found.pop() as number) : end
    for (const offset of found) if (offset > 0) starts.push(offset)
    start = resume
  }
  return starts
}

function charBefore(text: string, offset: number): string {
  const code = text.charCodeAt(offset - 1)
  return code >= 0xdc00 && code <= 0xdfff && offset > 1 ? text.slice(offset - 2, offset) : text.slice(offset - 1, offset)
}

function charAt(text: string, offset: number): string {
  return String.fromCodePoint(text.codePointAt(offset) as number)
}

/** Whether a line may break where a word ending in `before` meets one starting with `after` (two runs that touch). */
export function junctionBreaks(before: string, after: string): boolean {
  const head = after.slice(0, 2)
  return scriptBreaks(before + head).includes(before.length)
}
