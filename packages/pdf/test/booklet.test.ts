/**
 * The booklet (`toBooklet`): a small book whose pages say their numbers,
 * imposed, and read back per half-sheet with pdftotext; the marks seen in
 * the rendered pixels; the result checked by qpdf and pdffonts.
 */
import assert from 'node:assert/strict'
import {mkdirSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {execFileSync} from 'node:child_process'
import PDFDocument from 'pdfkit'
import {UsageError} from '@samizdat/model'
import {toBooklet, toPdf, type BookletOptions} from '@samizdat/pdf'
import {fixturePdf, hasTool, outputDir, pageWords, run, type PageWords, type Word} from './helpers.js'
import {memoryEdition, paragraph} from './memory.js'

const require = createRequire(import.meta.url)
const mm = 72 / 25.4
const a5 = [148 * mm, 210 * mm] as const

/** An A5 book of `pages` pages, each printing `p<number>` in an embedded TrueType font. */
function book(pages: number): Promise<Uint8Array> {
  const doc = new PDFDocument({autoFirstPage: false, info: {CreationDate: new Date(0), Title: 'Test book'}})
  doc.registerFont('serif', require.resolve('@expo-google-fonts/eb-garamond/400Regular/EBGaramond_400Regular.ttf'))
  for (let n = 1; n <= pages; n++)
    doc
      .addPage({size: [...a5], margin: 0})
      .font('serif')
      .fontSize(40)
      .text(`p${n}`, 150, 280, {lineBreak: false})
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))))
  doc.end()
  return done
}

async function booklet(name: string, pages: number, options: BookletOptions = {}): Promise<string> {
  mkdirSync(outputDir, {recursive: true})
  const file = join(outputDir, `booklet-${name}.pdf`)
  writeFileSync(file, await toBooklet(await book(pages), options))
  return file
}

/** The page numbers each sheet side shows, left and right of the fold (`-` for a blank half). */
function sides(pdf: string): string[][] {
  const info = run('pdfinfo', [pdf])
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
  const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number) as [number, number]
  const half = (page: number, x: number): string => {
    const text = run('pdftotext', [
      '-f',
      `${page}`,
      '-l',
      `${page}`,
      '-x',
      `${Math.round(x)}`,
      '-y',
      '0',
      '-W',
      `${Math.floor(width / 2)}`,
      '-H',
      `${Math.ceil(height)}`,
      pdf,
      '-'
    ])
    return /p(\d+)/.exec(text)?.[1] ?? '-'
  }
  return Array.from({length: count}, (_, i) => [half(i + 1, 0), half(i + 1, width / 2)])
}

function tools(t: TestContext): boolean {
  return hasTool(t, 'pdftotext') && hasTool(t, 'pdfinfo')
}

test('12 pages: three sheets, duplex, nested in saddle-stitch order', async (t) => {
  if (!tools(t)) return
  const pdf = await booklet('12', 12)
  assert.deepEqual(sides(pdf), [
    ['12', '1'],
    ['2', '11'],
    ['10', '3'],
    ['4', '9'],
    ['8', '5'],
    ['6', '7']
  ])
  // A5 pages 2-up on A4 landscape.
  assert.match(run('pdfinfo', [pdf]), /Page size:\s+841\.89 x 595\.27?\d* pts \(A4\)/)
})

test('10 pages are padded with two blank pages at the end, to a multiple of 4', async (t) => {
  if (!tools(t)) return
  const pdf = await booklet('10', 10)
  assert.deepEqual(sides(pdf), [
    ['-', '1'],
    ['2', '-'],
    ['10', '3'],
    ['4', '9'],
    ['8', '5'],
    ['6', '7']
  ])
})

test('signatures of 8 pages: each folded on its own, the last one as short as it can be', async (t) => {
  if (!tools(t)) return
  const pdf = await booklet('signatures', 14, {signature: 8})
  assert.deepEqual(sides(pdf), [
    ['8', '1'],
    ['2', '7'],
    ['6', '3'],
    ['4', '5'],
    ['-', '9'],
    ['10', '-'],
    ['14', '11'],
    ['12', '13']
  ])
})

test('a signature that is not a multiple of 4 is a usage error that quotes it', async () => {
  const bytes = await book(4)
  await assert.rejects(toBooklet(bytes, {signature: 6}), (error: unknown) => error instanceof UsageError && /multiple of 4.*not 6/.test(error.message))
})

test('Letter: the pages scaled to half-letter, 2-up on Letter landscape', async (t) => {
  if (!tools(t)) return
  const pdf = await booklet('letter', 4, {sheet: 'Letter'})
  assert.match(run('pdfinfo', [pdf]), /Page size:\s+792 x 612 pts \(letter\)/)
  assert.deepEqual(sides(pdf), [
    ['4', '1'],
    ['2', '3']
  ])
})

test('half-letter: the book is laid out on 5.5 × 8.5 in pages and imposed on Letter at full size, nothing scaled', async (t) => {
  if (!tools(t) || !hasTool(t, 'pdfinfo')) return
  const edition = memoryEdition(
    Array.from({length: 40}, (_, index) => paragraph(`Paragraph ${index + 1} of a small book set on half-letter pages. `.repeat(4)))
  )
  mkdirSync(outputDir, {recursive: true})
  const bookFile = join(outputDir, 'half-letter.pdf')
  const bytes = (await toPdf(edition, {date: new Date(0), paper: 'halfletter'}))[0]!.data
  writeFileSync(bookFile, bytes)
  assert.match(run('pdfinfo', [bookFile]), /Page size:\s+396 x 612 pts/)
  const sheetFile = join(outputDir, 'booklet-half-letter.pdf')
  writeFileSync(sheetFile, await toBooklet(bytes, {sheet: 'Letter'}))
  const pages = pageWords(bookFile)
  const sheets = pageWords(sheetFile)
  assert.equal(sheets[0]?.width, 792)
  // Eight pages, one signature: sheet sides [8, 1], [2, 7], [6, 3], [4, 5]; each word where its page has it, as large.
  assert.equal(pages.length, 8)
  const boxes = (words: readonly Word[], dx: number): string[] =>
    words.map(
      (word) =>
        `${word.text} ${(word.xMin + dx).toFixed(1)} ${word.yMin.toFixed(1)} ${(word.xMax - word.xMin).toFixed(1)}x${(word.yMax - word.yMin).toFixed(1)}`
    )
  const words = (page: PageWords | undefined): Word[] => (page as PageWords).lines.flat()
  const sides = [
    [8, 1],
    [2, 7],
    [6, 3],
    [4, 5]
  ] as const
  let compared = 0
  sides.forEach(([left, right], index) => {
    const side = words(sheets[index])
    assert.deepEqual(
      boxes(
        side.filter((word) => word.xMin < 396),
        0
      ),
      boxes(words(pages[left - 1]), 0),
      `sheet side ${index + 1}, left`
    )
    assert.deepEqual(
      boxes(
        side.filter((word) => word.xMin >= 396),
        0
      ),
      boxes(words(pages[right - 1]), 396),
      `sheet side ${index + 1}, right`
    )
    compared += side.length
  })
  assert.ok(compared > 500, `${compared} words compared`)
})

/** The first sheet at 72 dpi, grey levels, and whether the pixel at (x, y) from the top left is dark. */
function inkAt(pdf: string): (x: number, y: number) => boolean {
  const pgm = execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '72', '-gray', '-aa', 'no', '-aaVector', 'no', pdf])
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
  const width = Number(header[1])
  const pixels = pgm.subarray(header[0].length)
  return (x, y) => pixels[y * width + x]! < 128
}

/** Dark pixels in the given columns and rows. */
function count(ink: (x: number, y: number) => boolean, xs: readonly number[], ys: readonly number[]): number {
  return xs.reduce((total, x) => total + ys.filter((y) => ink(x, y)).length, 0)
}

test('fold marks are drawn only when asked, on the fold at the top and bottom edges', async (t) => {
  if (!hasTool(t, 'pdftoppm')) return
  // A4 landscape at 72 dpi: 842 × 595 pixels, the fold at x = 421.
  const rows = [0, 1, 2, 3, 4, 590, 591, 592, 593, 594]
  assert.equal(count(inkAt(await booklet('plain', 4)), [420, 421], rows), 0)
  assert.ok(count(inkAt(await booklet('marks', 4, {marks: true})), [420, 421], rows) >= 10)
})

test('crop marks only where there is a strip to cut: on Letter, at the sheet edges on the trim lines', async (t) => {
  if (!hasTool(t, 'pdftoppm')) return
  // Letter landscape: the A5 page scaled to 396 × 562 pt leaves 25 pt above and below it: trim lines at y = 25 and 587.
  const ticks = (ink: (x: number, y: number) => boolean): number => count(ink, [1, 5, 9, 782, 786, 790], [24, 25, 26, 585, 586, 587, 588])
  assert.equal(ticks(inkAt(await booklet('letter-plain', 4, {sheet: 'Letter'}))), 0)
  assert.ok(ticks(inkAt(await booklet('letter-marks', 4, {sheet: 'Letter', marks: true}))) >= 12)
  // A5 on A4 fills each half: nothing to cut, no crop mark, only the fold marks.
  const a4 = inkAt(await booklet('marks', 4, {marks: true}))
  assert.equal(count(a4, [1, 5, 9, 832, 836, 840], [0, 1, 2, 297, 592, 593, 594]), 0)
})

test('print-ready: qpdf finds nothing, every font is embedded, an sRGB output intent', async (t) => {
  if (!hasTool(t, 'qpdf') || !hasTool(t, 'pdffonts')) return
  const pdf = await booklet('check', 10, {marks: true, sheet: 'Letter'})
  assert.match(run('qpdf', ['--check', pdf]), /No syntax or stream encoding errors found/)
  const fonts = run('pdffonts', [pdf])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
  assert.ok(fonts.length > 0)
  for (const font of fonts) assert.match(font, /\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/, font)
  assert.deepEqual(outputIntents(pdf), ['sRGB IEC61966-2.1'])
})

/** The output condition of each sRGB output intent (with its ICC profile of 3 components) in the PDF. */
function outputIntents(pdf: string): string[] {
  type Entry = {value?: Record<string, unknown>; stream?: {dict: Record<string, unknown>}}
  const objects = (JSON.parse(run('qpdf', ['--json', pdf])) as {qpdf: [unknown, Record<string, Entry>]}).qpdf[1]
  const found: string[] = []
  for (const {value} of Object.values(objects)) {
    if (value?.['/Type'] !== '/OutputIntent') continue
    assert.equal(objects[`obj:${String(value['/DestOutputProfile'])}`]?.stream?.dict['/N'], 3)
    found.push(String(value['/OutputConditionIdentifier']).replace(/^u:/, ''))
  }
  return found
}

test('the book itself declares the sRGB output intent', async (t) => {
  if (!hasTool(t, 'qpdf')) return
  assert.deepEqual(outputIntents(await fixturePdf()), ['sRGB IEC61966-2.1'])
})
