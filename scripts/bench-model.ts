/**
 * Benchmarks of the model (`pnpm bench:model`): what the model costs on the project corpus.
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

// The PDF on pathological input, at n, 2n and 4n (linearity).
await import('../packages/pdf/bench/pathological.js')

// Pathological input: each case at n and 4n through every format (also alone: `pnpm bench:pathological`).
await import('./bench-pathological.js')
