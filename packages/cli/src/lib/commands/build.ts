import path from 'node:path'
import {UsageError} from '@samizdat/model/errors'
import {InvalidArgumentError, type Command} from 'commander'
import type {BuildOptions, Progress} from '../build.js'
import {formats} from '../formats.js'
import {resultDocument} from '../json.js'
import {plainProgress, summary, type Shown} from '../progress.js'
import {report} from '../report.js'
import {useColor, type Io, type RunState} from '../run.js'
import {corpusArgument} from '../select.js'
import {stdinFileName} from '../stdin.js'
import {selectionFrom, withSelection, type SelectionOptions} from './options.js'

interface Options extends SelectionOptions {
  corpus?: string
  out?: string
  format?: string[]
  booklet?: boolean
  marks?: boolean
  signature?: number
  quiet?: boolean
  verbose?: boolean
  json?: boolean
}

export function registerBuild(program: Command, io: Io, state: RunState): void {
  const formatList = Object.values(formats).map((format) => `  ${format.id}  ${format.describe}`)
  withSelection(
    program
      .command('build')
      .description('Build editions of a corpus; writes nothing if the corpus has errors.')
      .argument('[corpus]', 'corpus folder, or - to read one Markdown document from stdin (default: corpus)')
      .option('-c, --corpus <dir>', 'corpus folder (the same as the argument)')
      .option('-o, --out <path>', 'output folder (default: dist); a file.epub or file.pdf for one output; - for stdout')
  )
    .option('--booklet', 'also <edition>.booklet.pdf: the A5 book 2-up on A4 landscape (half-letter on Letter with --paper Letter), for folding and stapling')
    .option('--marks', 'with --booklet: fold and crop marks')
    .option('--signature <pages>', 'with --booklet: pages per signature, a multiple of 4 (default: one signature)', parseSignature)
    .option('-q, --quiet', 'print only problems: no progress, no summary')
    .option('--verbose', 'also print how long loading and resolving took')
    .option('--json', 'print messages and results as one JSON document on stdout')
    .option('--strict', 'treat every warning (content and output) as an error: exit 1, nothing written')
    .option('--no-cache', 'make every output afresh: neither read nor write .samizdat-cache/ beside the output folder')
    .addHelpText('after', `\nFormats:\n${formatList.join('\n')}\n\nDefaults may come from samizdat.config.json in the corpus folder; options win over it.`)
    .action(async (argument: string | undefined, options: Options) => {
      state.json = options.json === true
      const corpus = corpusArgument(argument, options.corpus)
      const stdin = corpus === '-'
      if (stdin) state.name = stdinFileName
      // The build (and what only a build needs) is imported when one runs; --help and the other commands skip it.
      const {build} = await import('../build.js')
      const {readConfig} = await import('../config.js')
      const config = stdin ? undefined : await readConfig(path.resolve(io.cwd, corpus), io.cwd)
      const target = outTarget(
        options.out ?? (config?.out === undefined ? undefined : path.relative(io.cwd, config.out) || '.'),
        options.format ?? config?.formats,
        state
      )
      const color = useColor(io)
      const shown: Shown | undefined =
        options.quiet || state.json ? undefined : io.tty ? await (await import('../progress.js')).liveProgress() : plainProgress(io)
      const started = performance.now()
      const verbose = (event: Progress): void => {
        if (options.verbose && event.type === 'plan') io.stderr.write(`loaded and resolved in ${(performance.now() - started).toFixed(0)} ms\n`)
      }
      const buildOptions: BuildOptions = {
        corpus,
        out: target.out,
        file: target.file,
        formats: target.formats,
        ...(await selectionFrom(options, config, io)),
        booklet: booklet(options, config?.booklet),
        env: io.env,
        onProgress: (event) => {
          verbose(event)
          shown?.onProgress(event)
        }
      }
      if (stdin) buildOptions.input = await (io.stdin as () => Promise<string>)()
      if (target.toStdout) buildOptions.sink = (data) => void io.stdout.write(data)
      let result
      try {
        result = await build(buildOptions)
      } catch (error) {
        await shown?.end(error)
        throw error
      }
      await shown?.end()
      const out = target.file === undefined ? (target.out ?? 'dist') : ''
      if (state.json) {
        io.stdout.write(`${JSON.stringify(resultDocument(result, out, io.cwd, state.name), null, 2)}\n`)
        return
      }
      io.stderr.write(report(result.files, io.cwd, {color, name: state.name}))
      if (options.quiet || target.toStdout) return
      io.stderr.write(summary(result.written, out))
    })
}

/** Extensions that make `-o` a file, and the format each means. */
const fileFormats: Record<string, string> = {'.pdf': 'pdf', '.epub': 'epub'}

/**
 * Where `-o` sends the build: `-` is stdout, a name ending in `.pdf` or `.epub` is that one file (and that
 * format, when none is asked), anything else a folder. A web edition is a folder: `-o x.html` is refused.
 */
function outTarget(
  out: string | undefined,
  requested: string[] | undefined,
  state: RunState
): Pick<BuildOptions, 'out' | 'file' | 'formats'> & {toStdout?: true} {
  if (out === '-') {
    if (state.json) throw new UsageError('-o - and --json both write to stdout; choose one')
    return {toStdout: true, formats: requested}
  }
  const extension = out === undefined ? '' : path.extname(out).toLowerCase()
  if (extension === '.html' || extension === '.htm') {
    throw new UsageError(`The html format is a folder (a page per work, fonts, images), not one file; give -o a folder, not "${out}"`)
  }
  const format = fileFormats[extension]
  if (out === undefined || format === undefined) return {out, formats: requested}
  if (requested !== undefined && (requested.length !== 1 || requested[0] !== format)) {
    throw new UsageError(`-o "${out}" names one ${format} file, but --format asks for ${requested.join(', ')}; give -o a folder for several formats`)
  }
  return {file: out, formats: [format]}
}

function parseSignature(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 4 || Number(value) % 4 !== 0)
    throw new InvalidArgumentError(`expected a number of pages that is a multiple of 4 (8, 16, 32…), not "${value}"`)
  return Number(value)
}

/** `--marks` and `--signature` shape the booklet: without one to shape they are a usage error, not ignored. */
function booklet(options: Options, configured: boolean | undefined): BuildOptions['booklet'] {
  if (options.booklet ?? configured) return {marks: options.marks, signature: options.signature}
  if (options.marks || options.signature !== undefined) throw new UsageError('--marks and --signature shape the booklet: add --booklet')
  return undefined
}
