/**
 * Every script in the PDF: Hebrew, Arabic, Devanagari, Thai, Chinese,
 * Japanese and emoji set in Noto fallback fonts (embedded subsets, no
 * `.notdef`), right-to-left text in visual order with its numbers left to
 * right, and Chinese and Thai broken between characters and words.
 */
import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {after, test} from 'node:test'
import {create, type Font} from 'fontkit'
import {toPdf} from '../src/index.js'
import {registerFonts} from '../src/lib/fonts.js'
import {itemize} from '../src/lib/items.js'
import {Measurer} from '../src/lib/measure.js'
import {setParagraph} from '../src/lib/paragraph.js'
import {createDocument} from '../src/lib/pdfkit.js'
import {structRoot} from '../src/lib/structure.js'
import type {Run} from '../src/lib/types.js'
import {sfntOf} from '../src/lib/woff.js'
import {hasTool, pageTexts, pageWords, run, type Word} from './helpers.js'
import {childBatch} from '../../../scripts/pathological-batch.js'
import {markdownEdition, memoryEdition, paragraph} from './memory.js'
import {samples} from './scripts-sample.js'
import type {VFileMessage} from 'vfile-message'

const require = createRequire(import.meta.url)
const scratch = mkdtempSync(join(tmpdir(), 'samizdat-scripts-'))

async function build(name: string, texts: readonly string[]): Promise<string> {
  const [pdf] = await toPdf(memoryEdition(texts.map((text) => paragraph(text))), {compress: false, date: new Date(0)})
  const path = join(scratch, `${name}.pdf`)
  writeFileSync(path, (pdf as {data: Uint8Array}).data)
  return path
}

const everyScript = build('scripts', Object.values(samples))
const latinOnly = build('latin', ['Only Latin here: naïve café, “quotes” — and dashes.'])

test('the text layer holds every script’s characters', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const text = pageTexts(await everyScript).join('\n')
  for (const word of [
    'שלום',
    'עולם',
    'בירושלים',
    '1948',
    'مرحبا',
    'القاهرة',
    'नमस्ते',
    'राजा',
    'สวัสดี',
    'กรุงเทพมหานคร',
    '你好',
    '北京',
    'こんにちは',
    '東京',
    '他說：「這本書結束了。」',
    '😀',
    '📚',
    '🎉'
  ]) {
    assert.ok(text.includes(word), `pdftotext has no “${word}”`)
  }
})

test('each script is set in an embedded subset of its Noto font; a Latin book loads none', async (t) => {
  if (!hasTool(t, 'pdffonts')) return
  const fonts = run('pdffonts', [await everyScript])
  for (const name of ['NotoSansHebrew', 'NotoSansArabic', 'NotoSansDevanagari', 'NotoSansThai', 'NotoSansSC', 'NotoEmoji']) {
    assert.match(fonts, new RegExp(`[A-Z]{6}\\+${name}-Regular +CID TrueType +Identity-H +yes yes yes`), `${name} is not embedded as a subset`)
  }
  assert.doesNotMatch(run('pdffonts', [await latinOnly]), /Noto/)
})

test('no glyph is the .notdef (glyph 0)', async () => {
  const content = (await import('node:fs')).readFileSync(await everyScript, 'latin1')
  const shown = [...content.matchAll(/\[([^\]]*)\] TJ/g)].flatMap((match) =>
    [...(match[1] as string).matchAll(/<([0-9a-f]+)>/gi)].map((hex) => hex[1] as string)
  )
  assert.ok(shown.length > 50, 'no text found in the content streams')
  for (const hex of shown) {
    for (let index = 0; index < hex.length; index += 4) assert.notEqual(hex.slice(index, index + 4), '0000', `glyph 0 drawn in <${hex}>`)
  }
})

test('a character no font has (Korean, Georgian here) is a positioned warning, one per text node or code span (a line break is no character missing)', async () => {
  const markdown = '---\ntitle: Scripts\n---\n\nLatin first.\n\nHello 세계 and\nქართ, again 세계.\n\n*Only 안* and `code 안`\n'
  const {edition, messages} = await markdownEdition(markdown)
  assert.deepEqual(messages, [])
  const warnings: VFileMessage[] = []
  await toPdf(edition, {date: new Date(0), report: (message) => warnings.push(message)})
  assert.deepEqual(
    warnings.map((message) => [message.file, message.line, message.column, message.ruleId, message.reason]),
    [
      [
        'w.md',
        7,
        1,
        'glyph-missing',
        'No font of the PDF has `세` (U+C138), `계` (U+ACC4), `ქ` (U+10E5), `ა` (U+10D0), `რ` (U+10E0) and 1 more: they are left blank in the PDF'
      ],
      ['w.md', 10, 2, 'glyph-missing', 'No font of the PDF has `안` (U+C548): it is left blank in the PDF'],
      ['w.md', 10, 14, 'glyph-missing', 'No font of the PDF has `안` (U+C548): it is left blank in the PDF']
    ]
  )
})

/** pdftotext's word boxes hold right-to-left words as drawn, in visual order: look for both. */
function find(words: readonly Word[], text: string): Word {
  const reversed = [...text].reverse().join('')
  const word = words.find((candidate) => candidate.text.includes(text) || candidate.text.includes(reversed))
  assert.ok(word, `no word “${text}” on the line: ${words.map((candidate) => candidate.text).join(' ')}`)
  return word
}

test('right-to-left lines read from the right, with their numbers left to right', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const lines = pageWords(await everyScript).flatMap((page) => page.lines)
  const hebrew = lines.find((line) => line.some((word) => word.text.includes('םולש'))) as Word[]
  assert.ok(hebrew, 'no Hebrew line')
  // שלום עולם. הספר … בשנת 1948 בירושלים.: the first word rightmost, the number between the words it follows and precedes.
  assert.ok(find(hebrew, 'שלום').xMin > find(hebrew, 'עולם').xMin, 'the first Hebrew word is not right of the second')
  assert.ok(find(hebrew, 'בשנת').xMin > find(hebrew, '1948').xMin, 'the year is not left of the word before it')
  assert.ok(find(hebrew, '1948').xMin > find(hebrew, 'בירושלים').xMin, 'the word after the year is not left of it')
  // A right-to-left paragraph is flush right: its last line ends at the right edge of the text block, not the left.
  const latin = lines.find((line) => line.some((word) => word.text.includes('Readers'))) as Word[]
  const textLeft = (latin[0] as Word).xMin
  assert.ok((hebrew[0] as Word).xMin > textLeft + 20, 'the Hebrew line starts at the left edge')
})

const doc = createDocument({info: {}, lang: 'en', compress: false})
registerFonts(doc)
const measure = new Measurer(doc)
const struct = structRoot('P')
const runOf = (text: string, lang = 'en'): Run => ({text, style: {font: 'serif', size: 11}, struct, lang})
const options = {align: 'justify', indent: 0, hyphenate: false, emergency: false, lineWidth: 300} as const

test('Chinese and Japanese may break between characters, never before a closing mark', () => {
  const lines = setParagraph([runOf(samples.chinese.repeat(3), 'zh')], measure, {width: 150, align: 'justify', leading: 14, style: {font: 'serif', size: 11}})
  assert.ok(lines.length >= 4, `${lines.length} lines`)
  for (const line of lines) {
    const text = line.glyphs.map((glyph) => glyph.text).join('')
    assert.doesNotMatch(text, /^[，。、）」]/u, `a line starts with a closing mark: ${text}`)
    assert.ok(Math.max(...line.glyphs.map((glyph) => glyph.x + glyph.width)) <= 150.01, `overfull: ${text}`)
  }
  // Each character of 你好 is its own box, with a break between them.
  const items = itemize([runOf('你好世界')], measure, options)
  const breaks = items.filter((item) => item.type === 'penalty' && item.penalty === 0)
  assert.equal(breaks.length, 3)
})

test('Thai breaks between words, which it writes without spaces', () => {
  const items = itemize([runOf('สวัสดีชาวโลก', 'th')], measure, options)
  const boxes = items.flatMap((item) => (item.type === 'box' && 'piece' in item && item.piece ? [item.piece.text] : []))
  assert.deepEqual(boxes, ['สวัสดี', 'ชาว', 'โลก'])
})

test('a Latin word next to Chinese keeps its own rules: no break inside it', () => {
  const items = itemize([runOf('Unicode标准')], measure, options)
  const boxes = items.flatMap((item) => (item.type === 'box' && 'piece' in item && item.piece ? [item.piece.text] : []))
  assert.deepEqual(boxes, ['Unicode', '标', '准'])
})

test('a running head in another script is set in its font and direction', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const body = Array.from({length: 60}, (_, index) => paragraph(`Paragraph ${index + 1} of a text long enough to fill several pages of the book.`))
  const [pdf] = await toPdf(memoryEdition(body, {title: 'ספר הדוגמה'}), {date: new Date(0)})
  const path = join(scratch, 'heads.pdf')
  writeFileSync(path, (pdf as {data: Uint8Array}).data)
  const pages = pageTexts(path).map((page) => page.replace(/[\u202A-\u202E]/gu, ''))
  // The title page, and the running head of the versos after the work's first page.
  const withTitle = pages.filter((page) => page.includes('ספר הדוגמה'))
  assert.ok(withTitle.length >= 3, `${withTitle.length} pages show the Hebrew title`)
})

test('a right-to-left line is set in visual order: words right to left, numbers and Latin left to right, brackets mirrored', () => {
  const [line, ...rest] = setParagraph([runOf('שלום (עולם) בשנת 1948 and more')], measure, {
    width: 300,
    align: 'ragged',
    leading: 14,
    style: {font: 'serif', size: 11}
  })
  assert.ok(line)
  assert.equal(rest.length, 0)
  // Left to right as drawn; each Hebrew piece is drawn in logical order (fontkit lays it out right to left).
  const drawn = [...line.glyphs]
    .sort((a, b) => a.x - b.x)
    .map((glyphs) => glyphs.text.trim())
    .filter(Boolean)
  assert.deepEqual(drawn, ['1948', 'and', 'more', 'בשנת', '(', 'עולם', ')', 'שלום'])
  // Flush right: the line's ink ends at the measure.
  assert.ok(Math.abs(Math.max(...line.glyphs.map((glyphs) => glyphs.x + glyphs.width)) - 300) < 0.5)
})

const child = fileURLToPath(new URL('fixtures/scripts-pathological.ts', import.meta.url))
/** Seconds a case may take: many times what it takes on a slow, busy machine. */
const guard = 120

/** The long texts the tests below need, built in one child process (a Node and tsx start-up is seconds of CPU), each under the guard. */
const jobs: Array<[string, number]> = [
  ['chinese', 20_007],
  ['thai', 19_998],
  ['hebrew', 20_020]
]
let batch: ReturnType<typeof childBatch<{name: string; file: string}>> | undefined
// The child ends a moment after its last case: the file waits for it (scripts/pathological-batch.ts).
after(() => batch?.closed)

/** Build a long text of one script in the child (started by the first test that needs it); the PDF's text, checked by qpdf. */
async function long(name: string): Promise<string> {
  batch ??= childBatch<{name: string; file: string}>(
    child,
    ['--batch', scratch, ...jobs.map(([job, size]) => `${job}:${size}`)],
    jobs.map(([job]) => job),
    guard * 1000
  )
  const out = (await batch(name)).file
  const check = run('qpdf', ['--check', out])
  assert.match(check, /No syntax or stream encoding errors found/)
  return pageTexts(out).join('\n')
}

const count = (text: string, part: string): number => text.split(part).length - 1

test('20,000 Chinese characters with no space set, broken between characters, every one read back', async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const text = (await long('chinese')).replace(/[^\p{Script=Han}，]/gu, '')
  assert.equal(count(text, '工人和农民的历史，'), 2223)
})

test('20,000 Thai letters with no space set, broken between words, every one read back', async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const text = (await long('thai')).replace(/[^\p{Script=Thai}]/gu, '')
  assert.equal(count(text, 'หนังสือเล่มนี้เขียนขึ้นที่กรุงเทพ'), 606)
})

test('a right-to-left paragraph of 20,000 characters with numbers and Latin sets, every word read back', async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const text = await long('hebrew')
  assert.equal(count(text, 'שלום'), 770)
  assert.equal(count(text, '1948'), 770)
  assert.equal(count(text, 'more'), 770)
})

test('a Noto slice unwrapped from its WOFF is the same font: the same tables, so the same glyphs, outlines and widths', () => {
  // Inflated once (woff.ts), so fontkit's subsetter no longer inflates the whole glyf table for each glyph it copies.
  const file = join(dirname(require.resolve('@fontsource/noto-sans-hebrew/LICENSE')), 'files', 'noto-sans-hebrew-hebrew-400-normal.woff')
  const woff = readFileSync(file)
  const sfnt = sfntOf(woff)
  assert.notEqual(sfnt, woff)
  const [before, after] = [create(woff) as Font, create(Buffer.from(sfnt)) as Font]
  assert.equal(after.type, 'TTF')
  assert.deepEqual(after.characterSet, before.characterSet)
  for (const codePoint of before.characterSet) {
    const [a, b] = [before.glyphForCodePoint(codePoint), after.glyphForCodePoint(codePoint)]
    assert.deepEqual([b.id, b.advanceWidth, b.path.toSVG()], [a.id, a.advanceWidth, a.path.toSVG()], `U+${codePoint.toString(16)}`)
  }
  // A file that is no WOFF is given back as it is.
  assert.equal(sfntOf(sfnt), sfnt)
})
