/**
 * Build one pathological case in one child process and print what each step
 * took, as one JSON line: `node … scripts/pathological-run.ts CASE N FORMATS`.
 * Run in a child so that the caller (bench, tests) can kill a step that hangs.
 * FORMATS: a comma list of `model`, `html`, `epub`, `pdf` (model always runs).
 * With a fourth argument, the outputs are written there (`site/`, `book.epub`,
 * `book.pdf`) for a test to read. `--batch` runs several cases in one process
 * (see `pathological-batch.ts`).
 */
import {mkdir, rm, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {caseNamed, writeCorpus} from './pathological.js'

export interface RunResult {
  name: string
  n: number
  /** Milliseconds per step: `model` (load + check + resolve), then each adapter. */
  times: Record<string, number>
  /** CPU milliseconds per step (steadier than wall time on a shared machine). */
  cpu: Record<string, number>
  /** Content messages as `line:column: reason [rule]`. */
  messages: string[]
  errors: boolean
  /** Bytes each adapter produced. */
  sizes: Record<string, number>
}

export async function run(name: string, n: number, formats: string[], out?: string): Promise<RunResult> {
  const {checkFidelity, hasErrors, loadCorpus, resolveEdition} = await import('@samizdat/model')
  const entry = caseNamed(name)
  const dir = await writeCorpus(entry, n)
  const result: RunResult = {name, n, times: {}, cpu: {}, messages: [], errors: false, sizes: {}}
  let start = 0
  let cpu = process.cpuUsage()
  const begin = (): void => {
    start = performance.now()
    cpu = process.cpuUsage()
  }
  const end = (step: string): void => {
    result.times[step] = performance.now() - start
    const used = process.cpuUsage(cpu)
    result.cpu[step] = (used.user + used.system) / 1000
  }
  const shown = (m: {line?: number | undefined; column?: number | undefined; reason: string; ruleId?: string | undefined}): string =>
    `${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`
  try {
    begin()
    // What `check` and `build` do, with the edition resolved once (`checkCorpus` would resolve it a second
    // time): the sources' fidelity, then, as the build, no resolution when loading already failed.
    const corpus = await loadCorpus(dir)
    await checkFidelity(corpus)
    result.messages = corpus.files.flatMap((file) => file.messages.map(shown))
    result.errors = hasErrors(corpus.files)
    if (result.errors) {
      end('model')
      return result
    }
    const edition = resolveEdition(corpus, corpus.editions[0]!.id)
    // Resolution hands its messages back (the build prints them with the files').
    result.messages.push(...edition.messages.map(shown))
    result.errors = edition.messages.some((message) => message.fatal === true)
    end('model')
    if (result.errors) return result
    const date = new Date(0)
    if (formats.includes('html')) {
      const {toHtml} = await import('@samizdat/html')
      begin()
      const site = await toHtml(edition)
      end('html')
      if (out) {
        for (const file of site) {
          // The site has folders of its own (fonts/, images/).
          const target = join(out, 'site', file.path.slice(file.path.indexOf('/') + 1))
          await mkdir(dirname(target), {recursive: true})
          await writeFile(target, file.data)
        }
      }
      result.sizes['html'] = site.reduce((sum, file) => sum + file.data.length, 0)
    }
    if (formats.includes('epub')) {
      const {toEpub} = await import('@samizdat/epub')
      begin()
      const bytes = (await toEpub(edition, {date}))[0]!.data
      end('epub')
      if (out) await writeFile(join(out, 'book.epub'), bytes)
      result.sizes['epub'] = bytes.length
    }
    if (formats.includes('pdf')) {
      const {toPdf} = await import('@samizdat/pdf')
      begin()
      const bytes = (await toPdf(edition, {date}))[0]!.data
      end('pdf')
      if (out) await writeFile(join(out, 'book.pdf'), bytes)
      result.sizes['pdf'] = bytes.length
    }
    return result
  } finally {
    await rm(dirname(dir), {recursive: true, force: true})
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  if (process.argv[2] === '--batch') {
    // `--batch FORMATS OUT|- CASE:N…`: the cases one after the other in this one process (a Node and tsx
    // start-up costs seconds of CPU), one JSON line each as it finishes; the outputs in OUT/CASE.
    const [formats = 'model', out = '-', ...jobs] = process.argv.slice(3)
    for (const job of jobs) {
      const [name = '', n = '0'] = job.split(':')
      console.log(JSON.stringify(await run(name, Number(n), formats.split(','), out === '-' ? undefined : join(out, name))))
    }
  } else {
    const [name = '', n = '0', formats = 'model', out] = process.argv.slice(2)
    console.log(JSON.stringify(await run(name, Number(n), formats.split(','), out)))
  }
}
