/**
 * Property-based tests (fast-check) of the whole pipeline on generated
 * corpora: random Markdown (nesting, emphasis, links, images, raw HTML,
 * footnotes, tables, headings, lists, code, Unicode with controls, bidi,
 * combining marks, astral characters, `]]>`, `--`, lone surrogates),
 * random front matter and editions, and random standoff annotations
 * anchored on the generated text; through `loadCorpus` → `checkCorpus` →
 * `resolveEdition` → `toHtml`, `toEpub`, `toPdf`, `toApparatusJson`.
 *
 * Properties (`fuzz/check.ts`): no exception but UsageError and ContentError,
 * every message positioned, with a rule and printable; every site page
 * parses as HTML without an error and every EPUB XHTML, OPF and navigation
 * document is well-formed XML 1.0, none holding a character XML forbids;
 * no output loads a remote resource, runs a script, keeps a clobbering
 * id/name or a refused link scheme (PDF link actions included); the PDF is
 * a whole file; the apparatus JSON matches its schema; plain paragraphs
 * reach the site and the book, unless a message says why.
 *
 * Seeds are fixed (`FUZZ_SEED` to try another); each profile is its own
 * test, so one bug does not hide another. `pnpm fuzz` runs thousands of
 * cases; a failure prints the command that replays it.
 */
import assert from 'node:assert/strict'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import fc from 'fast-check'
import {caseArb, profiles, type Case, type Profile} from './fuzz/arbitraries.js'
import {buildBooks, writeCorpus} from './fuzz/check.js'
import {renderCase} from './fuzz/render.js'
import {fuzz} from './fuzz/runner.js'
import {epubcheck, epubcheckErrors, epubcheckJar, qpdfCheck, tool} from './fuzz/validators.js'

const seed = Number(process.env['FUZZ_SEED'] ?? 1921)
const out = path.join(tmpdir(), 'samizdat-fuzz-failures')
// Shrinking a failure runs the pipeline many times; the guard only stops a hang.
const guard = {timeout: 15 * 60 * 1000}

for (const profile of Object.keys(profiles)) {
  test(`property (${profile}): the model, the site and the apparatus JSON hold on random corpora`, guard, async () => {
    const result = await fuzz({profile, seed, runs: 40, stages: ['html', 'json'], out})
    assert.equal(result.failed, false, result.report)
    assert.equal(result.tried, 40)
  })

  test(`property (${profile}): the EPUB and the PDF hold on random corpora`, guard, async () => {
    const result = await fuzz({profile, seed: seed + 1, runs: 12, stages: ['epub', 'pdf'], out})
    assert.equal(result.failed, false, result.report)
  })
}

test('a sample of generated books: epubcheck finds no error, qpdf --check no problem', guard, async (t) => {
  const jar = epubcheckJar(t)
  const qpdf = jar ? tool(t, 'qpdf', 'qpdf') : undefined
  if (!jar || !qpdf) return
  // One book from each of these profiles, in fast-check's order: sample i of a profile replays with
  // `pnpm fuzz --profile P --seed S --path i`.
  const sampleSeed = seed + 2
  const books: Array<{profile: string; index: number; input: Case; edition: string; epub: Uint8Array; pdf: Uint8Array}> = []
  for (const profile of ['unicode', 'html', 'apparatus', 'all']) {
    const cases = fc.sample(caseArb(profiles[profile] as Profile), {seed: sampleSeed, numRuns: 8})
    for (const [index, input] of cases.entries()) {
      const artifacts = await buildBooks(input)
      const [epub, pdf] = [artifacts.epubs[0], artifacts.pdfs[0]]
      if (!epub || !pdf) continue
      books.push({profile, index, input, edition: epub.edition, epub: epub.bytes, pdf: pdf.bytes})
      break
    }
  }
  assert.ok(books.length >= 3, `at least three profiles give a sample that builds (got ${books.length})`)
  const verdicts = await Promise.all(
    books.map(async (book) => ({book, epub: epubcheckErrors(await epubcheck(jar, book.epub)), pdf: await qpdfCheck(qpdf, book.pdf)}))
  )
  const failures: string[] = []
  for (const {book, epub, pdf} of verdicts) {
    if (epub.length === 0 && pdf.length === 0) continue
    const corpus = await writeCorpus(renderCase(book.input), book.input, path.join(out, `sample-${book.profile}-${sampleSeed}-${book.index}`))
    failures.push(
      `sample ${book.index} of profile ${book.profile} (edition ${book.edition}; replay: pnpm fuzz --profile ${book.profile} --seed ${sampleSeed} --path ${book.index}; corpus: ${corpus}):`,
      ...epub.slice(0, 10).map((line) => `  epubcheck: ${line}`),
      ...pdf.slice(0, 10).map((line) => `  qpdf: ${line}`)
    )
  }
  t.diagnostic(`validated ${books.length} EPUBs and PDFs`)
  assert.deepEqual(failures, [])
})
