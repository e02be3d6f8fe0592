/**
 * The program: commander wiring, and the one place where errors become exit
 * codes (0 ok, 1 content errors, 2 usage errors and faults of the machine,
 * 130 interrupted, 70 anything else: a bug).
 */
import process from 'node:process'
import {ContentError, UsageError} from '@samizdat/model/errors'
import {Command, CommanderError} from 'commander'
import {registerBuild} from './commands/build.js'
import {registerCheck} from './commands/check.js'
import {registerCompletion} from './commands/completion.js'
import {registerLoop, Stopped} from './commands/loop.js'
import {registerNew} from './commands/new.js'
import {describeFault} from './faults.js'
import {failureDocument} from './json.js'
import {clean, report, type ReportOptions} from './report.js'
import {version} from './version.js'

/** Where a run writes, and where relative paths start; tests capture it. */
export interface Io {
  /** Text, or an output's bytes (`-o -`). */
  stdout: {write(chunk: string | Uint8Array): unknown}
  stderr: {write(text: string): unknown}
  cwd: string
  /** Aborted on Ctrl-C by the bin: a build stops and leaves the output folder as it was. */
  signal?: AbortSignal | undefined
  /** Reads all of standard input (a corpus of `-`); default: the process's. */
  stdin?: (() => Promise<string>) | undefined
  /** Whether stderr is a terminal: a live task list and colours (default: the process's stderr). */
  tty?: boolean | undefined
  /** Environment read for `NO_COLOR` (default: the process's). */
  env?: Readonly<Record<string, string | undefined>> | undefined
}

/** What a command sets for the whole run: how errors are told (as JSON, naming stdin). */
export interface RunState {
  json: boolean
  /** `--json` as NDJSON (`watch`, `preview`): each document on one line. */
  lines?: boolean | undefined
  name?: ((file: Parameters<NonNullable<ReportOptions['name']>>[0]) => string | undefined) | undefined
}

/** Run the CLI with `argv` (the arguments after the program name); resolves to the exit code. */
export async function run(argv: readonly string[], io: Partial<Io> = {}): Promise<number> {
  const context: Io = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    cwd: io.cwd ?? process.cwd(),
    signal: io.signal,
    stdin: io.stdin ?? readStdin,
    tty: io.tty ?? process.stderr.isTTY === true,
    env: io.env ?? process.env
  }
  const state: RunState = {json: false}
  try {
    await program(context, state).parseAsync(argv, {from: 'user'})
    return 0
  } catch (error) {
    const code = exitCode(error, context, state)
    // Ctrl-C ending a loop is no build's result: the exit code tells it.
    if (state.json && !(error instanceof CommanderError || error instanceof Stopped)) context.stdout.write(failure(error, code, context, state))
    return code
  }
}

/** Colours only on a terminal, and never with `NO_COLOR` set (https://no-color.org). */
export function useColor(io: Io): boolean {
  return io.tty === true && (io.env?.['NO_COLOR'] ?? '') === ''
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function program(io: Io, state: RunState): Command {
  const program = new Command('samizdat')
    .description('Publish annotated editions of historical texts from a corpus folder.')
    .version(version, '-v, --version', 'print the version')
    // Subcommands made with `.command()` inherit these two.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text)
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', '\nExit codes: 0 ok, 1 content errors, 2 usage errors, 70 internal error, 130 stopped by Ctrl-C.')
  registerBuild(program, io, state)
  registerCheck(program, io, state)
  registerNew(program, io)
  registerLoop(program, io, state)
  registerCompletion(program, io)
  return program
}

/** `--json` on failure: one document on stdout (one line under `watch`/`preview`), the same messages the terminal would show. */
function failure(error: unknown, code: number, io: Io, state: RunState): string {
  return `${JSON.stringify(failureDocument(error, code, io.cwd, state.name), null, state.lines ? undefined : 2)}\n`
}

function exitCode(error: unknown, io: Io, state: RunState): number {
  // Commander has already printed its message (or the help, or the version).
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
  if (error instanceof ContentError) {
    if (!state.json) io.stderr.write(report(error.files, io.cwd, {color: useColor(io), name: state.name}))
    io.stderr.write(`samizdat: ${clean(error.message)}\n`)
    return error.exitCode
  }
  if (error instanceof UsageError) {
    io.stderr.write(`samizdat: ${clean(error.message)}\n`)
    return error.exitCode
  }
  if (error instanceof Stopped) {
    io.stderr.write(`samizdat: ${error.message}\n`)
    return error.exitCode
  }
  if (io.signal?.aborted && (error as Error | undefined)?.name === 'AbortError') {
    io.stderr.write('samizdat: interrupted; nothing was changed\n')
    return 130
  }
  // A fault of the machine that escaped the build's own wording is still not a bug.
  const fault = describeFault(error, io.cwd)
  if (fault !== undefined) {
    io.stderr.write(`samizdat: ${clean(fault)}\n`)
    return 2
  }
  io.stderr.write(`samizdat: internal error, please report it\n${error instanceof Error ? error.stack : String(error)}\n`)
  return 70
}
