/**
 * The bench's second part (`pnpm bench`, or alone `pnpm bench:pathological`):
 * each pathological case of `pathological.ts` at n and 4n through the model,
 * the site, the book and the PDF, each run in a child process under a timeout.
 */
import {execFile} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {cases} from './pathological.js'

// Pathological input (scripts/pathological.ts): each case at n and 4n, each step in a child process
// under a timeout, so a slow step prints "timeout" instead of hanging the bench. Linear steps show a ratio near 4.
const runner = fileURLToPath(new URL('pathological-run.ts', import.meta.url))
const stepTimeout = Number(process.env['BENCH_TIMEOUT'] ?? 120) * 1000
type Run = {times: Record<string, number>; messages: string[]; errors: boolean}

/** One case at one size with these formats; undefined when it timed out or crashed. */
async function runCase(name: string, n: number, formats: string): Promise<Run | undefined> {
  try {
    const {stdout} = await promisify(execFile)(process.execPath, ['--conditions=source', '--import', 'tsx', runner, name, String(n), formats], {
      timeout: stepTimeout,
      killSignal: 'SIGKILL',
      maxBuffer: 256 * 1024 * 1024
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
// `pnpm bench:pathological long-word deep-list` runs only the cases named.
const only = new Set(import.meta.url.endsWith(process.argv[1]?.replace(/^.*\//, '') ?? '') ? process.argv.slice(2) : [])
for (const entry of cases.filter((entry) => only.size === 0 || only.has(entry.name))) {
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
