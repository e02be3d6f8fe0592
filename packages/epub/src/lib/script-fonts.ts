/**
 * The fonts a book ships: EB Garamond for the text, PT Mono for code (the
 * same files as the PDF), and, only for the scripts the book's text uses,
 * the Noto fonts the PDF falls back on (Hebrew, Arabic, Devanagari, Thai,
 * Simplified Chinese with kana, emoji). The Noto fonts come from their
 * `@fontsource` packages, cut into WOFF2 slices by Unicode range; only the
 * slices that hold a character of the book are shipped, each declared with
 * its `unicode-range`, so a reading system picks the font per character and
 * a book with a few Chinese words carries a few slices, not the whole font.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {create, type Font} from 'fontkit'
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
const monoRoot = '@expo-google-fonts/pt-mono/'

interface Family {
  name: string
  package: string
  script: RegExp
  slices: RegExp
}

/** As in the PDF (`@samizdat/pdf`'s `scripts.ts`). */
const families: readonly Family[] = [
  {name: 'Noto Sans Hebrew', package: '@fontsource/noto-sans-hebrew', script: /\p{Script=Hebrew}/u, slices: /^hebrew$/u},
  {name: 'Noto Sans Arabic', package: '@fontsource/noto-sans-arabic', script: /\p{Script=Arabic}/u, slices: /^arabic$/u},
  {name: 'Noto Sans Devanagari', package: '@fontsource/noto-sans-devanagari', script: /\p{Script=Devanagari}/u, slices: /^devanagari$/u},
  {name: 'Noto Sans Thai', package: '@fontsource/noto-sans-thai', script: /\p{Script=Thai}/u, slices: /^thai$/u},
  {
    name: 'Noto Sans SC',
    package: '@fontsource/noto-sans-sc',
    script: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u,
    slices: /^\[\d+\]$/u
  },
  {name: 'Noto Emoji', package: '@fontsource/noto-emoji', script: /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u, slices: /^\[\d+\]$/u}
]

let garamond: Font | undefined

/** The fonts for a book whose text (all of it, markup aside) is `text`. */
export function bookFonts(text: string): BookFonts {
  const files: FontFile[] = fontFaces.map((face) => ({
    file: face.file,
    path: require.resolve('@expo-google-fonts/eb-garamond/' + face.source),
    mediaType: 'font/ttf'
  }))
  files.push({file: 'PTMono-Regular.ttf', path: require.resolve(monoRoot + '400Regular/PTMono_400Regular.ttf'), mediaType: 'font/ttf'})
  let css = fontFaces
    .map((face) => fontFace(fontFamily, face.file, face.weight, face.style))
    .concat(fontFace(monoFamily, 'PTMono-Regular.ttf', 400, 'normal'))
    .join('')
  const licences: FontLicence[] = [
    {family: fontFamily, licence: readFileSync(require.resolve('@expo-google-fonts/eb-garamond/LICENSE_FONT'), 'utf8')},
    {family: monoFamily, licence: readFileSync(require.resolve(monoRoot + 'LICENSE_FONT'), 'utf8')}
  ]
  const fallbacks: string[] = []

  const needed = missing(text)
  if (needed.length > 0) {
    for (const family of families) {
      const own = needed.filter((codePoint) => family.script.test(String.fromCodePoint(codePoint)))
      if (own.length === 0) continue
      // Punctuation of no script that Garamond lacks (a Chinese comma) comes with the slices that hold it.
      const wanted = [...own, ...needed.filter((codePoint) => !families.some((other) => other.script.test(String.fromCodePoint(codePoint))))]
      const used = readSlices(family).filter((slice) => wanted.some((codePoint) => inRanges(codePoint, slice.ranges)))
      if (used.length === 0) continue
      for (const slice of used) {
        files.push({file: slice.file, path: slice.path, mediaType: 'font/woff2'})
        css += fontFace(family.name, slice.file, 400, 'normal', slice.unicodeRange)
      }
      fallbacks.push(family.name)
      licences.push({family: family.name, licence: readFileSync(join(packageRoot(family), 'LICENSE'), 'utf8')})
    }
  }
  return {files, css, fallbacks, licences}
}

/** Code points of `text` that EB Garamond has no glyph for, once each, in order. */
function missing(text: string): number[] {
  garamond ??= create(Buffer.from(fontData(fontFaces[0] as (typeof fontFaces)[number]))) as Font
  const found = new Set<number>()
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number
    if (codePoint < 0x250 || found.has(codePoint)) continue
    if (!garamond.hasGlyphForCodePoint(codePoint)) found.add(codePoint)
  }
  return [...found]
}

function fontFace(family: string, file: string, weight: number, style: string, unicodeRange?: string): string {
  const range = unicodeRange ? `\n  unicode-range: ${unicodeRange};` : ''
  return `@font-face {\n  font-family: "${family}";\n  font-weight: ${weight};\n  font-style: ${style};\n  src: url("fonts/${file}");${range}\n}\n`
}

interface Slice {
  file: string
  path: string
  unicodeRange: string
  ranges: Array<[number, number]>
}

function packageRoot(family: Family): string {
  // The packages export only CSS and their licence, which sits at the root.
  return dirname(require.resolve(`${family.package}/LICENSE`))
}

function readSlices(family: Family): Slice[] {
  const root = packageRoot(family)
  const name = family.package.slice('@fontsource/'.length)
  const table = JSON.parse(readFileSync(join(root, 'unicode.json'), 'utf8')) as Record<string, string>
  return Object.entries(table)
    .filter(([slice]) => family.slices.test(slice))
    .map(([slice, ranges]) => {
      const file = `${name}-${slice.replace(/[[\]]/gu, '')}-400-normal.woff2`
      return {file, path: join(root, 'files', file), unicodeRange: ranges, ranges: parseRanges(ranges)}
    })
}

function inRanges(codePoint: number, ranges: ReadonlyArray<[number, number]>): boolean {
  return ranges.some(([from, to]) => codePoint >= from && codePoint <= to)
}

/** `U+0590-05FF,U+20AA` as code point ranges. */
function parseRanges(text: string): Array<[number, number]> {
  return text.split(',').map((range) => {
    const [from, to] = range.trim().slice(2).split('-')
    const start = Number.parseInt(from as string, 16)
    return [start, to === undefined ? start : Number.parseInt(to, 16)]
  })
}
