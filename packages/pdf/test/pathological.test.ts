/**
 * Pathological but valid input sets in time proportional to its size, and
 * nothing of it is lost. The cases build in one child process, each under a
 * generous guard (a regression fails instead of hanging the suite; speed
 * itself is `pnpm bench`'s), then the PDF is read back with pdftotext and
 * checked with qpdf. The sizes are small; before the fix, the word,
 * backticks and emoji cases ran for many minutes at these sizes, and deep
 * nesting threw.
 */
import assert from 'node:assert/strict'
import {mkdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {after, test} from 'node:test'
import {geometry} from '../src/lib/geometry.js'
import {hasTool, outputDir, pageTexts, pageWords, run} from './helpers.js'
import {childBatch} from '../../../scripts/pathological-batch.js'
import {bodyTokens} from './text.js'

const child = fileURLToPath(new URL('fixtures/pathological.ts', import.meta.url))
/** Seconds a case may take: some twenty times what it takes on a slow machine. */
const guard = 120

/** Every build the tests below need, in one child process (a Node and tsx start-up is seconds of CPU), each under the guard. */
const jobs: Array<[string, number]> = [
  ['word', 20_000],
  ['backticks', 20_000],
  ['emoji', 20_001],
  ['line', 100_016],
  ['paragraphs', 1000],
  ['list', 1000],
  ['nesting', 200]
]
let batch: ReturnType<typeof childBatch<{name: string; file: string}>> | undefined
// The child ends a moment after its last case: the file waits for it (scripts/pathological-batch.ts).
after(() => batch?.closed)

/** The PDF of a case, built at its size above; the child starts with the first test that runs. */
async function build(name: string): Promise<string> {
  if (!batch) {
    mkdirSync(outputDir, {recursive: true})
    batch = childBatch<{name: string; file: string}>(
      child,
      ['--batch', outputDir, ...jobs.map(([job, size]) => `${job}:${size}`)],
      jobs.map(([job]) => job),
      guard * 1000
    )
  }
  return (await batch(name)).file
}

/**
 * The words of the work (pages after the title page, imprint and contents;
 * running heads and folios left out), joined with `separator`: with none,
 * a word cut anywhere reads whole.
 */
function workText(pdf: string, separator = ''): string {
  return bodyTokens(pageWords(pdf).slice(4), geometry('A5'), 'text')
    .map((token) => token.text)
    .join(separator)
}

function check(pdf: string): void {
  const output = run('qpdf', ['--check', pdf])
  assert.match(output, /No syntax or stream encoding errors found/)
  assert.doesNotMatch(output, /WARNING/)
}

test('a 20,000-letter word is cut anywhere as a last resort, and reads whole', async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const pdf = await build('word')
  check(pdf)
  const text = workText(pdf)
  assert.ok(text.includes(`Before${'abcdefghij'.repeat(2000)}after.`), 'the whole word, between its neighbours')
})

test('20,000 backticks', async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const pdf = await build('backticks')
  check(pdf)
  assert.equal(workText(pdf).match(/`/g)?.length, 20_000)
})

test('a paragraph of 20,000 astral characters the fonts lack: built, checked, every line set', async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const pdf = await build('emoji')
  check(pdf)
  // The fonts have no emoji: pdftotext cannot read them back, but the pages are there.
  assert.ok(pageTexts(pdf).length > 4)
})

test('a 100 kB line of words', async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const pdf = await build('line')
  check(pdf)
  assert.equal(workText(pdf, ' ').match(/lorem/g)?.length, 100_016 / 28)
})

test('1,000 paragraphs and a 1,000-item list: every one', async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const paragraphs = await build('paragraphs')
  check(paragraphs)
  const numbers = [...workText(paragraphs, ' ').matchAll(/Paragraph (\d+)\./g)].map((match) => Number(match[1]))
  assert.deepEqual(
    numbers,
    Array.from({length: 1000}, (_, index) => index)
  )
  const list = await build('list')
  check(list)
  const items = [...workText(list, ' ').matchAll(/item(\d+)/g)].map((match) => Number(match[1]))
  assert.deepEqual(
    items,
    Array.from({length: 1000}, (_, index) => index)
  )
})

test('block quotations and lists nested 200 deep still set, indents stopping at half the measure', async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const pdf = await build('nesting')
  check(pdf)
  assert.match(workText(pdf), /deepest/)
})
