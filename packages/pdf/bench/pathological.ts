/**
 * The PDF on pathological input, at n, 2n and 4n (`pnpm bench`, or
 * `node --conditions=source --import tsx packages/pdf/bench/pathological.ts`):
 * a 100,000-letter word, 40,000 backticks, 40,000 astral characters, a 5 MB
 * line, 50,000 paragraphs, a 10,000-item list. Time should double with the
 * size; the ratio column says how far it does. Timing lives here, never in tests.
 */
import {performance} from 'node:perf_hooks'
import {toPdf} from '@samizdat/pdf'
import {cases} from '../test/fixtures/pathological.js'
import {memoryEdition} from '../test/memory.js'

const largest: Record<string, number> = {word: 100_000, backticks: 40_000, emoji: 40_002, line: 5_000_000, paragraphs: 50_000, list: 10_000}

for (const [name, size] of Object.entries(largest)) {
  let previous: number | undefined
  for (const n of [size / 4, size / 2, size].map(Math.round)) {
    const edition = memoryEdition((cases[name] as (size: number) => Parameters<typeof memoryEdition>[0])(n))
    const start = performance.now()
    await toPdf(edition, {date: new Date(0)})
    const time = performance.now() - start
    const ratio = previous ? ` ×${(time / previous).toFixed(2)}` : ''
    console.log(`PDF ${name.padEnd(11)} ${String(n).padStart(9)} ${time.toFixed(0).padStart(8)} ms${ratio}`)
    previous = time
  }
}
