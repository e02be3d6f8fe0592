/**
 * A sample of the books `property.test.ts` generates, through the real
 * validators: epubcheck finds no error, qpdf --check no problem. A file of its
 * own so the runner overlaps its wait on Java and qpdf with the CPU-bound
 * property tests instead of running after them.
 */
import assert from 'node:assert/strict'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import fc from 'fast-check'
import {caseArb, profiles, type Case, type Profile} from './fuzz/arbitraries.js'
import {buildBooks, writeCorpus} from './fuzz/check.js'
import {renderCase} from './fuzz/render.js'
import {epubcheckErrors, epubcheckJar, epubcheckMany, qpdfCheck, tool} from './fuzz/validators.js'

// The same seed and failure folder as property.test.ts, so replays match.
const seed = Number(process.env['FUZZ_SEED'] ?? 1921)
const out = path.join(tmpdir(), 'samizdat-fuzz-failures')
// The guard only stops a hang.
const guard = {timeout: 15 * 60 * 1000}

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
  // All the EPUBs through one epubcheck process, the PDFs through qpdf meanwhile.
  const [epubs, pdfs] = await Promise.all([
    epubcheckMany(
      jar,
      books.map((book) => book.epub)
    ),
    Promise.all(books.map((book) => qpdfCheck(qpdf, book.pdf)))
  ])
  const verdicts = books.map((book, index) => ({book, epub: epubcheckErrors(epubs[index] ?? []), pdf: pdfs[index] ?? []}))
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
