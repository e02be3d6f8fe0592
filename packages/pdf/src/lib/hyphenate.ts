/**
 * Hyphenation points from Liang's patterns, through the `hyphen` package
 * (the TeX patterns from CTAN), with TeX's settings for book work: at least
 * two letters before the hyphen and three after, no word under six letters,
 * no capitalised word (names, places) unless the paragraph cannot be set
 * otherwise, and the edition's exceptions first
 * (TeX's `\hyphenation`). One `Hyphenator` per document memoises each word:
 * a book asks for the same few thousand words over and over, in every pass.
 */
import {createRequire} from 'node:module'

/** What a `hyphen/<lang>` module offers (the package ships no types of its own). */
interface HyphenModule {
  hyphenateSync(text: string, options?: {hyphenChar?: string; minWordLength?: number}): string
}

/**
 * BCP 47 primary tags (or full tags) and the `hyphen` pattern set that serves them.
 * English without a region gets Knuth's US patterns (TeX's default, the best tested):
 * the British set cuts "prin-ted", "bur-eau-cracy", "re-volu-tion".
 */
const patternSets: Readonly<Record<string, string>> = {
  en: 'en-us',
  'en-us': 'en-us',
  'en-gb': 'en-gb',
  de: 'de',
  fr: 'fr',
  es: 'es',
  it: 'it',
  pt: 'pt',
  nl: 'nl',
  pl: 'pl',
  cs: 'cs',
  ru: 'ru',
  uk: 'uk',
  be: 'be',
  bg: 'bg',
  sv: 'sv',
  da: 'da',
  nb: 'nb',
  fi: 'fi',
  hu: 'hu'
}

/** Fewest letters left on a line before a hyphen (TeX's `\lefthyphenmin`), and carried to the next (`\righthyphenmin`). */
const leftMin = 2
const rightMin = 3
/** Shortest word hyphenated: a shorter one gains too little to be worth a hyphen. */
const minWordLength = 6
/**
 * Longest: no word of any language is longer, and `hyphen` copies the rest
 * of the word at each letter (quadratic). A longer run of letters is cut
 * anywhere when it must be (see `items.ts`).
 */
const maxWordLength = 100

const require = createRequire(import.meta.url)
const loaded = new Map<string, HyphenModule['hyphenateSync'] | undefined>()

function patterns(lang: string): {set: string; hyphenate: HyphenModule['hyphenateSync']} | undefined {
  const tag = lang.toLowerCase()
  const set = patternSets[tag] ?? patternSets[tag.split('-')[0] ?? '']
  if (set === undefined) return undefined
  if (!loaded.has(set)) {
    // `hyphen` is CommonJS with folder entry points, which ESM cannot import by name.
    const module = require(`hyphen/${set}`) as HyphenModule
    loaded.set(set, module.hyphenateSync)
  }
  return {set, hyphenate: loaded.get(set) as HyphenModule['hyphenateSync']}
}

/**
 * An exception as TeX writes it, `bu-reau-cracy` (a word without hyphens is
 * never hyphenated): the word in lower case and its break offsets.
 */
function parseException(entry: string): {word: string; points: number[]} {
  const points: number[] = []
  let word = ''
  for (const char of entry.trim()) {
    if (char === '-') points.push(word.length)
    else word += char
  }
  return {word: word.toLowerCase(), points: points.filter((point) => point > 0 && point < word.length)}
}

export class Hyphenator {
  readonly #exceptions = new Map<string, number[]>()
  /** Points by language, then by word: the word itself is the key, never copied into a longer one. */
  readonly #cache = new Map<string, Map<string, number[]>>()

  /** `exceptions`: the edition's list (`hyphenation` in its file), in TeX's form. */
  constructor(exceptions: readonly string[] = []) {
    for (const entry of exceptions) {
      const {word, points} = parseException(entry)
      if (word !== '') this.#exceptions.set(word, points)
    }
  }

  /**
   * Offsets inside `word` where a hyphen may go (a break after `word.slice(0, offset)`).
   * `word` must be letters only: the caller cuts words at punctuation.
   */
  points(word: string, lang: string, options: {names?: boolean} = {}): readonly number[] {
    const first = word.charAt(0)
    // Capitalised words are names and places, which patterns know little of: only as a last resort (`names`).
    if (first !== first.toLowerCase() && !options.names && !this.#exceptions.has(word.toLowerCase())) return []
    let words = this.#cache.get(lang)
    if (words === undefined) this.#cache.set(lang, (words = new Map()))
    let points = words.get(word)
    if (points === undefined) {
      points = this.#compute(word, lang)
      words.set(word, points)
    }
    return points
  }

  #compute(word: string, lang: string): number[] {
    if (word.length > maxWordLength) return []
    // An exception is the editor's word: it holds whatever the case and length.
    const exception = this.#exceptions.get(word.toLowerCase())
    if (exception) return exception
    if ([...word].length < minWordLength) return []
    // All capitals are acronyms and roman numerals.
    if (word === word.toUpperCase()) return []
    const found = patterns(lang)
    if (!found) return []
    const parts = found.hyphenate(word, {hyphenChar: '\u00AD', minWordLength}).split('\u00AD')
    const points: number[] = []
    let offset = 0
    for (const part of parts.slice(0, -1)) {
      offset += part.length
      if (offset >= leftMin && word.length - offset >= rightMin) points.push(offset)
    }
    return points
  }
}
