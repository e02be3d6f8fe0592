/**
 * The CommonMark spec's own examples (npm `commonmark-spec`), one work each, as a plain folder: material nobody
 * here wrote, with every construct Markdown has. Built once through the CLI into HTML, EPUB and PDF: no crash,
 * no error, and the outputs valid (epubcheck, html-validate, qpdf, run side by side).
 *
 * Images: the examples' images point at files that do not exist (`/url`, `train.jpg`), and a missing local image
 * is an error (nothing is written). The spec's own HTML names them (`<img src>`): each gets a one-pixel PNG at
 * its path (`/` from the corpus folder, as the loader resolves it; the works sit at its top), so the build carries
 * every image into all three outputs; one the model would look for and the spec does not name fails the build.
 * Built without the cache (`--no-cache`): the outputs are the same bytes (the cache's own tests), and writing its
 * entries for 654 works is not what this test is about.
 */
import assert from 'node:assert/strict'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {after, test} from 'node:test'
import {tests as examples} from 'commonmark-spec'
import {validate} from '../../html/test/helpers/validate.js'
import {epubcheck, epubcheckErrors, epubcheckJar, qpdfCheck, tool} from './fuzz/validators.js'
import {runCli, tempDir, writeTree} from './util.js'

/** html-validate rules set aside here, each with its reason. */
const setAside = new Set([
  // A rule about how HTML source is laid out, not its validity: the spaces are the text's own (an indented code
  // line that ends in spaces, the indent before a comment the sanitiser removes).
  'no-trailing-whitespace'
])

/** A one-pixel PNG: the bytes every missing image of the examples gets. */
const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

const {dir, cleanup} = await tempDir()
after(() => cleanup())

// The spec writes a tab as `→`.
const files = Object.fromEntries(
  examples.map((example) => [
    `spec/example-${String(example.number).padStart(3, '0')}.md`,
    `---\ntitle: 'Example ${example.number}'\n---\n\n${example.markdown.replaceAll('→', '\t')}`
  ])
)
await writeTree(dir, files)
// The images the examples name, as the loader resolves them (the works are at the top of the corpus folder).
const images: Record<string, Uint8Array> = {}
for (const example of examples) {
  for (const [, src] of example.html.matchAll(/<img src="([^"]*)"/g)) {
    const local = decodeURIComponent((src as string).replaceAll('&amp;', '&').replace(/[?#].*$/s, ''))
    images[path.join('spec', local.replace(/^\/+/, ''))] = pixel
  }
}
await writeTree(dir, images)
// Built once: every test below reads these outputs.
const built = runCli(['build', '--corpus', 'spec', '--out', 'out', '--quiet', '--no-cache'], dir)

test('the spec examples are a corpus of one work each, their images given', () => {
  assert.ok(examples.length >= 600, `${examples.length} examples`)
  assert.equal(Object.keys(files).length, examples.length)
  assert.ok(Object.keys(images).length >= 5, Object.keys(images).join(', '))
})

test('every CommonMark example builds to HTML, EPUB and PDF: no crash, no error', async () => {
  const result = await built
  assert.equal(
    result.code,
    0,
    result.stderr
      .split('\n')
      .filter((line) => / error /.test(line))
      .slice(0, 20)
      .join('\n') || result.stderr.slice(-2000)
  )
  assert.match(result.stderr, /^0 errors, \d+ warnings$/m)
  // Links that cannot work are warnings now (example 501, `[link](#fragment)`, was an error that stopped every format).
  assert.match(
    result.stderr,
    /^spec\/example-501\.md:\d+:1: warning Link to `#fragment` in `example-501`, which has no such heading or anchor: its text stands unlinked \[anchor-missing\]$/m
  )
  const site = await readdir(path.join(dir, 'out', 'spec'))
  assert.equal(site.filter((name) => /^example-\d+\.html$/.test(name)).length, examples.length)
})

test('the outputs are valid: epubcheck finds no error, html-validate nothing, qpdf --check no problem', {timeout: 15 * 60 * 1000}, async (t) => {
  const result = await built
  assert.equal(result.code, 0, 'the build failed: see the test above')
  const jar = epubcheckJar(t)
  const qpdf = jar ? tool(t, 'qpdf', 'qpdf') : undefined
  if (!jar || !qpdf) return
  const out = path.join(dir, 'out')
  const epub = readFile(path.join(out, 'spec.epub')).then((bytes) => epubcheck(jar, bytes))
  const pdf = readFile(path.join(out, 'spec.pdf')).then((bytes) => qpdfCheck(qpdf, bytes))
  const pages = (await readdir(path.join(out, 'spec'))).filter((name) => name.endsWith('.html')).sort()
  const html: string[] = []
  for (const page of pages) {
    for (const line of await validate(page, await readFile(path.join(out, 'spec', page), 'utf8'))) {
      const rule = /\[([^\]]+)\]( \(warning\))?$/.exec(line)?.[1]
      if (!rule || !setAside.has(rule)) html.push(line)
    }
  }
  assert.deepEqual({epubcheck: epubcheckErrors(await epub), htmlValidate: html, qpdf: await pdf}, {epubcheck: [], htmlValidate: [], qpdf: []})
})
