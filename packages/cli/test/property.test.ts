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
 * cases; a failure prints the command that replays it. A sample of the
 * generated books goes through epubcheck and qpdf in
 * `property-validators.test.ts`, a file of its own so the runner overlaps
 * its wait on the validators with these tests.
 */
import assert from 'node:assert/strict'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {profiles} from './fuzz/arbitraries.js'
import {fuzz} from './fuzz/runner.js'

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
