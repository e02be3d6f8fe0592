/**
 * Every change the write phase makes to the disk goes through `step()`, so
 * that tests can stop a real build at exactly the Nth change and check what a
 * crash there leaves behind. `SAMIZDAT_TEST_FAULT=<what>@<n>` (or
 * `<what>@<kind>:<n>` to count only `write`, `rename`, `mkdir` or `rm`), where
 * `<what>` is `kill` (SIGKILL this process), `halt` (this change and every
 * later one of the build never happen nor return: what a kill leaves on the
 * disk, without ending the process, so that one child can stop many builds),
 * `pause` (print `samizdat-test: paused` to stderr and wait for a signal) or an
 * error code such as `ENOSPC` (thrown instead of the change). Only tests set
 * it. It is read from the environment of each build (`faultScope`), so tests
 * can inject a fault into a build run in-process.
 */
import {AsyncLocalStorage} from 'node:async_hooks'
import process from 'node:process'

export type StepKind = 'write' | 'rename' | 'mkdir' | 'rm'

interface Fault {
  what: string
  kind: StepKind | undefined
  at: number
}

interface Scope {
  fault: Fault | undefined
  counts: Record<StepKind | 'all', number>
  halted: boolean
}

const scopes = new AsyncLocalStorage<Scope>()
// Steps outside any build (a test calling `recover()`) count here, and no fault applies.
const outside: Scope = {fault: undefined, counts: {all: 0, write: 0, rename: 0, mkdir: 0, rm: 0}, halted: false}
let trace: string[] | undefined
const haltWaiters: Array<() => void> = []

/** Run one build's write phase: its steps count from 1, under the fault `SAMIZDAT_TEST_FAULT` of `env` names. */
export function faultScope<T>(env: Readonly<Record<string, string | undefined>>, action: () => Promise<T>): Promise<T> {
  return scopes.run({fault: parse(env['SAMIZDAT_TEST_FAULT']), counts: {all: 0, write: 0, rename: 0, mkdir: 0, rm: 0}, halted: false}, action)
}

/** Resolves when a build of this process next halts at its `halt` fault (for the child that runs many kill points). */
export function halted(): Promise<void> {
  return new Promise((resolve) => haltWaiters.push(resolve))
}

/** From now on, record each step as `kind target` in the returned list (for tests choosing where to stop a build). */
export function traceSteps(): string[] {
  trace = []
  return trace
}

/** Make one change (`change`) to `target`, unless the build was interrupted. */
export async function step<T>(kind: StepKind, target: string, signal: AbortSignal | undefined, change: () => Promise<T>): Promise<T> {
  const scope = scopes.getStore() ?? outside
  // A halted build changes nothing more, as if its process had been killed.
  if (scope.halted) await new Promise(() => {})
  signal?.throwIfAborted()
  const {fault, counts} = scope
  counts.all++
  counts[kind]++
  trace?.push(`${kind} ${target}`)
  if (fault && (fault.kind === undefined ? counts.all : counts[fault.kind]) === fault.at && (fault.kind === undefined || fault.kind === kind)) {
    await inject(fault, scope, kind, target, signal)
  }
  return change()
}

async function inject(fault: Fault, scope: Scope, kind: StepKind, target: string, signal: AbortSignal | undefined): Promise<void> {
  if (fault.what === 'kill') {
    process.kill(process.pid, 'SIGKILL')
    await new Promise(() => {})
  }
  if (fault.what === 'halt') {
    scope.halted = true
    for (const resolve of haltWaiters.splice(0)) resolve()
    await new Promise(() => {})
  }
  if (fault.what === 'pause') {
    process.stderr.write('samizdat-test: paused\n')
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 30_000)
      signal?.addEventListener('abort', () => {
        clearTimeout(timer)
        resolve()
      })
    })
    signal?.throwIfAborted()
    return
  }
  const syscall = {write: 'open', rename: 'rename', mkdir: 'mkdir', rm: 'rmdir'}[kind]
  throw Object.assign(new Error(`${fault.what}: injected fault, ${syscall} '${target}'`), {code: fault.what, syscall, path: target})
}

function parse(value: string | undefined): Fault | undefined {
  const match = /^(kill|halt|pause|E[A-Z]+)@(?:(write|rename|mkdir|rm):)?(\d+)$/.exec(value ?? '')
  if (!match) return undefined
  return {what: match[1] as string, kind: match[2] as StepKind | undefined, at: Number(match[3])}
}
