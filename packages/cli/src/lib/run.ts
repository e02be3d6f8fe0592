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
import {describeFault} from './faults.js'
import {clean, report} from './report.js'
import {version} from './version.js'

/** Where a run writes, and where relative paths start; tests capture it. */
export interface Io {
  stdout: {write(text: string): unknown}
  stderr: {write(text: string): unknown}
  cwd: string
  /** Aborted on Ctrl-C by the bin: a build stops and leaves the output folder as it was. */
  signal?: AbortSignal | undefined
}

/** Run the CLI with `argv` (the arguments after the program name); resolves to the exit code. */
export async function run(argv: readonly string[], io: Partial<Io> = {}): Promise<number> {
  const context: Io = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    cwd: io.cwd ?? process.cwd(),
    signal: io.signal
  }
  try {
    await program(context).parseAsync(argv, {from: 'user'})
    return 0
  } catch (error) {
    return exitCode(error, context)
  }
}

function program(io: Io): Command {
  const program = new Command('samizdat')
    .description('Publish annotated editions of historical texts from a corpus folder.')
    .version(version)
    // Subcommands made with `.command()` inherit these two.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text)
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', '\nExit codes: 0 ok, 1 content errors, 2 usage errors, 70 internal error.')
  registerBuild(program, io)
  registerCheck(program, io)
  return program
}

function exitCode(error: unknown, io: Io): number {
  // Commander has already printed its message (or the help, or the version).
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
  if (error instanceof ContentError) {
    io.stderr.write(report(error.files, io.cwd))
    io.stderr.write(`samizdat: ${clean(error.message)}\n`)
    return error.exitCode
  }
  if (error instanceof UsageError) {
    io.stderr.write(`samizdat: ${clean(error.message)}\n`)
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
