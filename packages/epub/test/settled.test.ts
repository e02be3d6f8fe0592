/**
 * The EPUB renders what the model settled: a title the body repeats is shown
 * once (chapter and contents), and the preface's footnotes are pop-up notes like a work's.
 */
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import {promisify} from 'node:util'
import {hasErrors, loadCorpus, resolveEdition} from '@samizdat/model'
import {toEpub} from '@samizdat/epub'
import {buildDate, open, type Book} from './helpers/books.js'
import {epubcheckCommand, epubcheckJar} from './helpers/tools.js'
import {attribute, collapse, elements, textOf} from './helpers/xml.js'

const fixture = fileURLToPath(new URL('../../model/test/fixtures/settled/', import.meta.url))

async function book(): Promise<Book> {
  const corpus = await loadCorpus(fixture)
  const edition = resolveEdition(corpus, 'settled')
  assert.equal(hasErrors(corpus.files), false)
  return open((await toEpub(edition, {date: buildDate}))[0]!.data)
}

const headingNames = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']

test('a work that repeats its title as its first heading shows the title once, in its chapter and the contents', async () => {
  const epub = await book()
  const chapter = await epub.xml(epub.base + 'alpha.xhtml')
  const headings = elements(chapter).filter((node) => headingNames.includes(node.name))
  assert.deepEqual(
    headings.map((node) => collapse(textOf(node))),
    ['The Alpha Text', 'Section One', 'Notes']
  )
  const nav = await epub.xml(epub.nav)
  const toc = elements(nav, 'nav').find((node) => attribute(node, 'epub:type') === 'toc')
  assert.deepEqual(
    elements(toc!, 'a')
      .map((a) => collapse(textOf(a)))
      .filter((text) => text.includes('Alpha')),
    ['The Alpha Text']
  )
})

test("the preface's footnotes are pop-up notes like a work's, not GitHub's footnote section", async () => {
  const epub = await book()
  const text = await epub.text(epub.base + 'preface.xhtml')
  assert.doesNotMatch(text, /data-footnote|user-content-|\[\^p\]/)
  const preface = await epub.xml(epub.base + 'preface.xhtml')
  const refs = elements(preface, 'a').filter((a) => attribute(a, 'epub:type') === 'noteref')
  assert.deepEqual(
    refs.map((a) => [attribute(a, 'href'), attribute(a, 'id'), collapse(textOf(a))]),
    [['#preface-fn-p', 'preface-fnref-p', '1']]
  )
  const asides = elements(preface, 'aside')
  assert.deepEqual(
    asides.map((aside) => [attribute(aside, 'id'), attribute(aside, 'epub:type'), attribute(aside, 'role')]),
    [['preface-fn-p', 'footnote', 'doc-footnote']]
  )
  assert.match(collapse(textOf(asides[0]!)), /The preface footnote text\./)
})

test("the book with the preface's notes passes epubcheck: no error, no warning", async (t) => {
  const jar = epubcheckJar(t)
  if (!jar) return
  const epub = await book()
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-settled-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  await writeFile(join(dir, 'book.epub'), epub.bytes)
  // epubcheck exits non-zero when it finds errors; the JSON report says which.
  await promisify(execFile)('java', [...epubcheckCommand(jar), join(dir, 'book.epub'), '--json', join(dir, 'report.json')]).catch((error: unknown) => error)
  const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as {messages: Array<{ID: string; severity: string; message: string}>}
  assert.deepEqual(
    report.messages.filter((m) => ['FATAL', 'ERROR', 'WARNING'].includes(m.severity)).map((m) => `${m.severity} ${m.ID} ${m.message}`),
    []
  )
})
