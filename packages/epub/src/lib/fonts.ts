/**
 * The body font: EB Garamond, the same TrueType files the PDF adapter sets
 * (from `@expo-google-fonts/eb-garamond`), so both books look alike. It
 * covers what the corpus needs: curly quotes, dashes, accented Latin, Cyrillic.
 * Files are read from the installed package, never fetched.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)
const root = '@expo-google-fonts/eb-garamond/'

export interface FontFace {
  /** File name inside the book's `fonts/` folder. */
  file: string
  weight: 400 | 600
  style: 'normal' | 'italic'
  /** The package file it comes from. */
  source: string
}

export const fontFamily = 'EB Garamond'
export const fontLicenceName = 'SIL Open Font License 1.1'

// Garamond's semibold is the weight its bold was cut at (as in the PDF).
export const fontFaces: readonly FontFace[] = [
  {file: 'EBGaramond-Regular.ttf', weight: 400, style: 'normal', source: '400Regular/EBGaramond_400Regular.ttf'},
  {file: 'EBGaramond-Italic.ttf', weight: 400, style: 'italic', source: '400Regular_Italic/EBGaramond_400Regular_Italic.ttf'},
  {file: 'EBGaramond-SemiBold.ttf', weight: 600, style: 'normal', source: '600SemiBold/EBGaramond_600SemiBold.ttf'},
  {file: 'EBGaramond-SemiBoldItalic.ttf', weight: 600, style: 'italic', source: '600SemiBold_Italic/EBGaramond_600SemiBold_Italic.ttf'}
]

export function fontData(face: FontFace): Uint8Array {
  return new Uint8Array(readFileSync(require.resolve(root + face.source)))
}
