/**
 * Pathological but valid input (scripts/pathological.ts) through the model
 * (load, fidelity, resolve: no message at all; the limited cases are
 * packages/model/test/pathological.test.ts's), the site and the book, in a child process, each case under a generous
 * timeout (a regression to quadratic time fails instead of hanging). The
 * outputs must be whole: the case's own marks (the 100,000-character word
 * unbroken, every list item, every paragraph…) and the sentinel paragraph
 * after it, in the site page and in the book's XHTML, which must parse as XML.
 * The cases share one child process (scripts/pathological-batch.ts), the guard
 * still per case.
 */
import assert from 'node:assert/strict'
import {mkdtemp, readFile, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, test} from 'node:test'
import {cases, sentinel, type Expectation} from '../../../scripts/pathological.js'
import {runBatch} from '../../../scripts/pathological-batch.js'
import {open} from './helpers/books.js'
import {parseXml, shownText} from './helpers/xml.js'

/** ~10x what the slowest case takes on a loaded 2-core machine: never flaky, yet no hang. */
const guard = 180_000

/** `text` is what a reader is shown (the sentinel and `contains` are looked for there), `markup` the source (`count`). */
function check(where: string, text: string, markup: string, expectation: Expectation): void {
  assert.ok(text.includes(sentinel), `${where}: the sentinel paragraph is missing`)
  for (const expected of expectation.contains ?? []) {
    assert.ok(
      text.includes(expected) || markup.includes(expected),
      `${where}: missing ${JSON.stringify(expected.slice(0, 40))}… (${expected.length} characters)`
    )
  }
  for (const [pattern, count] of expectation.count ?? []) {
    assert.equal(markup.match(pattern)?.length ?? 0, count, `${where}: ${pattern} should occur ${count} times`)
  }
}

const entries = cases.filter((entry) => !entry.limited)
const out = await mkdtemp(join(tmpdir(), 'samizdat-pathological-out-'))
// Every case in one child process, started now, each under its own guard.
const result = runBatch(
  entries.map((entry) => ({name: entry.name, n: entry.testSize})),
  {formats: 'model,html,epub', out, guard}
)
// The child ends a moment after its last case: the file waits for it before removing what it wrote.
after(async () => {
  await result.closed
  await rm(out, {recursive: true, force: true})
})

for (const entry of entries) {
  test(`${entry.name} (${entry.testSize} ${entry.unit}) loads, checks and resolves without a message, builds a whole site and a well-formed, whole book`, async () => {
    const built = join(out, entry.name)
    try {
      const run = await result(entry.name)
      assert.deepEqual(run.messages, [])
      assert.equal(run.errors, false)
      const expectation = entry.expect?.(entry.testSize) ?? {}

      // The site: the work's page holds everything.
      assert.ok((await readdir(join(built, 'site'))).includes('case.html'))
      const page = await readFile(join(built, 'site', 'case.html'), 'utf8')
      check('site', page, page, expectation)

      // The book: every content document is XML; the work's documents together hold everything.
      const book = await open(await readFile(join(built, 'book.epub')))
      const documents: string[] = []
      const shown: string[] = []
      for (const path of book.spine) {
        const text = await book.text(path)
        shown.push(shownText(parseXml(text))) // parseXml throws on a document that is not well-formed
        documents.push(text)
      }
      // The book may split a long work in several documents: counts hold across them.
      check('book', shown.join(' '), documents.join('\n'), expectation)
    } finally {
      await rm(built, {recursive: true, force: true})
    }
  })
}
