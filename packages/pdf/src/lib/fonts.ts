/**
 * The book's fonts: EB Garamond (regular, italic, semibold, semibold italic)
 * for the text and PT Mono for code, as TrueType files from their
 * `@expo-google-fonts` packages. pdfkit embeds and subsets them; TTF, not
 * WOFF2, because pdfkit's subsetter fails on WOFF2 outside ASCII.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {memoizeShaping, registerParsedFont, type Doc} from './pdfkit.js'
import type {FontKey} from './types.js'

type BookFont = Exclude<FontKey, `noto:${string}`>

const require = createRequire(import.meta.url)

/** Font files by key, as package subpaths. */
const fontFiles: Readonly<Record<BookFont, string>> = {
  serif: '@expo-google-fonts/eb-garamond/400Regular/EBGaramond_400Regular.ttf',
  serifItalic: '@expo-google-fonts/eb-garamond/400Regular_Italic/EBGaramond_400Regular_Italic.ttf',
  // Garamond's semibold is the weight its bold was cut at; 700 is heavy beside the text.
  serifBold: '@expo-google-fonts/eb-garamond/600SemiBold/EBGaramond_600SemiBold.ttf',
  serifBoldItalic: '@expo-google-fonts/eb-garamond/600SemiBold_Italic/EBGaramond_600SemiBold_Italic.ttf',
  mono: '@expo-google-fonts/pt-mono/400Regular/PTMono_400Regular.ttf'
}

/** Register every font of the book under its key. */
export function registerFonts(doc: Doc): void {
  for (const key of Object.keys(fontFiles) as BookFont[]) {
    registerParsedFont(doc, key, () => new Uint8Array(readFileSync(require.resolve(fontFiles[key]))))
    memoizeShaping(doc, key)
  }
}
