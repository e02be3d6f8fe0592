/** Helpers shared by the CLI tests: temp corpora, running the CLI, snapshots of folders. */
import {spawn, spawnSync} from 'node:child_process'
import assert from 'node:assert/strict'
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import process from 'node:process'
import type {TestContext} from 'node:test'
import {fileURLToPath} from 'node:url'
import {run} from '../src/index.js'

export const root = fileURLToPath(new URL('../../../', import.meta.url))
const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url))
// Absolute, so the CLI can be spawned from any working directory.
const tsx = import.meta.resolve('tsx')
const compiled = process.env['SAMIZDAT_TEST_BIN'] === 'dist'
/**
 * How the bin is started: from the sources through tsx; or, under `pnpm test`
 * (scripts/test-all.mjs compiles with `tsc -b` and bundles first, and sets
 * `SAMIZDAT_TEST_BIN=dist`), the bundled bin that `pnpm build` runs, which starts
 * fastest (a test may spawn it dozens of times).
 */
export const binArgs: readonly string[] = compiled
  ? [fileURLToPath(new URL('../dist/bundle/bin.js', import.meta.url))]
  : ['--conditions=source', '--import', tsx, bin]

/** The bin module by module, as published (unbundled): the compiled dist under `pnpm test`, else the sources. */
export const moduleBinArgs: readonly string[] = compiled ? [fileURLToPath(new URL('../dist/bin.js', import.meta.url))] : binArgs

export interface Result {
  code: number | null
  stdout: string
  stderr: string
}

/** Spawn the real bin, as a user would run it. */
export function spawnCli(args: string[], cwd: string = root, env: Record<string, string> = {}): Result {
  const child = spawnSync(process.execPath, [...binArgs, ...args], {
    cwd,
    encoding: 'utf8',
    env: {...process.env, ...env}
  })
  return {code: child.status, stdout: child.stdout, stderr: child.stderr}
}

export interface AsyncResult extends Result {
  signal: NodeJS.Signals | null
}

/**
 * Spawn the real bin without blocking, so several run at once; `onStderr`
 * sees stderr as it comes (to act at a point of the build). Killed after
 * `timeout` ms, so a hang fails instead of stalling the suite.
 */
export function spawnCliAsync(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  onStderr?: (text: string, child: ReturnType<typeof spawn>) => void,
  timeout = 60_000
): Promise<AsyncResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...binArgs, ...args], {cwd, env: {...process.env, ...env}})
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout)
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text
      onStderr?.(stderr, child)
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({code, signal, stdout, stderr})
    })
  })
}

/** Run `jobs` with at most `limit` at once, results in order. */
export async function pool<T>(limit: number, jobs: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = []
  let next = 0
  await Promise.all(
    Array.from({length: limit}, async () => {
      while (next < jobs.length) {
        const index = next++
        results[index] = await (jobs[index] as () => Promise<T>)()
      }
    })
  )
  return results
}

/** Call `run()` in-process, capturing its output: not a terminal, as for a spawned bin whose stderr is a pipe; `env` adds to the process's. */
export async function runCli(args: string[], cwd: string, env?: Record<string, string>): Promise<Result> {
  let stdout = ''
  let stderr = ''
  const code = await run(args, {
    cwd,
    tty: false,
    env: env && {...process.env, ...env},
    stdout: {write: (text: string) => (stdout += text)},
    stderr: {write: (text: string) => (stderr += text)}
  })
  return {code, stdout, stderr}
}

/** A fresh temp folder, removed by the returned function. */
export async function tempDir(): Promise<{dir: string; cleanup: () => Promise<void>}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'samizdat-cli-'))
  return {dir, cleanup: () => rm(dir, {recursive: true, force: true})}
}

/** Write `files` (relative path → text or bytes) under `dir`. */
export async function writeTree(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(dir, name)
    await mkdir(path.dirname(target), {recursive: true})
    await writeFile(target, text)
  }
}

/** Every file under `dir` (relative POSIX path → bytes as base64), or undefined if `dir` is missing. */
export async function snapshot(dir: string): Promise<Record<string, string> | undefined> {
  let names: string[]
  try {
    names = await readdir(dir, {recursive: true})
  } catch {
    return undefined
  }
  const result: Record<string, string> = {}
  for (const name of names.sort()) {
    const full = path.join(dir, name)
    const contents = await readFile(full).catch(() => undefined)
    result[name.split(path.sep).join('/')] = contents === undefined ? '<dir>' : contents.toString('base64')
  }
  return result
}

/** A small corpus with editions, a preface and a cross-work link. */
export const editionsCorpus: Record<string, string> = {
  'works/alpha.md': [
    '---',
    'title: Alpha',
    'authors: [Ada Writer]',
    'date: 1921',
    '---',
    '',
    '## Opening',
    '',
    'The first work, which points at [the second](beta.md).',
    ''
  ].join('\n'),
  'works/beta.md': ['---', 'title: Beta', '---', '', '## Closing', '', 'The second work.', ''].join('\n'),
  'editions/both.yaml': ['title: Both Works', 'editors: [Ed Itor]', 'preface: both.preface.md', 'works:', '  - alpha', '  - beta', ''].join('\n'),
  'editions/both.preface.md': ['# Why this edition', '', 'Two short works, together.', ''].join('\n'),
  'editions/beta-only.yaml': ['title: Beta Alone', 'works:', '  - beta', ''].join('\n')
}

/** A text file's bytes, as writers return them. */
export function text(value: string): Uint8Array {
  return new TextEncoder().encode(value)
}

/** Whether `name` can run: in CI a missing tool fails the test, elsewhere it skips it. */
export function hasTool(t: TestContext, name: string): boolean {
  if (spawnSync('sh', ['-c', `command -v ${name}`]).status === 0) return true
  if (process.env['CI'] === 'true') assert.fail(`${name} is required in CI but was not found`)
  t.skip(`${name} not installed`)
  return false
}
