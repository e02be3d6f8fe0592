/**
 * Pathological but valid input (scripts/pathological.ts) through the model,
 * the site and the book, each case in a child process under a generous
 * timeout (a regression to quadratic time fails instead of hanging). The
 * outputs must be whole: the case's own marks (the 100,000-character word
 * unbroken, every list item, every paragraph…) and the sentinel paragraph
 * after it, in the site page and in the book's XHTML, which must parse as XML.
 */
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {cases, sentinel, type Expectation} from '../../../scripts/pathological.js'
import type {RunResult} from '../../../scripts/pathological-run.js'
import {open} from './helpers/books.js'
import {parseXml, shownText} from './helpers/xml.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const runner = fileURLToPath(new URL('../../../scripts/pathological-run.ts', import.meta.url))

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

for (const entry of cases.filter((entry) => !entry.limited)) {
  test(`${entry.name} (${entry.testSize} ${entry.unit}) builds a whole site and a well-formed, whole book`, async () => {
    const out = await mkdtemp(join(tmpdir(), `samizdat-${entry.name}-out-`))
    try {
      const {stdout} = await promisify(execFile)(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', runner, entry.name, String(entry.testSize), 'model,html,epub', out],
        {
          cwd: root,
          timeout: guard,
          killSignal: 'SIGKILL',
          maxBuffer: 64 * 1024 * 1024
        }
      )
      const result = JSON.parse(stdout) as RunResult
      assert.deepEqual(result.messages, [])
      const expectation = entry.expect?.(entry.testSize) ?? {}

      // The site: the work's page holds everything.
      assert.ok((await readdir(join(out, 'site'))).includes('case.html'))
      const page = await readFile(join(out, 'site', 'case.html'), 'utf8')
      check('site', page, page, expectation)

      // The book: every content document is XML; the work's documents together hold everything.
      const book = await open(await readFile(join(out, 'book.epub')))
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
      await rm(out, {recursive: true, force: true})
    }
  })
}
