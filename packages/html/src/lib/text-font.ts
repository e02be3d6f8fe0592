/**
 * The site's text face, EB Garamond (the face of the PDF and the EPUB), as
 * WOFF2 from `@fontsource/eb-garamond`: the same Google Fonts build cut into
 * slices by Unicode range, so a page loads only the slices its characters
 * need and the site ships only the slices its text uses. Regular, italic,
 * semibold and semibold italic, as in the books.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'

const require = createRequire(import.meta.url)

const textFamily = 'EB Garamond'

export interface TextFontFile {
  file: string
  path: string
  weight: number
  style: 'normal' | 'italic'
  unicodeRange: string
}

const faces = [
  {weight: 400, style: 'normal'},
  {weight: 400, style: 'italic'},
  {weight: 600, style: 'normal'},
  {weight: 600, style: 'italic'}
] as const

/** The slices holding a character of `text` (Latin always: the pages' own words), in every face. */
export function textFontFiles(text: string): TextFontFile[] {
  const root = packageRoot()
  const table = JSON.parse(readFileSync(join(root, 'unicode.json'), 'utf8')) as Record<string, string>
  const points = new Set<number>()
  for (const char of text) points.add(char.codePointAt(0) as number)
  const slices = Object.entries(table).filter(([slice, ranges]) => {
    if (slice === 'latin') return true
    // Each slice's ranges read once, not once per character of the text.
    const parsed = parseRanges(ranges)
    for (const codePoint of points) if (parsed.some(([start, end]) => codePoint >= start && codePoint <= end)) return true
    return false
  })
  return slices.flatMap(([slice, unicodeRange]) =>
    faces.map(({weight, style}) => {
      const file = `eb-garamond-${slice}-${weight}-${style}.woff2`
      return {file, path: join(root, 'files', file), weight, style, unicodeRange}
    })
  )
}

/** `@font-face` rules for the slices, their files under `folder`; `swap` shows the text at once in the fallback face. */
export function textFontCss(files: readonly TextFontFile[], folder: string): string {
  return files
    .map(
      (file) =>
        `@font-face {\n  font-family: "${textFamily}";\n  font-weight: ${file.weight};\n  font-style: ${file.style};\n  font-display: swap;\n  src: url("${folder}${file.file}") format("woff2");\n  unicode-range: ${file.unicodeRange};\n}\n`
    )
    .join('')
}

/** The OFL, as the package ships it. */
export function textFontLicence(): string {
  return readFileSync(join(packageRoot(), 'LICENSE'), 'utf8')
}

function packageRoot(): string {
  // The package exports only CSS and its licence, which sits at the root.
  return dirname(require.resolve('@fontsource/eb-garamond/LICENSE'))
}

/** `U+0000-00FF, U+0131, …` as `[start, end]` pairs. */
function parseRanges(ranges: string): Array<[number, number]> {
  return ranges.split(',').map((range) => {
    const [from, to] = range.trim().slice(2).split('-')
    const start = Number.parseInt(from as string, 16)
    return [start, to === undefined ? start : Number.parseInt(to, 16)]
  })
}
