/**
 * Pathological but valid input (scripts/pathological.ts) through the model:
 * deep nesting and paragraphs the parser would take quadratic time on stop
 * with a positioned limit error. The cases run in one child process, each under
 * a generous timeout, so a regression to quadratic time (or a stack overflow)
 * fails instead of hanging. Speed itself is measured in `pnpm bench`, never here.
 *
 * That every other case loads, checks and resolves without a message is asserted
 * in packages/epub/test/pathological.test.ts: its child runs the same model step
 * (load, fidelity, resolve, under its own guard) before the site and the book,
 * and running it here as well cost the suite some 17 s of CPU for nothing more.
 */
import assert from 'node:assert/strict'
import {after, test} from 'node:test'
import {VFile} from 'vfile'
import {hasErrors, loadCorpus, maxNesting} from '@samizdat/model'
import {caseNamed, cases} from '../../../scripts/pathological.js'
import {scratch, writeTree} from './helpers/corpus.js'
import {runBatch} from '../../../scripts/pathological-batch.js'

/** ~10x what the slowest case takes on a loaded 2-core machine: never flaky, yet no hang. */
const guard = 120_000

// Every limited case in one child process, started now, each under its own guard; the tests below in this order.
const limited = cases.filter((entry) => entry.limited)
const runCase = runBatch(
  limited.map((entry) => ({name: entry.name, n: entry.testSize})),
  {formats: 'model', guard}
)
// The child ends a moment after its last case: the file waits for it (scripts/pathological-batch.ts).
after(() => runCase.closed)

// Where each limited case at its test size crosses the limit: `line:column` in works/case.md (the body starts on line 5).
const limitErrors: Record<string, string> = {
  'deep-blockquote': `5:100: Nesting too deep: more than ${maxNesting} levels of block quotes and lists [nesting-too-deep]`,
  'deep-list': `5:99: Nesting too deep: more than ${maxNesting} levels of block quotes and lists [nesting-too-deep]`,
  'deep-ordered': `5:188: Nesting too deep: more than ${maxNesting} levels of block quotes and lists [nesting-too-deep]`,
  'deep-emphasis': `5:101: Nesting too deep: more than ${maxNesting} levels of emphasis markers [nesting-too-deep]`,
  'deep-links': `5:301: Nesting too deep: more than ${maxNesting} levels of brackets (links, images, notes) [nesting-too-deep]`,
  'deep-brackets': `5:101: Nesting too deep: more than ${maxNesting} levels of brackets (links, images, notes) [nesting-too-deep]`,
  'deep-html': `5:597: Nesting too deep: more than ${maxNesting} levels of block quotes, lists, inline markup and HTML elements [nesting-too-deep]`,
  'brackets-many': '5:5896: Paragraph too complex: more than 1000 `]` in one paragraph; split it with a blank line [paragraph-too-complex]'
}

for (const entry of limited) {
  test(`${entry.name} (${entry.testSize} ${entry.unit}) stops with one positioned limit error, no stack trace`, async () => {
    const result = await runCase(entry.name)
    assert.deepEqual(result.messages, [limitErrors[entry.name]])
    assert.equal(result.errors, true)
  })
}

/** Load one work from text, as a corpus of one file. */
async function load(body: string): Promise<string[]> {
  const {mkdtemp, mkdir, writeFile, rm} = await import('node:fs/promises')
  const {tmpdir} = await import('node:os')
  const {join} = await import('node:path')
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-limits-'))
  try {
    await mkdir(join(dir, 'works'))
    await writeFile(join(dir, 'works', 'w.md'), `---\ntitle: Limits\n---\n\n${body}`)
    const corpus = await loadCorpus(dir)
    return corpus.files.flatMap((file: VFile) => file.messages.map((m) => `${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`))
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

test('nesting up to the limit loads; one level more is an error where it is crossed', async () => {
  // 99 block quotes hold a paragraph at depth 100.
  assert.deepEqual(await load('>'.repeat(maxNesting - 1) + ' a\n'), [])
  assert.deepEqual(await load('>'.repeat(maxNesting) + ' a\n'), [
    `5:${maxNesting}: Nesting too deep: more than ${maxNesting} levels of block quotes and lists [nesting-too-deep]`
  ])
  // Brackets and emphasis: only pairs that close nest.
  assert.deepEqual(await load('['.repeat(maxNesting) + 'a' + ']'.repeat(maxNesting) + '\n'), [])
  assert.deepEqual(await load('['.repeat(maxNesting + 1) + 'a\n'), [])
  assert.deepEqual(await load('*a '.repeat(maxNesting + 1) + '\n'), [])
  assert.deepEqual(await load('*'.repeat(maxNesting + 1) + 'a' + '*'.repeat(maxNesting + 1) + '\n'), [
    `5:${maxNesting + 1}: Nesting too deep: more than ${maxNesting} levels of emphasis markers [nesting-too-deep]`
  ])
})

test('what only looks deep is not refused: thematic breaks, snake_case, many paragraphs of brackets', async () => {
  assert.deepEqual(await load('- '.repeat(maxNesting) + '\n\n' + '* '.repeat(maxNesting) + '\n'), [])
  assert.deepEqual(await load(Array.from({length: 200}, (_, i) => `snake_case_${i}`).join(' ') + '\n'), [])
  assert.deepEqual(await load(Array.from({length: 1100}, (_, i) => `[${i}]`).join('\n\n') + '\n'), [])
  assert.deepEqual(await load(Array.from({length: 1100}, (_, i) => `- [${i}]`).join('\n') + '\n'), [])
})

test('nesting the parser keeps within the limit but the tree exceeds (lists inside quotes, inline HTML) is measured after parsing', async () => {
  // 40 list levels (80) and 30 open spans inside a paragraph: 80 + 1 + 30 > 100.
  const body = '- '.repeat(40) + 'a ' + '<span>'.repeat(30) + 'b' + '</span>'.repeat(30) + '\n'
  const messages = await load(body)
  assert.equal(messages.length, 1)
  assert.match(
    messages[0] as string,
    /^5:\d+: Nesting too deep: more than 100 levels of block quotes, lists, inline markup and HTML elements \[nesting-too-deep\]$/
  )
})

test('a file past a limit keeps its front matter: its title is read, and no other error follows', async () => {
  const {dir, cleanup} = await scratch('limits')
  try {
    await writeTree(dir, {'works/w.md': '# A plain title\n\nText.\n\n' + caseNamed('deep-blockquote').body(10_000)})
    const corpus = await loadCorpus(dir)
    assert.equal(corpus.works[0]?.meta.title, 'A plain title')
    assert.equal(hasErrors(corpus.files), true)
    assert.deepEqual(
      corpus.files.flatMap((file) => file.messages.map((m) => m.ruleId)),
      ['nesting-too-deep']
    )
  } finally {
    await cleanup()
  }
})

test("an annotation's body past a limit is an error in the annotation file, at its body", async () => {
  const {dir, cleanup} = await scratch('limits')
  try {
    await writeTree(dir, {
      'works/w.md': '---\ntitle: W\n---\n\nSome words here.\n',
      'annotations/notes.yaml': `annotations:\n  - id: deep\n    work: w\n    kind: note\n    quote: {exact: words}\n    body: "${'>'.repeat(maxNesting + 5)} a"\n`
    })
    const corpus = await loadCorpus(dir)
    assert.deepEqual(
      corpus.files.flatMap((file) => file.messages.map((m) => `${file.basename}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`)),
      [`notes.yaml:6:11: Nesting too deep: more than ${maxNesting} levels of block quotes and lists [nesting-too-deep]`]
    )
  } finally {
    await cleanup()
  }
})
