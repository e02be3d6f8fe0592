/**
 * The README's screenshots of math and code: `docs/math-and-code/math-and-code.md` built as
 * a site page (shot with headless Chromium) and as a PDF page (rendered with
 * Poppler's pdftoppm), written to `docs/math-code-site.png` and
 * `docs/math-code-pdf.png`; and `docs/every-script/every-script.md` as a PDF
 * page, `docs/every-script-pdf.png`. Needs `chromium` (or `CHROMIUM`) and `pdftoppm`.
 *
 *   node --conditions=source --import tsx scripts/screenshots.ts
 */
import {execFileSync} from 'node:child_process'
import {mkdir, mkdtemp, readdir, rename, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {hasErrors, loadCorpus, resolveEdition} from '@samizdat/model'
import {toHtml} from '@samizdat/html'
import {toPdf} from '@samizdat/pdf'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const docs = join(root, 'docs')
const corpusDir = join(docs, 'math-and-code')
const chromium = process.env['CHROMIUM'] ?? 'chromium'

const corpus = await loadCorpus(corpusDir)
if (hasErrors(corpus.files)) throw new Error('docs/math-and-code has errors')
const edition = resolveEdition(corpus, corpus.editions[0]!.id)
const work = edition.works[0]!.id
const scratch = await mkdtemp(join(tmpdir(), 'samizdat-screenshots-'))
try {
  // The site page, in the light scheme, at a reading width.
  for (const file of await toHtml(edition)) {
    await mkdir(dirname(join(scratch, 'site', file.path)), {recursive: true})
    await writeFile(join(scratch, 'site', file.path), file.data)
  }
  execFileSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--force-color-profile=srgb',
      '--window-size=760,900',
      `--screenshot=${join(docs, 'math-code-site.png')}`,
      'file://' + join(scratch, 'site', edition.meta.id, work + '.html')
    ],
    {stdio: 'ignore'}
  )

  // The PDF page that holds the work (the last page: the work is the book's only text).
  const pdf = join(scratch, 'book.pdf')
  await writeFile(pdf, (await toPdf(edition, {date: new Date(Date.UTC(2024, 0, 1))}))[0]!.data)
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], {encoding: 'utf8'}))?.[1])
  execFileSync('pdftoppm', ['-f', String(pages), '-l', String(pages), '-r', '90', '-png', '-singlefile', pdf, join(scratch, 'page')])
  await rename(join(scratch, 'page.png'), join(docs, 'math-code-pdf.png'))

  // Every script: the work's page of a PDF built from the folder.
  const scripts = await loadCorpus(join(docs, 'every-script'))
  if (hasErrors(scripts.files)) throw new Error('docs/every-script has errors')
  const scriptsPdf = join(scratch, 'scripts.pdf')
  await writeFile(scriptsPdf, (await toPdf(resolveEdition(scripts, scripts.editions[0]!.id), {date: new Date(Date.UTC(2024, 0, 1))}))[0]!.data)
  const scriptPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [scriptsPdf], {encoding: 'utf8'}))?.[1])
  execFileSync('pdftoppm', ['-f', String(scriptPages), '-l', String(scriptPages), '-r', '110', '-png', '-singlefile', scriptsPdf, join(scratch, 'scripts')])
  await rename(join(scratch, 'scripts.png'), join(docs, 'every-script-pdf.png'))
  console.log(
    'wrote',
    (await readdir(docs))
      .filter((name) => name.endsWith('.png'))
      .map((name) => 'docs/' + name)
      .join(', ')
  )
} finally {
  await rm(scratch, {recursive: true, force: true})
}
