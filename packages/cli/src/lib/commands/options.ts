import type {Command} from 'commander'
import type {BuildOptions} from '../build.js'
import type {Config} from '../config.js'
import {checkMetadata, collectMetadata} from '../metadata.js'
import type {Io} from '../run.js'
import {collect} from '../select.js'
import {parseSize} from '../size.js'

/** What to build, the same for `build`, `watch` and `preview`: editions, formats, paper, locale, metadata, size limit. */
export function withSelection(command: Command): Command {
  return command
    .option('-e, --edition <ids>', 'edition(s) to build, repeatable or comma-separated (default: all)', collect)
    .option('-f, --format <ids>', 'format(s) to build, repeatable or comma-separated (default: all)', collect)
    .option('-p, --paper <size>', "paper size for the PDF: A5, A4 or Letter (default: the edition's, else A5)")
    .option('-l, --locale <tag>', "language of the words around the text, a BCP 47 tag: fr (French) or en (English) (default: the edition's language)")
    .option(
      '-M, --metadata <key=value>',
      'set an edition field: title, subtitle, editor, language, publisher, rights, description, date (repeatable)',
      collectMetadata
    )
    .option('--max-file-size <size>', 'refuse corpus files larger than this (default 50MB)', parseSize)
}

/** The options `withSelection` declares, and the ones every building command has. */
export interface SelectionOptions {
  edition?: string[]
  paper?: string
  locale?: string
  metadata?: Record<string, string>
  maxFileSize?: number
  strict?: boolean
  cache: boolean
}

/** What to build, from the command line over the corpus's config file: the build options every building command shares. */
export async function selectionFrom(options: SelectionOptions, config: Config | undefined, io: Io): Promise<BuildOptions> {
  const metadata = {...config?.metadata, ...options.metadata}
  return {
    editions: options.edition,
    paper: options.paper ?? config?.paper,
    locale: options.locale ?? config?.locale,
    maxFileSize: options.maxFileSize,
    strict: options.strict ?? config?.strict,
    cache: options.cache,
    cwd: io.cwd,
    signal: io.signal,
    labels: config?.labels,
    ...(Object.keys(metadata).length > 0 ? {metadata: await checkMetadata(metadata)} : {})
  }
}
