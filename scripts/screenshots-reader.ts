/**
 * The README's screenshots of the reader edition (`corpus/`): the site at
 * 375 and 1280 px (notes beside the text, the downloads, the search) and
 * pages of the EPUB (title page, contents, a chapter's notes and
 * corrections, the cover), written to `docs/reader-*.png` as palette PNGs.
 * Needs Chromium (`chromium`, or `CHROMIUM`), driven by playwright-core.
 *
 *   node --conditions=source --import tsx scripts/screenshots-reader.ts
 */
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import JSZip from 'jszip'
import {chromium, type Page} from 'playwright-core'
import sharp from 'sharp'
import {hasErrors, loadCorpus, resolveEdition} from '@samizdat/model'
import {toHtml} from '@samizdat/html'
import {toEpub} from '@samizdat/epub'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const docs = join(root, 'docs')

const corpus = await loadCorpus(join(root, 'corpus'))
if (hasErrors(corpus.files)) throw new Error('corpus/ has errors')
const edition = resolveEdition(corpus, 'workers-opposition')
const scratch = await mkdtemp(join(tmpdir(), 'samizdat-reader-shots-'))
const browser = await chromium.launch({executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium', args: ['--no-sandbox']})
const written: string[] = []

async function shot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot()
  await writeFile(join(docs, name), await sharp(png).png({palette: true, compressionLevel: 9}).toBuffer())
  written.push('docs/' + name)
}

async function open(url: string, width: number, height: number, scrollTo?: string): Promise<Page> {
  const page = await browser.newPage({viewport: {width, height}, colorScheme: 'light'})
  await page.goto(url)
  await page.evaluate(() => document.fonts.ready)
  if (scrollTo) await page.evaluate((selector) => document.querySelector(selector)?.scrollIntoView({block: 'center'}), scrollTo)
  await page.waitForTimeout(200)
  return page
}

try {
  // The site, with the EPUB and the PDF beside it so that the index offers them.
  const site = join(scratch, 'site')
  const downloads = [
    {format: 'epub' as const, href: `../${edition.meta.id}.epub`},
    {format: 'pdf' as const, href: `../${edition.meta.id}.pdf`}
  ]
  for (const file of await toHtml(edition, {downloads})) {
    await mkdir(dirname(join(site, file.path)), {recursive: true})
    await writeFile(join(site, file.path), file.data)
  }
  const url = (path: string) => pathToFileURL(join(site, edition.meta.id, path)).href
  // The FAQ's second section: its text with the notes beside it (1280) or under their paragraph (375).
  const faq = 'a.noteref'
  await shot(await open(url('afaq-oppositions.html'), 1280, 800, faq), 'reader-site-notes-1280.png')
  await shot(await open(url('afaq-oppositions.html'), 375, 740, faq), 'reader-site-notes-375.png')
  await shot(await open(url('index.html'), 375, 740), 'reader-site-index-375.png')
  await shot(await open(url('search.html') + '?q=Kronstadt', 1280, 640), 'reader-site-search-1280.png')

  // The EPUB's pages, as a reading system with the book's stylesheet shows them.
  const epub = (await toEpub(edition, {date: new Date(Date.UTC(2024, 0, 1))}))[0]!.data
  const zip = await JSZip.loadAsync(epub)
  const book = join(scratch, 'book')
  for (const [path, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue
    await mkdir(dirname(join(book, path)), {recursive: true})
    await writeFile(join(book, path), await entry.async('uint8array'))
  }
  const page = (file: string) => pathToFileURL(join(book, 'OEBPS', file)).href
  await shot(await open(page('title-page.xhtml'), 480, 640), 'reader-epub-title.png')
  await shot(await open(page('toc.xhtml'), 480, 640, '[href="afaq-oppositions.xhtml"]'), 'reader-epub-contents.png')
  await shot(await open(page('kollontai-workers-opposition.xhtml'), 480, 640, 'section.notes'), 'reader-epub-notes.png')
  await shot(await open(page('solidarity-introduction.xhtml'), 480, 640, '[id="sol-corr-10th-congress"]'), 'reader-epub-corrections.png')
  const cover = await zip.file('OEBPS/cover.png')!.async('uint8array')
  await writeFile(join(docs, 'reader-epub-cover.png'), await sharp(cover).resize(320).png({palette: true}).toBuffer())
  written.push('docs/reader-epub-cover.png')
  console.log('wrote', written.join(', '))
} finally {
  await browser.close()
  await rm(scratch, {recursive: true, force: true})
}
