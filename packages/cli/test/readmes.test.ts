/**
 * Markdown nobody here wrote: the READMEs of packages the workspace depends on (so they are installed), copied
 * into a corpus folder and built once to the site, the EPUB and the PDF, with no error, an EPUB epubcheck
 * accepts, and every local image in all three outputs (in the site's folder, in the EPUB's manifest, drawn in the
 * PDF). No package here ships the images its README shows (npm packages leave them out), so each local image a
 * README names is written beside it from the tests' small constant images, by its extension; an image a package
 * does ship is copied as it is.
 */
import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {toEpub} from '@samizdat/epub'
import {toHtml} from '@samizdat/html'
import {hasErrors, loadCorpus, resolveEdition} from '@samizdat/model'
import {toPdf} from '@samizdat/pdf'
import {gif, jpeg, png, webp} from '../../model/test/helpers/images.js'
import {open} from '../../epub/test/helpers/books.js'
import {hasTool, run} from '../../pdf/test/helpers.js'
import {describe, epubcheck} from '../../epub/test/helpers/epubcheck.js'
import {root} from './util.js'

/**
 * Direct dependencies of the workspace's packages, each with a README, and a few of their own dependencies
 * (locked in pnpm-lock.yaml, so installed) whose READMEs show local images: JPEG, WebP, SVG, PNG, GIF.
 */
const packages = [
  'ajv',
  'ansi-styles',
  'bytes',
  'flatted',
  'get-tsconfig',
  'kleur',
  'log-update',
  'mimic-function',
  'commander',
  'diff',
  'epub-gen-memory',
  'fontkit',
  'github-slugger',
  'hast-util-to-html',
  'hastscript',
  'hyphen',
  'image-size',
  'mdast-util-to-hast',
  'mdast-util-to-string',
  'pdfkit',
  'rehype-raw',
  'rehype-sanitize',
  'rehype-stringify',
  'remark-gfm',
  'remark-parse',
  'remark-rehype',
  'svg-to-pdfkit',
  'temml',
  'unified',
  'unist-util-visit',
  'vfile',
  'vfile-message',
  'yaml'
]

const built = packages

/** pnpm links every installed package here. */
const store = join(root, 'node_modules', '.pnpm', 'node_modules')

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#446"/></svg>'

function generated(path: string): Uint8Array | string {
  const extension = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase()
  if (extension === 'svg') return svg
  if (extension === 'jpg' || extension === 'jpeg') return jpeg
  if (extension === 'gif') return gif
  if (extension === 'webp') return webp
  return png
}

/** Local image addresses in a README: Markdown images and raw `<img src>` (in code too: a file too many is harmless). */
function localImages(markdown: string): string[] {
  const found = [...markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^\s)>]+)/g), ...markdown.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map(
    (m) => m[1] as string
  )
  return found
    .filter((src) => !/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(src))
    .map((src) => src.replace(/[?#].*$/, ''))
    .filter((src) => src !== '' && !src.startsWith('/') && !src.split('/').includes('..'))
}

async function corpus(dir: string): Promise<void> {
  for (const name of built) {
    const folder = join(store, name)
    const readme = (await readdir(folder)).find((file) => /^readme\.(md|markdown)$/i.test(file))
    assert.ok(readme, `${name} has a README`)
    const markdown = await readFile(join(folder, readme), 'utf8')
    await writeFile(join(dir, `${name}.md`), markdown)
    for (const src of localImages(markdown)) {
      let path: string
      try {
        path = decodeURIComponent(src)
      } catch {
        continue
      }
      const target = join(dir, path)
      if (existsSync(target)) continue
      await mkdir(dirname(target), {recursive: true})
      if (existsSync(join(folder, path))) await copyFile(join(folder, path), target)
      else await writeFile(target, generated(path))
    }
  }
}

test(`the READMEs of ${built.length} installed packages build to a site, an EPUB and a PDF, every local image in all three`, async (t: TestContext) => {
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-readmes-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  await corpus(dir)
  const loaded = await loadCorpus(dir, {cwd: dir})
  const id = loaded.editions[0]?.id ?? ''
  const edition = resolveEdition(loaded, id)
  const errors = [...loaded.files.flatMap((file) => file.messages), ...edition.messages].filter((m) => m.fatal).map(String)
  assert.deepEqual(errors, [])
  assert.equal(hasErrors(loaded.files), false)
  assert.equal(edition.works.length, built.length)
  assert.ok(built.length >= 20)
  assert.ok(edition.assets.length >= 5, `local images: ${edition.assets.map((asset) => asset.path).join(', ')}`)

  const date = new Date(Date.UTC(2024, 0, 1))
  const site = await toHtml(edition, {date})
  // epub-gen-memory is left nothing to drop: what it would drop without a place is settled before it (epub-gen.ts).
  const placeless: string[] = []
  const [book] = await toEpub(edition, {date, report: (message) => void (message.ruleId === 'epub-gen-memory' && placeless.push(message.reason))})
  assert.deepEqual(placeless, [])
  const [pdf] = await toPdf(edition, {date, compress: false})
  const pdfPath = join(dir, 'book.pdf')
  await writeFile(pdfPath, pdf?.data ?? new Uint8Array())

  // The validators, side by side.
  const [checked, listed] = await Promise.all([epubcheck(t, book?.data ?? new Uint8Array()), Promise.resolve(pdfImages(t, pdfPath))])
  if (checked) {
    const bad = checked.filter((m) => m.severity === 'FATAL' || m.severity === 'ERROR')
    assert.equal(bad.length, 0, describe(bad))
  }

  // The site: each image in the edition's folder, byte for byte, and shown by some page.
  const pages = site
    .filter((file) => file.path.endsWith('.html'))
    .map((file) => new TextDecoder().decode(file.data))
    .join('\n')
  const epub = await open(book?.data ?? new Uint8Array())
  const manifest = await epub.text(epub.base + 'content.opf')
  for (const asset of edition.assets) {
    assert.deepEqual(site.find((file) => file.path === `${id}/${asset.path}`)?.data, asset.data, `${asset.path} in the site`)
    assert.ok(pages.includes(`src="${asset.path}"`), `${asset.path} shown on a page`)
    assert.ok(manifest.includes(`href="${asset.path}" media-type="${asset.mediaType}"`), `${asset.path} in the EPUB manifest`)
    assert.ok(epub.zip.file(epub.base + asset.path), `${asset.path} in the EPUB`)
  }
  // The PDF: each raster image is an image XObject of its pixel size; every image shown is a Figure.
  if (listed) {
    for (const asset of edition.assets.filter((asset) => asset.mediaType !== 'image/svg+xml')) {
      assert.ok(
        listed.some(([width, height]) => width === asset.width && height === asset.height),
        `${asset.path} drawn in the PDF`
      )
    }
  }
  const shown = countShown(edition)
  const figures = (new TextDecoder('latin1').decode(pdf?.data).match(/\/S \/Figure\b/g) ?? []).length
  assert.equal(figures, shown, 'every image shown is a Figure in the PDF')
})

/** `pdfimages -list`: width and height of each image (soft masks left out); undefined when the tool is missing (skipped locally). */
function pdfImages(t: TestContext, path: string): Array<[number, number]> | undefined {
  if (!hasTool(t, 'pdfimages')) return undefined
  return run('pdfimages', ['-list', path])
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells[2] === 'image')
    .map((cells) => [Number(cells[3]), Number(cells[4])])
}

/** How many times the works show one of the edition's images (Markdown images and raw HTML `<img>`s). */
function countShown(edition: ReturnType<typeof resolveEdition>): number {
  let count = 0
  const walk = (node: {type: string; value?: unknown; children?: unknown[]; data?: {asset?: string; assets?: Record<string, string>}}): void => {
    if (node.type === 'image' && node.data?.asset) count++
    if (node.type === 'html' && node.data?.assets) {
      for (const src of Object.keys(node.data.assets)) count += String(node.value).split(src).length - 1
    }
    for (const child of node.children ?? []) walk(child as typeof node)
  }
  for (const work of edition.works) walk(work.tree as never)
  return count
}
