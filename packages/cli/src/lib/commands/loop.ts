/**
 * `samizdat watch` and `samizdat preview`: the author's loop. Both build, then rebuild on every change in the
 * corpus; preview also serves the output folder on 127.0.0.1 with live reload. Ctrl-C stops them (exit 130).
 */
import path from 'node:path'
import {ContentError} from '@samizdat/model/errors'
import {Command, InvalidArgumentError} from 'commander'
import type {WatchEvent, WatchOptions} from '../loop/watch.js'
import {seconds, summary} from '../progress.js'
import {clean, report} from '../report.js'
import {failureDocument, resultDocument} from '../json.js'
import {useColor, type Io, type RunState} from '../run.js'
import {selectionFrom, withSelection, type SelectionOptions} from './options.js'
import {corpusArgument} from '../select.js'

interface Options extends SelectionOptions {
  corpus?: string
  out?: string
  format?: string[]
  quiet?: boolean
  json?: boolean
  port?: number
}

/** Ctrl-C ends the loop: not a failure of the build, but not a finished command either (exit 130). */
export class Stopped extends Error {
  readonly exitCode = 130
}

export function registerLoop(program: Command, io: Io, state: RunState): void {
  const watch = withBuildOptions(
    program.command('watch').description('Build, then rebuild whenever the corpus changes; a failed rebuild keeps the last good output.')
  )
  watch.action(async (argument: string | undefined, options: Options) => {
    const {watch: run} = await import('../loop/watch.js')
    const watchOptions = await loopOptions(argument, options, io, state)
    io.stderr.write(clean(`watching ${watchOptions.corpus}/ (Ctrl-C to stop)`) + '\n')
    await run(watchOptions)
    stopped(io)
  })
  const preview = withBuildOptions(
    program.command('preview').description('Build, serve the output on 127.0.0.1 and reload the pages after each good rebuild.')
  ).option('--port <number>', 'port to serve on, on 127.0.0.1 only (default 8000; 0 for any free one)', parsePort)
  preview.action(async (argument: string | undefined, options: Options) => {
    const {preview: run} = await import('../loop/preview.js')
    const previewOptions = await loopOptions(argument, options, io, state)
    await run({
      ...previewOptions,
      port: options.port,
      onListen: (url) => io.stderr.write(`serving ${url} (Ctrl-C to stop)\n`)
    })
    stopped(io)
  })
}

function withBuildOptions(command: Command): Command {
  return withSelection(
    command
      .argument('[corpus]', 'corpus folder (default: corpus)')
      .option('-c, --corpus <dir>', 'corpus folder (the same as the argument)')
      .option('-o, --out <dir>', 'output folder (default: dist)')
  )
    .option('-q, --quiet', 'print only problems')
    .option('--json', "print each build's messages and results as one JSON line on stdout (NDJSON), as build --json prints them")
    .option('--strict', 'treat every warning as an error: the rebuild fails, the last good output stays')
    .option('--no-cache', 'make every output afresh: neither read nor write .samizdat-cache/')
}

/** The build options of a loop, with the config file's defaults, and what it prints after each build. */
async function loopOptions(argument: string | undefined, options: Options, io: Io, state: RunState): Promise<WatchOptions & {corpus: string}> {
  // Set first: a usage error from here on is told as a JSON line too.
  state.json = options.json === true
  state.lines = true
  const corpus = corpusArgument(argument, options.corpus)
  const {readConfig} = await import('../config.js')
  const config = await readConfig(path.resolve(io.cwd, corpus), io.cwd)
  const out = options.out ?? (config?.out === undefined ? undefined : path.relative(io.cwd, config.out) || '.')
  return {
    ...(await selectionFrom(options, config, io)),
    corpus,
    out,
    formats: options.format ?? config?.formats,
    onBuild: state.json
      ? (event) => io.stdout.write(`${JSON.stringify(documentOf(event, out ?? 'dist', io))}\n`)
      : (event) => io.stderr.write(told(event, out ?? 'dist', io, options.quiet === true))
  }
}

/** `--json`: one build of the loop as `build --json` tells a build, and the changes that caused it. */
function documentOf(event: WatchEvent, out: string, io: Io): Record<string, unknown> {
  const document = event.type === 'built' ? resultDocument(event.result, out, io.cwd) : failureDocument(event.error, event.error.exitCode, io.cwd)
  return {...document, changed: event.changed}
}

/** What one build of the loop prints: the change, what was made again and how long it took, or why it failed. */
function told(event: WatchEvent, out: string, io: Io, quiet: boolean): string {
  const lines: string[] = []
  if (event.changed.length > 0 && !quiet)
    lines.push(clean(`changed ${event.changed.slice(0, 5).join(', ')}${event.changed.length > 5 ? ` and ${event.changed.length - 5} more` : ''}`) + '\n')
  if (event.type === 'failed') {
    if (event.error instanceof ContentError) lines.push(report(event.error.files, io.cwd, {color: useColor(io)}))
    lines.push(clean(`samizdat: ${event.error.message}; the last good output was kept (${seconds(event.ms)})`) + '\n')
    return lines.join('')
  }
  lines.push(report(event.result.files, io.cwd, {color: useColor(io)}))
  if (quiet) return lines.join('')
  const made = event.result.written.filter((entry) => !entry.cached)
  lines.push(summary(made, out))
  const kept = event.result.written.length - made.length
  lines.push(
    `${event.changed.length > 0 ? 'rebuilt' : 'built'} in ${seconds(event.ms)}${kept > 0 ? `; ${kept} unchanged output${kept === 1 ? '' : 's'} from the cache` : ''}\n`
  )
  return lines.join('')
}

function stopped(io: Io): void {
  if (io.signal?.aborted) throw new Stopped('stopped; the output folder holds the last good build')
}

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535')
  return Number(value)
}
