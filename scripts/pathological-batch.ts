/**
 * The pathological cases of a test file in ONE child process (`pathological-run.ts
 * --batch`): a child per case paid a Node and tsx start-up (about 3 s of CPU)
 * each time. The guard stays per case: when no case finishes within `guard` ms
 * of the previous one, the child is killed and every case not yet reported
 * fails, so a regression to quadratic time (or a hang) fails instead of
 * stalling the suite.
 */
import {spawn} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import type {RunResult} from './pathological-run.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const runner = fileURLToPath(new URL('pathological-run.ts', import.meta.url))

export interface BatchOptions {
  /** `model`, `html`, `epub`, `pdf`, comma separated (model always runs). */
  formats: string
  /** Where each case writes its outputs, in a folder named after it (`out/CASE/site/`, `out/CASE/book.epub`…). */
  out?: string
  /** Milliseconds each case may take. */
  guard: number
}

/**
 * Start the cases (name and size each) in one child, now; returns each case's
 * result by name, a promise that settles when that case is done.
 */
export function runBatch(jobs: ReadonlyArray<{name: string; n: number}>, options: BatchOptions): Batch<RunResult> {
  return childBatch<RunResult>(
    runner,
    ['--batch', options.formats, options.out ?? '-', ...jobs.map((job) => `${job.name}:${job.n}`)],
    jobs.map((job) => job.name),
    options.guard
  )
}

/**
 * Each job's result by name; `closed` settles when the child has ended. A test
 * file awaits it in `after`: the child prints its last result a moment before
 * it exits, and a child still running when its file ends takes its CPU (and
 * its writes) into the next file of the process.
 */
type Batch<T> = ((name: string) => Promise<T>) & {closed: Promise<void>}

/**
 * A young generation of 64 MB a semi-space (V8's own is a fraction of it): the cases build trees of tens of
 * thousands of nodes, short-lived, that the default one promotes and collects again and again. The EPUB
 * file's 17 cases took 38.9 and 36.5 s of CPU with the default, 34.2 and 32.8 s with this, the same
 * outputs, some 200 MB more at the peak.
 */
const youngGeneration = ['--max-semi-space-size=64']

/**
 * Run `script` (TypeScript, with the source condition) in one child that does
 * the jobs `names` in that order and prints one JSON line (with the job's
 * `name`) as each is done; returns each job's line by name. The guard is per job.
 */
export function childBatch<T extends {name: string}>(script: string, args: string[], names: readonly string[], guard: number): Batch<T> {
  const jobs = names.map((name) => ({name}))
  const options = {guard}
  const pending = new Map(
    jobs.map((job) => {
      let settle!: {resolve: (result: T) => void; reject: (error: Error) => void}
      const promise = new Promise<T>((resolve, reject) => (settle = {resolve, reject}))
      // A case the test never awaits must not be an unhandled rejection.
      promise.catch(() => {})
      return [job.name, {promise, ...settle}] as const
    })
  )
  const child = spawn(process.execPath, [...youngGeneration, '--conditions=source', '--import', 'tsx', script, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let current = 0
  let timedOut = false
  let timer: NodeJS.Timeout | undefined
  const arm = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.guard)
  }
  arm()
  let stdout = ''
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text
    let end
    while ((end = stdout.indexOf('\n')) >= 0) {
      const line = stdout.slice(0, end)
      stdout = stdout.slice(end + 1)
      const result = JSON.parse(line) as T
      pending.get(result.name)?.resolve(result)
      current++
      arm()
    }
  })
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()))
  child.on('close', (code, signal) => {
    clearTimeout(timer)
    const name = jobs[current]?.name
    for (const job of jobs.slice(current)) {
      const reason = timedOut
        ? `${name} did not finish within ${options.guard / 1000} s (the child was killed)`
        : `the child stopped (code ${code}, signal ${signal}) at ${name}: ${stderr.slice(-2000)}`
      pending.get(job.name)?.reject(new Error(job.name === name ? reason : `not run: ${reason}`))
    }
  })
  const result = (name: string): Promise<T> => {
    const found = pending.get(name)
    if (!found) throw new Error(`No case ${name} in this batch`)
    return found.promise
  }
  return Object.assign(result, {closed})
}
