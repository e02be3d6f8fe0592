/**
 * The README's screenshots of the reader edition's apparatus (`corpus/`): PDF pages (the list of
 * corrections with page and line, a page of text with its correction marks, the index of persons, the
 * timeline, a shared note's “See note N, p. X”) rendered by poppler's `pdftoppm` at 80 dpi, and the site's
 * index of persons and timeline at 375 and 1280 px in Chromium; written to `docs/apparatus-*.png` as palette
 * PNGs. Needs poppler (`pdftoppm`, `pdftotext`) and Chromium (`chromium`, or `CHROMIUM`).
 *
 *   node --conditions=source --import tsx scripts/screenshots-apparatus.ts
 */
import {execFileSync} from 'node:child_process'
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {chromium, type Page} from 'playwright-core'
import sharp from 'sharp'
import {hasErrors, loadCorpus, resolveEdition} from '@samizdat/model'
import {toHtml} from '@samizdat/html'
import {toPdf} from '@samizdat/pdf'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const docs = join(root, 'docs')

const corpus = await loadCorpus(join(root, 'corpus'))
if (hasErrors(corpus.files)) throw new Error('corpus/ has errors')
const edition = resolveEdition(corpus, 'workers-opposition')
const scratch = await mkdtemp(join(tmpdir(), 'samizdat-apparatus-shots-'))
const written: string[] = []

async function save(png: Uint8Array, name: string): Promise<void> {
  await writeFile(join(docs, name), await sharp(png).png({palette: true, compressionLevel: 9}).toBuffer())
  written.push('docs/' + name)
}

try {
  // The PDF: each page's text, to find the pages to show.
  const pdf = join(scratch, 'book.pdf')
  await writeFile(pdf, (await toPdf(edition, {date: new Date(Date.UTC(2024, 0, 1))}))[0]!.data)
  const pages = execFileSync('pdftotext', [pdf, '-'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}).split('\f')
  const find = (test: RegExp, after = 0): number => {
    const index = pages.findIndex((text, at) => at >= after && test.test(text))
    if (index < 0) throw new Error(`No page matches ${String(test)}`)
    return index
  }
  const page = async (index: number, name: string): Promise<void> => {
    const prefix = join(scratch, 'page')
    execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', '-f', String(index + 1), '-l', String(index + 1), pdf, prefix])
    await save(await readFile(prefix + '.png'), name)
  }
  const corrections = find(/^Corrections\n+The edition/m)
  await page(corrections, 'apparatus-pdf-corrections.png')
  // The page of text the list's first entry points to: its marks (a half bracket, a dot in the margin).
  const first = /p\. (\d+), l\. \d+/.exec(pages[corrections]!)![1]!
  const arabic = find(/^1$/m)
  const folio = (label: string): number => pages.findIndex((text, at) => at >= arabic && text.trimEnd().split('\n').at(-1) === label)
  await page(folio(first), 'apparatus-pdf-marks.png')
  await page(find(/^Index of persons$/m, corrections), 'apparatus-pdf-index.png')
  await page(find(/^Timeline$/m, corrections), 'apparatus-pdf-timeline.png')
  await page(find(/See note \d+, p\. \d+/), 'apparatus-pdf-shared-note.png')

  // The site's index of persons and timeline.
  const site = join(scratch, 'site')
  for (const file of await toHtml(edition)) {
    await mkdir(dirname(join(site, file.path)), {recursive: true})
    await writeFile(join(site, file.path), file.data)
  }
  const browser = await chromium.launch({executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium', args: ['--no-sandbox']})
  try {
    const shot = async (file: string, width: number, height: number, name: string): Promise<void> => {
      const view: Page = await browser.newPage({viewport: {width, height}, colorScheme: 'light'})
      await view.goto(pathToFileURL(join(site, edition.meta.id, file)).href)
      await view.evaluate(() => document.fonts.ready)
      await view.waitForTimeout(200)
      await save(await view.screenshot(), name)
    }
    for (const [file, name] of [
      ['index-of-persons.html', 'index'],
      ['timeline.html', 'timeline']
    ] as const) {
      await shot(file, 1280, 800, `apparatus-site-${name}-1280.png`)
      await shot(file, 375, 740, `apparatus-site-${name}-375.png`)
    }
  } finally {
    await browser.close()
  }
  console.log('wrote', written.join(', '))
} finally {
  await rm(scratch, {recursive: true, force: true})
}
