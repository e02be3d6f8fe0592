/**
 * Images in the PDF: raster ones embedded through pdfkit (GIF and WebP as PNG), SVG drawn as vectors, each a
 * `Figure` whose `/Alt` is its description; a lone image is a block at the column's width or its natural size
 * (whichever is smaller) with its caption below, never split across pages.
 */
import assert from 'node:assert/strict'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {corpusFromFiles, resolveEdition} from '@samizdat/model'
import {toPdf} from '@samizdat/pdf'
import {greyPng, imageFiles, imageWork, png} from '../../model/test/helpers/images.js'
import {date, hasTool, pageTexts, pdfObjects, run, squash} from './helpers.js'

async function build(t: TestContext, files: Record<string, string | Uint8Array>): Promise<{path: string; warnings: string[]}> {
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-pdf-images-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  const corpus = await corpusFromFiles(files)
  const warnings: string[] = []
  const [file] = await toPdf(resolveEdition(corpus, 'corpus'), {date, compress: false, report: (m) => warnings.push(String(m))})
  const path = join(dir, 'book.pdf')
  await writeFile(path, file?.data ?? new Uint8Array())
  return {path, warnings}
}

/** `pdfimages -list` rows: page, type, width, height, encoding. */
function images(path: string): string[][] {
  return run('pdfimages', ['-list', path])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/))
    .map((cells) => [cells[0], cells[2], cells[3], cells[4], cells[8]] as string[])
}

test('raster images are embedded (GIF and WebP as PNG), the SVG is drawn as vectors, and no description is printed instead', async (t) => {
  if (!hasTool(t, 'pdfimages') || !hasTool(t, 'pdftotext')) return
  const {path, warnings} = await build(t, {'pictures.md': imageWork, ...imageFiles})
  assert.deepEqual(warnings, [])
  // The GIF's transparent colour comes as a soft mask beside it.
  const rows = images(path).filter(([, type]) => type !== 'smask')
  // Each raster image of the edition, once, at its own pixel size; the JPEG kept as JPEG.
  assert.deepEqual(
    rows.map(([, type, width, height, encoding]) => [type, width, height, encoding]),
    [
      ['image', '3', '2', 'image'],
      ['image', '3', '2', 'jpeg'],
      ['image', '3', '2', 'image'],
      ['image', '3', '2', 'image']
    ]
  )
  const text = squash(pageTexts(path).join('\n'))
  for (const words of ['Figure one', 'A photo', 'Some text with an inline image.', 'Figure four', 'A drawing']) assert.ok(text.includes(words), words)
  // Descriptions are `/Alt`, not printed text (the captions are the titles).
  assert.ok(!text.includes('A red dot'))
  assert.ok(!text.includes('animated'))
  assert.ok(!text.includes('A modern image'))
  // The SVG's blue circle, drawn by svg-to-pdfkit in a content stream.
  const streams = run('qpdf', ['--qdf', '--object-streams=disable', path, '-'])
  assert.match(streams, /\n0 0 1 scn\n/)
})

test('every image is a Figure with its description as /Alt; captions are Caption elements', async (t) => {
  if (!hasTool(t, 'qpdf')) return
  const {path} = await build(t, {'pictures.md': imageWork, ...imageFiles})
  const objects = Object.values(pdfObjects(path)) as Array<Record<string, unknown> | undefined>
  const figures = objects.filter((object) => object?.['/S'] === '/Figure').map((object) => object?.['/Alt'])
  assert.deepEqual(figures.sort(), ['u:A drawing', 'u:A modern image', 'u:A photo', 'u:A red dot', 'u:animated'].sort())
  assert.equal(objects.filter((object) => object?.['/S'] === '/Caption').length, 4)
})

test('a lone image is drawn at its natural size when it fits, at the column width when it does not, and never split', async (t) => {
  if (!hasTool(t, 'pdfimages') || !hasTool(t, 'pdfinfo')) return
  // 3 × 2 pixels drawn at 2.25 × 1.5 pt (natural: 0.75 pt a pixel); 1500 × 1000 pixels are wider than any column.
  const wide = greyPng(1500, 1000)
  const {path} = await build(t, {
    'a.md': '# A\n\n' + 'Text. '.repeat(400) + '\n\n![small](small.png "Small")\n\n![wide](wide.png "Wide")\n',
    'small.png': png,
    'wide.png': wide
  })
  const listed = run('pdfimages', ['-list', path]).split('\n').slice(2).filter(Boolean)
  // x-ppi and y-ppi: 3 pixels on 2.25 pt is 96 ppi (natural size); the wide one is scaled down to the column.
  const ppi = listed.map((line) => line.trim().split(/\s+/).slice(12, 14).map(Number))
  assert.deepEqual(ppi[0], [96, 96])
  assert.ok((ppi[1]?.[0] ?? 0) > 96 && ppi[1]?.[0] === ppi[1]?.[1], `scaled to the column, aspect kept: ${listed.join('\n')}`)
})

test('a raster image whose data is damaged is a warning, and its description stands in; the PDF is still made', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  // A whole header, then data cut short: the model reads the size, the data does not decode.
  const damaged = png.slice(0, 60)
  const {path, warnings} = await build(t, {'a.md': '# A\n\nBefore ![a damaged picture](bad.png) after.\n', 'bad.png': damaged})
  assert.equal(warnings.length, 1)
  assert.match(
    warnings[0] ?? '',
    /^warning Image `images\/bad.png` cannot be drawn in the PDF \(.+\): its description stands in its place|Image `images\/bad.png` cannot be drawn in the PDF/
  )
  assert.ok(squash(pageTexts(path).join('\n')).includes('Before a damaged picture after.'))
})

test('PNGs with an alpha channel are written in the edition’s order, before the pages, in every build (not as their inflating ends)', async () => {
  // The largest first: inflated on the thread pool, it used to be finished, and written, after the smaller ones.
  const files = {
    'a.md': '# A\n\n![large](large.png) ![small](small.png) ![middle](middle.png)\n',
    'large.png': greyPng(900, 900, true),
    'small.png': greyPng(3, 3, true),
    'middle.png': greyPng(90, 90, true)
  }
  const edition = resolveEdition(await corpusFromFiles(files), 'corpus')
  const [file] = await toPdf(edition, {date, compress: false})
  const text = Buffer.from(file!.data).toString('latin1')
  const objects = [...text.matchAll(/\n\d+ 0 obj\n<<([^]*?)>>\nstream\n|\n\d+ 0 obj\n<<\n\/Type \/Page\n/g)]
  const order = objects.map((match) => (match[1] === undefined ? 'page' : /\/Subtype \/Image/.test(match[1]) ? /\/Width (\d+)/.exec(match[1])![1] : 'stream'))
  const images = order.filter((kind) => kind !== 'stream')
  // Each image's mask, then the image (pdfkit ends the mask first), in the edition's order; then the pages.
  assert.deepEqual(images.slice(0, 6), ['900', '900', '3', '3', '90', '90'])
  assert.ok(images.slice(6).every((kind) => kind === 'page'))
  const again = await toPdf(edition, {date, compress: false})
  assert.ok(Buffer.from(again[0]!.data).equals(Buffer.from(file!.data)))
})
