/**
 * Build one pathological case in one child process and print what each step
 * took, as one JSON line: `node … scripts/pathological-run.ts CASE N FORMATS`.
 * Run in a child so that the caller (bench, tests) can kill a step that hangs.
 * FORMATS: a comma list of `model`, `html`, `epub`, `pdf` (model always runs).
 */
import {rm} from 'node:fs/promises'
import {performance} from 'node:perf_hooks'
import {caseNamed, writeCorpus} from './pathological.js'

export interface RunResult {
  name: string
  n: number
  /** Milliseconds per step: `model` (load + check + resolve), then each adapter. */
  times: Record<string, number>
  /** Content messages as `line:column: reason [rule]`. */
  messages: string[]
  errors: boolean
  /** Bytes (or characters, for the site) each adapter produced. */
  sizes: Record<string, number>
}

export async function run(name: string, n: number, formats: string[]): Promise<RunResult> {
  const {checkCorpus, hasErrors, loadCorpus, resolveEdition} = await import('@samizdat/model')
  const entry = caseNamed(name)
  const dir = await writeCorpus(entry, n)
  const result: RunResult = {name, n, times: {}, messages: [], errors: false, sizes: {}}
  try {
    let start = performance.now()
    const corpus = await loadCorpus(dir)
    await checkCorpus(corpus)
    result.messages = corpus.files.flatMap((file) => file.messages.map((m) => `${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`))
    result.errors = hasErrors(corpus.files)
    if (result.errors) {
      result.times['model'] = performance.now() - start
      return result
    }
    const edition = resolveEdition(corpus, corpus.editions[0]!.id)
    result.times['model'] = performance.now() - start
    const date = new Date(0)
    if (formats.includes('html')) {
      const {toHtml} = await import('@samizdat/html')
      start = performance.now()
      const site = toHtml(edition)
      result.times['html'] = performance.now() - start
      result.sizes['html'] = site.files.reduce((sum, file) => sum + file.contents.length, 0)
    }
    if (formats.includes('epub')) {
      const {toEpub} = await import('@samizdat/epub')
      start = performance.now()
      const bytes = await toEpub(edition, {date})
      result.times['epub'] = performance.now() - start
      result.sizes['epub'] = bytes.length
    }
    if (formats.includes('pdf')) {
      const {toPdf} = await import('@samizdat/pdf')
      start = performance.now()
      const bytes = await toPdf(edition, {date})
      result.times['pdf'] = performance.now() - start
      result.sizes['pdf'] = bytes.length
    }
    return result
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const [name = '', n = '0', formats = 'model'] = process.argv.slice(2)
  console.log(JSON.stringify(await run(name, Number(n), formats.split(','))))
}
