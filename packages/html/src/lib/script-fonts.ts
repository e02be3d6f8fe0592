/**
 * Noto fonts for the scripts a book's text uses (Hebrew, Arabic,
 * Devanagari, Thai, Simplified Chinese with kana, emoji): the ones the PDF
 * falls back on, from their `@fontsource` packages, which cut each font
 * into WOFF2 slices by Unicode range. Only the slices holding a character
 * of the book are shipped, each declared with its `unicode-range`, so a
 * browser or reading system picks the font per character, and a book with a
 * few Chinese words carries a few slices, not the whole font. A book in
 * Latin, Greek or Cyrillic script gets none. Shared with `@samizdat/epub`.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'

const require = createRequire(import.meta.url)

/** A slice of a Noto font: its file name, where it is installed, and the characters it is for. */
export interface ScriptFontFile {
  family: string
  file: string
  path: string
  unicodeRange: string
}

export interface ScriptFonts {
  files: ScriptFontFile[]
  /** The families used, in font-stack order, each with its licence (the OFL, as its package ships it). */
  families: Array<{family: string; licence: string}>
}

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
  // Emoji by default presentation: ™ or ↔ are text a text font sets; 😀 and flags are not.
  {name: 'Noto Emoji', package: '@fontsource/noto-emoji', script: /\p{Emoji_Presentation}/u, slices: /^\[\d+\]$/u}
]

/** Below U+0250 (Latin) every text font has what it needs; past U+2E80, CJK punctuation and forms. */
const defaultNeeded = (codePoint: number): boolean => codePoint >= 0x2e80

/**
 * The Noto slices for `text`: for each family whose script occurs, the
 * slices holding its characters, and those holding characters of no script
 * that `needed` says the text font lacks (a Chinese comma).
 */
export function scriptFonts(text: string, needed: (codePoint: number) => boolean = defaultNeeded): ScriptFonts {
  const points = new Set<number>()
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number
    if (codePoint >= 0x250) points.add(codePoint)
  }
  const result: ScriptFonts = {files: [], families: []}
  if (points.size === 0) return result
  const chars = [...points].map((codePoint) => ({codePoint, char: String.fromCodePoint(codePoint)}))
  const common = chars.filter(({codePoint, char}) => needed(codePoint) && !families.some((family) => family.script.test(char)))
  for (const family of families) {
    const own = chars.filter(({char}) => family.script.test(char))
    if (own.length === 0) continue
    const wanted = [...own, ...common].map(({codePoint}) => codePoint)
    const slices = readSlices(family).filter((slice) => wanted.some((codePoint) => inRanges(codePoint, slice.ranges)))
    if (slices.length === 0) continue
    for (const slice of slices) result.files.push({family: family.name, file: slice.file, path: slice.path, unicodeRange: slice.unicodeRange})
    result.families.push({family: family.name, licence: readFileSync(join(packageRoot(family), 'LICENSE'), 'utf8')})
  }
  return result
}

/** `@font-face` rules for the slices, their files under `folder`. */
export function scriptFontCss(files: readonly ScriptFontFile[], folder: string): string {
  return files
    .map(
      (file) =>
        `@font-face {\n  font-family: "${file.family}";\n  font-weight: 400;\n  font-style: normal;\n  src: url("${folder}${file.file}");\n  unicode-range: ${file.unicodeRange};\n}\n`
    )
    .join('')
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

/** Each family's slices, read once per process: the Chinese table alone has a hundred slices of long ranges. */
const slicesRead = new Map<Family, Slice[]>()

function readSlices(family: Family): Slice[] {
  let slices = slicesRead.get(family)
  if (slices === undefined) slicesRead.set(family, (slices = sliceTable(family)))
  return slices
}

function sliceTable(family: Family): Slice[] {
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
