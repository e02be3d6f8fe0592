/**
 * The fonts a book ships: EB Garamond for the text, PT Mono for code (the
 * same files as the PDF), and, for the scripts Garamond lacks that the
 * book's text uses, the Noto WOFF2 slices the site ships too (chosen by
 * `@samizdat/html`'s `scriptFonts`: only slices holding a character of the
 * book, each with its `unicode-range`).
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {create, type Font} from 'fontkit'
import {scriptFontCss, scriptFonts} from '@samizdat/html'
import {fontData, fontFaces, fontFamily} from './fonts.js'

const require = createRequire(import.meta.url)

/** A font file of the book, under `fonts/`. */
export interface FontFile {
  file: string
  /** Where the file is installed. */
  path: string
  mediaType: 'font/ttf' | 'font/woff2'
}

/** A typeface the book uses and the licence it is shipped under. */
export interface FontLicence {
  family: string
  licence: string
}

export interface BookFonts {
  files: FontFile[]
  /** `@font-face` rules for every file. */
  css: string
  /** The families after EB Garamond (or PT Mono) in the text's (the code's) font stack. */
  fallbacks: string[]
  licences: FontLicence[]
}

const monoFamily = 'PT Mono'
const monoFile = 'PTMono-Regular.ttf'

let garamond: Font | undefined

/** The fonts every book has: EB Garamond's four faces and PT Mono. */
export function textFontFiles(): FontFile[] {
  return [
    ...fontFaces.map((face): FontFile => ({file: face.file, path: require.resolve('@expo-google-fonts/eb-garamond/' + face.source), mediaType: 'font/ttf'})),
    {file: monoFile, path: require.resolve('@expo-google-fonts/pt-mono/400Regular/PTMono_400Regular.ttf'), mediaType: 'font/ttf'}
  ]
}

/** The fonts for a book whose text (all of it, markup aside) is `text`. */
export function bookFonts(text: string): BookFonts {
  garamond ??= create(Buffer.from(fontData(fontFaces[0] as (typeof fontFaces)[number]))) as Font
  const text$ = garamond
  const noto = scriptFonts(text, (codePoint) => !text$.hasGlyphForCodePoint(codePoint))
  const files: FontFile[] = [...textFontFiles(), ...noto.files.map((file): FontFile => ({file: file.file, path: file.path, mediaType: 'font/woff2'}))]
  const css =
    fontFaces.map((face) => fontFace(fontFamily, face.file, face.weight, face.style)).join('') +
    fontFace(monoFamily, monoFile, 400, 'normal') +
    scriptFontCss(noto.files, 'fonts/')
  return {
    files,
    css,
    fallbacks: noto.families.map(({family}) => family),
    licences: [
      {family: fontFamily, licence: readFileSync(require.resolve('@expo-google-fonts/eb-garamond/LICENSE_FONT'), 'utf8')},
      {family: monoFamily, licence: readFileSync(require.resolve('@expo-google-fonts/pt-mono/LICENSE_FONT'), 'utf8')},
      ...noto.families
    ]
  }
}

function fontFace(family: string, file: string, weight: number, style: string): string {
  return `@font-face {\n  font-family: "${family}";\n  font-weight: ${weight};\n  font-style: ${style};\n  src: url("fonts/${file}");\n}\n`
}
