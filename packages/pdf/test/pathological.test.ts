/**
 * Pathological but valid input sets in time proportional to its size, and
 * nothing of it is lost. Each case builds in a child process under a
 * generous guard (a regression fails instead of hanging the suite; speed
 * itself is `pnpm bench`'s), then the PDF is read back with pdftotext and
 * checked with qpdf. The sizes are small; before the fix, the word,
 * backticks and emoji cases ran for many minutes at these sizes, and deep
 * nesting threw.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import {geometry} from '../src/lib/geometry.js'
import {hasTool, outputDir, pageTexts, pageWords, root, run} from './helpers.js'
import {bodyTokens} from './text.js'

const child = fileURLToPath(new URL('fixtures/pathological.ts', import.meta.url))
/** Seconds a case may take: some twenty times what it takes on a slow machine. */
const guard = 120

function build(name: string, size: number): string {
  mkdirSync(outputDir, {recursive: true})
  const out = join(outputDir, `pathological-${name}-${size}.pdf`)
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', child, name, String(size), out], {
    cwd: root,
    encoding: 'utf8',
    timeout: guard * 1000,
    killSignal: 'SIGKILL'
  })
  assert.equal(result.signal, null, `${name} ${size} did not finish within ${guard} s`)
  assert.equal(result.status, 0, result.stderr)
  return out
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

test('a 20,000-letter word is cut anywhere as a last resort, and reads whole', (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const pdf = build('word', 20_000)
  check(pdf)
  const text = workText(pdf)
  assert.ok(text.includes(`Before${'abcdefghij'.repeat(2000)}after.`), 'the whole word, between its neighbours')
})

test('20,000 backticks', (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const pdf = build('backticks', 20_000)
  check(pdf)
  assert.equal(workText(pdf).match(/`/g)?.length, 20_000)
})

test('a paragraph of 20,000 astral characters the fonts lack: built, checked, every line set', (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const pdf = build('emoji', 20_001)
  check(pdf)
  // The fonts have no emoji: pdftotext cannot read them back, but the pages are there.
  assert.ok(pageTexts(pdf).length > 4)
})

test('a 100 kB line of words', (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const pdf = build('line', 100_016)
  check(pdf)
  assert.equal(workText(pdf, ' ').match(/lorem/g)?.length, 100_016 / 28)
})

test('1,000 paragraphs and a 1,000-item list: every one', (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const paragraphs = build('paragraphs', 1000)
  check(paragraphs)
  const numbers = [...workText(paragraphs, ' ').matchAll(/Paragraph (\d+)\./g)].map((match) => Number(match[1]))
  assert.deepEqual(
    numbers,
    Array.from({length: 1000}, (_, index) => index)
  )
  const list = build('list', 1000)
  check(list)
  const items = [...workText(list, ' ').matchAll(/item(\d+)/g)].map((match) => Number(match[1]))
  assert.deepEqual(
    items,
    Array.from({length: 1000}, (_, index) => index)
  )
})

test('block quotations and lists nested 200 deep still set, indents stopping at half the measure', (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const pdf = build('nesting', 200)
  check(pdf)
  assert.match(workText(pdf), /deepest/)
})
