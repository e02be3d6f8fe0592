/**
 * Fallback fonts for the scripts EB Garamond and PT Mono lack: Noto Sans
 * Hebrew, Arabic, Devanagari, Thai, Simplified Chinese (which also has kana)
 * and Noto Emoji (monochrome), as the WOFF files of their `@fontsource`
 * packages. Those packages cut each font into slices by Unicode range
 * (`unicode.json`; a hundred for Chinese, a dozen for emoji); a slice is
 * registered with pdfkit only when a character needs it, so a book in
 * Latin script never reads a Noto file, and pdfkit embeds a subset of each
 * slice used. WOFF, not WOFF2: pdfkit's subsetter fails on WOFF2 outside ASCII.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {glyphCoverage, memoizeShaping, registerParsedFont, type Doc} from './pdfkit.js'
import type {FontKey} from './types.js'
import {sfntOf} from './woff.js'

const require = createRequire(import.meta.url)

interface Family {
  package: string
  /** The characters this family is chosen for, by Unicode script. */
  script: RegExp
  /** Which slices of `unicode.json` hold the script (the others repeat Latin). */
  slices: RegExp
}

/** In the order they are tried for a character of no script of theirs (punctuation, symbols). */
const families: readonly Family[] = [
  {package: '@fontsource/noto-sans-hebrew', script: /\p{Script=Hebrew}/u, slices: /^hebrew$/u},
  {package: '@fontsource/noto-sans-arabic', script: /\p{Script=Arabic}/u, slices: /^arabic$/u},
  {package: '@fontsource/noto-sans-devanagari', script: /\p{Script=Devanagari}/u, slices: /^devanagari$/u},
  {package: '@fontsource/noto-sans-thai', script: /\p{Script=Thai}/u, slices: /^thai$/u},
  {package: '@fontsource/noto-sans-sc', script: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u, slices: /^\[\d+\]$/u},
  {package: '@fontsource/noto-emoji', script: /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u, slices: /^\[\d+\]$/u}
]

/**
 * Marks, joiners, variation selectors, emoji modifiers and tags: they stay in
 * the font of the character they follow, so a cluster is never split.
 */
const continuing = /^(?:\p{M}|\u200C|\u200D|[\uFE00-\uFE0F]|\u20E3|[\u{1F3FB}-\u{1F3FF}]|[\u{E0020}-\u{E007F}]|[\u{E0100}-\u{E01EF}])$/u
/** Characters of no particular script (punctuation, spaces, digits), which stay in a fallback font that has them. */
const common = /[\p{Script=Common}\p{Script=Inherited}]/u
const ascii = /^[\u0000-\u007F]*$/u
/** Letters, digits, punctuation and symbols: what a reader sees, and misses when no font has it. */
const shows = /^[\p{L}\p{N}\p{P}\p{S}]$/u

interface Slice {
  key: FontKey
  file: string
  ranges: Array<[number, number]>
}

/** A piece of a run's text and the font it is set in. */
export interface FontSpan {
  text: string
  font: FontKey
}

export class ScriptFonts {
  readonly #doc: Doc
  readonly #coverage = new Map<FontKey, (codePoint: number) => boolean>()
  readonly #registered = new Set<FontKey>()
  readonly #slices = new Map<Family, Slice[]>()
  /**
   * `#fallback`'s answers from a book font, by code point (`null`: no font has it): asked at every occurrence.
   * With the slices the search reached, so that a cached answer still tells `reached` what a search would.
   */
  readonly #fallbacks = new Map<number, {found: FontKey | null; slices: FontKey[]}>()
  /** The slices the search under way has reached, in order. */
  #searched: FontKey[] | undefined
  /** While set, every slice the split reaches is added to it, in order (layout-cache.ts replays them on reuse). */
  reached: FontKey[] | undefined

  constructor(doc: Doc) {
    this.#doc = doc
  }

  /**
   * Cut `text` where the font must change: each character the base font lacks goes to the Noto font of its script.
   * A character no font has stays in the base font (drawn as its empty glyph 0) and is added to `missing`.
   */
  split(text: string, base: FontKey, missing?: Set<string>): FontSpan[] {
    if (ascii.test(text)) return [{text, font: base}]
    const spans: FontSpan[] = []
    let current = base
    let start = 0
    let offset = 0
    for (const char of text) {
      const codePoint = char.codePointAt(0) as number
      let font: FontKey
      if (offset > 0 && continuing.test(char)) font = current
      // Spaces are the book's (an emoji font's space is an em wide); other punctuation stays with its script.
      else if (/\s/u.test(char) && this.#has(base, codePoint)) font = base
      else if (current !== base && common.test(char) && this.#has(current, codePoint)) font = current
      else if (this.#has(base, codePoint)) font = base
      else {
        const found = this.#fallback(char, codePoint, current)
        // Only what shows: a line feed, a format character or a private-use one no font has is no loss.
        if (found === undefined && shows.test(char)) missing?.add(char)
        font = found ?? base
      }
      if (font !== current) {
        if (offset > start) spans.push({text: text.slice(start, offset), font: current})
        start = offset
        current = font
      }
      offset += char.length
    }
    spans.push({text: text.slice(start), font: current})
    return spans
  }

  #has(font: FontKey, codePoint: number): boolean {
    let covers = this.#coverage.get(font)
    if (!covers) {
      const cache = new Map<number, boolean>()
      const test = glyphCoverage(this.#doc, font)
      covers = (point) => {
        let result = cache.get(point)
        if (result === undefined) {
          result = test(point)
          cache.set(point, result)
        }
        return result
      }
      this.#coverage.set(font, covers)
    }
    return covers(codePoint)
  }

  /** The slice of a Noto family that has the character: its script's first, then the current fallback's, then any. */
  #fallback(char: string, codePoint: number, current: FontKey): FontKey | undefined {
    // From a book font, the same answer for a code point wherever it occurs (from a fallback font, that font is asked first).
    const fromBook = !current.startsWith('noto:')
    const cached = fromBook ? this.#fallbacks.get(codePoint) : undefined
    if (cached !== undefined) {
      for (const key of cached.slices) this.#reach(key)
      return cached.found ?? undefined
    }
    const slices: FontKey[] = []
    this.#searched = slices
    const found = this.#search(
      families.find((family) => family.script.test(char)),
      codePoint,
      current
    )
    this.#searched = undefined
    if (fromBook) this.#fallbacks.set(codePoint, {found: found ?? null, slices})
    return found
  }

  #search(own: Family | undefined, codePoint: number, current: FontKey): FontKey | undefined {
    const order = own ? [own] : families
    if (!own && current.startsWith('noto:')) {
      const found = this.#inFamily(
        families.find((family) => current.startsWith(`noto:${family.package}:`)),
        codePoint
      )
      if (found) return found
    }
    for (const family of order) {
      const found = this.#inFamily(family, codePoint)
      if (found) return found
    }
    return undefined
  }

  #inFamily(family: Family | undefined, codePoint: number): FontKey | undefined {
    if (!family) return undefined
    for (const slice of this.#slicesOf(family)) {
      if (!slice.ranges.some(([from, to]) => codePoint >= from && codePoint <= to)) continue
      this.#register(slice)
      if (this.#has(slice.key, codePoint)) return slice.key
    }
    return undefined
  }

  /** Registers the slice `key` names, as a split reaching it would: for a section whose layout is reused. */
  use(key: FontKey): void {
    const family = families.find((candidate) => key.startsWith(`noto:${candidate.package}:`))
    const slice = family && this.#slicesOf(family).find((candidate) => candidate.key === key)
    if (slice) this.#register(slice)
  }

  /** The slice's font is opened (pdfkit numbers fonts in that order) at its first use. */
  #register(slice: Slice): void {
    this.#searched?.push(slice.key)
    this.#reach(slice.key)
    if (this.#registered.has(slice.key)) return
    registerParsedFont(this.#doc, slice.key, () => sfntOf(new Uint8Array(readFileSync(slice.file))))
    memoizeShaping(this.#doc, slice.key)
    this.#registered.add(slice.key)
  }

  #reach(key: FontKey): void {
    if (this.reached && !this.reached.includes(key)) this.reached.push(key)
  }

  #slicesOf(family: Family): Slice[] {
    let slices = this.#slices.get(family)
    if (!slices) {
      slices = readSlices(family)
      this.#slices.set(family, slices)
    }
    return slices
  }
}

/** The family's slices that hold its script, with their Unicode ranges, from the package's `unicode.json`. */
function readSlices(family: Family): Slice[] {
  // The packages export only CSS; their licence file is exported and sits at the root.
  const root = dirname(require.resolve(`${family.package}/LICENSE`))
  const name = family.package.slice('@fontsource/'.length)
  const table = JSON.parse(readFileSync(join(root, 'unicode.json'), 'utf8')) as Record<string, string>
  return Object.entries(table)
    .filter(([slice]) => family.slices.test(slice))
    .map(([slice, ranges]) => {
      const id = slice.replace(/[[\]]/gu, '')
      return {
        key: `noto:${family.package}:${id}` as FontKey,
        file: join(root, 'files', `${name}-${id}-400-normal.woff`),
        ranges: parseRanges(ranges)
      }
    })
}

/** `U+0590-05FF,U+20AA` as code point ranges. */
function parseRanges(text: string): Array<[number, number]> {
  return text.split(',').map((range) => {
    const [from, to] = range.trim().slice(2).split('-')
    const start = Number.parseInt(from as string, 16)
    return [start, to === undefined ? start : Number.parseInt(to, 16)]
  })
}
