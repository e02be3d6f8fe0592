/**
 * Every change the write phase makes to the disk goes through `step()`, so
 * that tests can stop a real build at exactly the Nth change and check what a
 * crash there leaves behind. `SAMIZDAT_TEST_FAULT=<what>@<n>` (or
 * `<what>@<kind>:<n>` to count only `write`, `rename`, `mkdir` or `rm`), where
 * `<what>` is `kill` (SIGKILL this process), `pause` (print
 * `samizdat-test: paused` to stderr and wait for a signal) or an error code such
 * as `ENOSPC` (thrown instead of the change). Only tests set it.
 */
import process from 'node:process'

export type StepKind = 'write' | 'rename' | 'mkdir' | 'rm'

interface Fault {
  what: string
  kind: StepKind | undefined
  at: number
}

const fault = parse(process.env['SAMIZDAT_TEST_FAULT'])
const counts = {all: 0, write: 0, rename: 0, mkdir: 0, rm: 0}
let trace: string[] | undefined

/** From now on, record each step as `kind target` in the returned list (for tests choosing where to stop a build). */
export function traceSteps(): string[] {
  trace = []
  return trace
}

/** Make one change (`change`) to `target`, unless the build was interrupted. */
export async function step<T>(kind: StepKind, target: string, signal: AbortSignal | undefined, change: () => Promise<T>): Promise<T> {
  signal?.throwIfAborted()
  counts.all++
  counts[kind]++
  trace?.push(`${kind} ${target}`)
  if (fault && (fault.kind === undefined ? counts.all : counts[fault.kind]) === fault.at && (fault.kind === undefined || fault.kind === kind)) {
    await inject(fault, kind, target, signal)
  }
  return change()
}

async function inject(fault: Fault, kind: StepKind, target: string, signal: AbortSignal | undefined): Promise<void> {
  if (fault.what === 'kill') {
    process.kill(process.pid, 'SIGKILL')
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
  const match = /^(kill|pause|E[A-Z]+)@(?:(write|rename|mkdir|rm):)?(\d+)$/.exec(value ?? '')
  if (!match) return undefined
  return {what: match[1] as string, kind: match[2] as StepKind | undefined, at: Number(match[3])}
}
