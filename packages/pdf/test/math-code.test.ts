/**
 * Math and code in the PDF: formulas are typeset and drawn as vector paths
 * (no TeX left in the text), each a `Formula` element with its TeX as
 * alternative text; code keeps its text, coloured per token like the site.
 */
import assert from 'node:assert/strict'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {corpusFromFiles, loadCorpus, resolveEdition} from '@samizdat/model'
import {toPdf} from '@samizdat/pdf'
import type {VFileMessage} from 'vfile-message'
import {date, hasTool, pageTexts, run, squash} from './helpers.js'
import {typeset} from '../src/lib/typeset.js'
import {mathCodeWork as work} from '../../model/test/helpers/math-code.js'

async function build(t: TestContext): Promise<{path: string; warnings: string[]; modelWarnings: string[]}> {
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-pdf-math-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  await writeFile(join(dir, 'formulas.md'), work)
  const corpus = await loadCorpus(dir)
  const warnings: string[] = []
  const [file] = await toPdf(resolveEdition(corpus, corpus.editions[0]!.id), {date, compress: false, report: (m: VFileMessage) => warnings.push(String(m))})
  const path = join(dir, 'book.pdf')
  await writeFile(path, file!.data)
  return {path, warnings, modelWarnings: corpus.files.flatMap((file) => file.messages.map(String))}
}

test('formulas are drawn, not printed as TeX; invalid TeX is a positioned warning and shows as code', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const {path, modelWarnings, warnings} = await build(t)
  const text = pageTexts(path).join('\n')
  // The prose around the formulas is there, the TeX of the typeset ones is not.
  for (const words of ['Euler’s “identity”', 'with a thin space', 'a broken one', '\\frac{a.']) assert.ok(squash(text).includes(words), words)
  assert.doesNotMatch(text, /\$|e\^\{i|\\int|\\,|\\frac\{1\}/)
  assert.deepEqual(warnings, [])
  assert.equal(modelWarnings.length, 1)
  assert.match(modelWarnings[0]!, /formulas\.md:3:\d+-3:\d+: Cannot typeset the formula `\\frac\{a`/)
})

test('each formula is a Formula element with its TeX as /Alt, drawn as filled paths', async (t) => {
  if (!hasTool(t, 'qpdf')) return
  const {path} = await build(t)
  const qdf = run('qpdf', ['--qdf', '--object-streams=disable', path, '-'])
  assert.equal((qdf.match(/\/S \/Formula/g) ?? []).length, 3)
  for (const tex of ['e^{i\\\\pi} + 1 = 0', 'a\\\\,b', '\\\\int_0^1 x^2\\\\,dx = \\\\frac{1}{3}']) assert.ok(qdf.includes(`/Alt (${tex})`), tex)
  // MathJax's glyph outlines: many curves, filled.
  const curves = (qdf.match(/ c\n/g) ?? []).length
  assert.ok(curves > 50, `curves drawn: ${curves}`)
})

test("code is set in the monospace font, its tokens in the palette's colours", async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const {path} = await build(t)
  const text = pageTexts(path).join('\n')
  assert.match(text, /import \{unified\} from 'unified'/)
  assert.match(text, /def fib\(n\):\s+# write Fibonacci series up to n/)
  // The four spaces before the comment stay four spaces wide (pdftotext -layout shows the gap).
  assert.match(pageTexts(path, true).join('\n'), /def fib\(n\): {3,}# write/)
  const qdf = run('qpdf', ['--qdf', '--object-streams=disable', path, '-'])
  // pl-k (#cf222e) for keywords, pl-c (#57606a) for comments, as fill colours.
  assert.match(qdf, /0\.8117\d* 0\.1333\d* 0\.1803\d* scn/)
  assert.match(qdf, /0\.3411\d* 0\.3764\d* 0\.4156\d* scn/)
})

test('inline code is never hyphenated: it breaks only where a URL would, and no hyphen is added', async () => {
  // Generated: long identifiers (which Liang's patterns would hyphenate) and paths, in justified prose, on A5.
  const names = ['internationalisation', 'representativeness', 'responsibilities', 'characteristically', 'misunderstanding']
  const paragraph = Array.from(
    {length: 12},
    (_, index) =>
      `The option \`${names[index % names.length]}Handler\` and the file \`packages/model/src/lib/load/${names[(index + 2) % names.length]}.ts\` work together`
  ).join(', ')
  const corpus = await corpusFromFiles({'works/code.md': `---\ntitle: Code in prose\nlanguage: en\n---\n\n${paragraph}.\n`})
  const {pages} = await typeset(resolveEdition(corpus, 'corpus'), {date, paper: 'A5'})
  const ends: string[] = []
  for (const page of pages)
    for (const {block} of page.body)
      for (const placed of block.items) {
        if (!('line' in placed)) continue
        const last = placed.line.glyphs.at(-1)
        if (last?.style.font === 'mono') ends.push(last.text)
      }
  // Before: lines ended in `inter-`, `represen-`, `pack-`.
  assert.deepEqual(
    ends.filter((text) => text.endsWith('-')),
    []
  )
  // Some line does end inside code, at a URL break (after a slash or a dot): the code still breaks where it may.
  assert.ok(
    ends.some((text) => /[/.]$/.test(text)),
    `lines ending in code: ${ends.join(' | ')}`
  )
})
