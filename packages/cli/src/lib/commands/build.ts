import path from 'node:path'
import type {Command} from 'commander'
import {formats} from '../formats.js'
import {clean, count, report} from '../report.js'
import type {Io} from '../run.js'
import {collect} from '../select.js'
import {parseSize} from '../size.js'

interface Options {
  corpus: string
  out: string
  edition?: string[]
  format?: string[]
  paper?: string
  locale?: string
  quiet?: boolean
  maxFileSize?: number
  strict?: boolean
  cache: boolean
}

export function registerBuild(program: Command, io: Io): void {
  const formatList = Object.values(formats).map((format) => `  ${format.id}  ${format.describe}`)
  program
    .command('build')
    .description('Build editions of a corpus; writes nothing if the corpus has errors.')
    .option('-c, --corpus <dir>', 'corpus folder', 'corpus')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-e, --edition <ids>', 'edition(s) to build, repeatable or comma-separated (default: all)', collect)
    .option('-f, --format <ids>', 'format(s) to build, repeatable or comma-separated (default: all)', collect)
    .option('-p, --paper <size>', "paper size for the PDF: A5, A4 or Letter (default: the edition's, else A5)")
    .option('-l, --locale <tag>', "language of the words around the text, a BCP 47 tag: fr (French) or en (English) (default: the edition's language)")
    .option('-q, --quiet', 'do not print a line per entry written')
    .option('--max-file-size <size>', 'refuse corpus files larger than this (default 50MB)', parseSize)
    .option('--strict', 'treat every warning (content and output) as an error: exit 1, nothing written')
    .option('--no-cache', 'make every output afresh: neither read nor write .samizdat-cache/ beside the output folder')
    .addHelpText('after', `\nFormats:\n${formatList.join('\n')}`)
    .action(async (options: Options) => {
      // Imported on use: the model and the adapters load only when a command runs, not for `--help`.
      const {build} = await import('../build.js')
      const result = await build({
        corpus: options.corpus,
        out: options.out,
        editions: options.edition,
        formats: options.format,
        paper: options.paper,
        locale: options.locale,
        maxFileSize: options.maxFileSize,
        strict: options.strict,
        cache: options.cache,
        cwd: io.cwd,
        signal: io.signal
      })
      io.stderr.write(report(result.files, io.cwd))
      if (options.quiet) return
      for (const written of result.written) {
        const size = written.path.endsWith('/') ? count(written.files, 'file') : count(written.bytes, 'byte')
        io.stderr.write(clean(`wrote ${path.join(options.out, written.path)} (${size})`) + '\n')
      }
    })
}
