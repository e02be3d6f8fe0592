/**
 * Hyphenation points from Liang's patterns, through the `hyphen` package
 * (the TeX patterns from CTAN). One hyphenator per language, loaded on
 * first use; languages without patterns are not hyphenated.
 */
import {createRequire} from 'node:module'

/** What a `hyphen/<lang>` module offers (the package ships no types of its own). */
interface HyphenModule {
  hyphenateSync(text: string, options?: {hyphenChar?: string; minWordLength?: number}): string
}

/** BCP 47 primary tags (or full tags) and the `hyphen` pattern set that serves them. */
const patternSets: Readonly<Record<string, string>> = {
  en: 'en-gb',
  'en-gb': 'en-gb',
  'en-us': 'en-us',
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

/** Fewest letters left on a line before a hyphen, and carried to the next. */
const leftMin = 2
const rightMin = 3
/** Shortest word worth hyphenating. */
const minWordLength = 5
/**
 * Longest: no word of any language is longer, and `hyphen` copies the rest
 * of the word at each letter (quadratic). A longer run of letters is cut
 * anywhere when it must be (see `items.ts`).
 */
const maxWordLength = 100

const require = createRequire(import.meta.url)
const loaded = new Map<string, HyphenModule['hyphenateSync'] | undefined>()

function hyphenator(lang: string): HyphenModule['hyphenateSync'] | undefined {
  const tag = lang.toLowerCase()
  const set = patternSets[tag] ?? patternSets[tag.split('-')[0] ?? '']
  if (set === undefined) return undefined
  if (!loaded.has(set)) {
    // `hyphen` is CommonJS with folder entry points, which ESM cannot import by name.
    const module = require(`hyphen/${set}`) as HyphenModule
    loaded.set(set, module.hyphenateSync)
  }
  return loaded.get(set)
}

/**
 * Offsets inside `word` where a hyphen may go (a break after `word.slice(0, offset)`).
 * `word` must be letters only: the caller cuts words at punctuation.
 */
export function hyphenPoints(word: string, lang: string): number[] {
  if (word.length > maxWordLength || [...word].length < minWordLength) return []
  const hyphenate = hyphenator(lang)
  if (!hyphenate) return []
  const parts = hyphenate(word, {hyphenChar: '\u00AD', minWordLength}).split('\u00AD')
  const points: number[] = []
  let offset = 0
  for (const part of parts.slice(0, -1)) {
    offset += part.length
    if (offset >= leftMin && word.length - offset >= rightMin) points.push(offset)
  }
  return points
}
