/**
 * Benchmarks (`pnpm bench`): what the model costs on the project corpus.
 * Typography must stay well under the parse time; this prints the ratio.
 * Then each pathological case at two sizes through every format, so
 * linearity shows. Timing lives here, never in tests.
 */
import {fileURLToPath} from 'node:url'
import {performance} from 'node:perf_hooks'
import {toEpub} from '@samizdat/epub'
import {toHtml} from '@samizdat/html'
import {loadCorpus, resolveEdition, typography} from '@samizdat/model'
import {toPdf} from '@samizdat/pdf'

const corpusDir = fileURLToPath(new URL('../corpus', import.meta.url))

/** Median milliseconds of `runs` calls after `warmup` unmeasured ones. */
async function measure(name: string, fn: () => unknown, runs = 30, warmup = 5): Promise<number> {
  for (let index = 0; index < warmup; index++) await fn()
  const times: number[] = []
  for (let index = 0; index < runs; index++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)] as number
  console.log(`${name.padEnd(44)} ${median.toFixed(2).padStart(8)} ms (median of ${runs})`)
  return median
}

const corpus = await loadCorpus(corpusDir)
const texts: string[] = []
for (const work of corpus.works) {
  const walk = (node: {type: string; value?: string; children?: unknown[]}): void => {
    if (node.type === 'text' && node.value) texts.push(node.value)
    for (const child of node.children ?? []) walk(child as typeof node)
  }
  walk(work.tree)
}
const characters = texts.reduce((sum, text) => sum + text.length, 0)
console.log(`corpus: ${corpus.works.length} works, ${texts.length} text nodes, ${characters} characters of text\n`)

const parse = await measure('load (parse + validate) the corpus', () => loadCorpus(corpusDir))
const type = await measure('typography over every text node', () => {
  const state = {previous: ''}
  for (const text of texts) typography(text, state)
})
const long = texts.join(' ').repeat(8)
await measure(`typography on one ${Math.round(long.length / 1000)} kB run (linearity)`, () => typography(long))
await measure('typography on 1/8 of it', () => typography(long.slice(0, long.length / 8)))
await measure('resolve the reader edition (with its apparatus)', () => resolveEdition(corpus, 'workers-opposition'))
console.log(`\ntypography / load: ${((type / parse) * 100).toFixed(1)}%\n`)

// The adapters, on the resolved reader edition (fewer runs: they take longer).
const edition = resolveEdition(corpus, 'workers-opposition')
const date = new Date(0)
await measure('HTML: the web edition', () => toHtml(edition), 10, 2)
await measure('EPUB: the e-book', () => toEpub(edition, {date}), 5, 1)
await measure('PDF: the typeset reading pack', () => toPdf(edition, {date}), 5, 1)

// Pathological input (scripts/pathological.ts): each case at n and 4n, each step in a child process
// under a timeout, so a slow step prints "timeout" instead of hanging the bench. Linear steps show a ratio near 4.
const {cases} = await import('./pathological.js')
const {execFile} = await import('node:child_process')
const {promisify} = await import('node:util')
const runner = fileURLToPath(new URL('pathological-run.ts', import.meta.url))
const stepTimeout = Number(process.env['BENCH_TIMEOUT'] ?? 120) * 1000
type Run = {times: Record<string, number>; messages: string[]; errors: boolean}

/** One case at one size with these formats; undefined when it timed out or crashed. */
async function runCase(name: string, n: number, formats: string): Promise<Run | undefined> {
  try {
    const {stdout} = await promisify(execFile)(process.execPath, ['--conditions=source', '--import', 'tsx', runner, name, String(n), formats], {
      timeout: stepTimeout, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024
    })
    return JSON.parse(stdout) as Run
  } catch {
    return undefined
  }
}

console.log(`\npathological input: ms at n and 4n, and the ratio (4 is linear); "timeout" past ${stepTimeout / 1000} s`)
const steps = ['model', 'html', 'epub', 'pdf'] as const
console.log(`${'case'.padEnd(18)} ${'n'.padStart(9)}  ${steps.map((step) => step.padStart(22)).join('')}`)
const cell = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined ? (a === undefined && b === undefined ? '–' : 'timeout') : `${a.toFixed(0)} → ${b.toFixed(0)} ×${(b / a).toFixed(1)}`
for (const entry of cases) {
  const n = entry.benchSize
  // The model and the two adapters that render through it run together; the PDF on its own, so its timeout is its own.
  const [small, large] = [await runCase(entry.name, n, 'model,html,epub'), await runCase(entry.name, 4 * n, 'model,html,epub')]
  const [pdfSmall, pdfLarge] = entry.limited ? [undefined, undefined] : [await runCase(entry.name, n, 'pdf'), await runCase(entry.name, 4 * n, 'pdf')]
  const cells = steps.map((step) => {
    if (step === 'pdf') return entry.limited ? 'limit' : cell(pdfSmall?.times['pdf'], pdfLarge?.times['pdf'])
    if (entry.limited && step !== 'model') return 'limit'
    return cell(small?.times[step], large?.times[step])
  })
  const note = entry.limited ? `  ${small?.messages[0]?.replace(/^.*\[/, '[') ?? ''}` : ''
  console.log(`${entry.name.padEnd(18)} ${String(n).padStart(9)}  ${cells.map((text) => text.padStart(22)).join('')}${note}`)
}
