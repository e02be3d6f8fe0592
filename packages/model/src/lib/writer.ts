/**
 * The writer contract every output adapter follows (`toHtml`, `toEpub`,
 * `toPdf`): a resolved edition and options in, files in memory out. One
 * shape, so a caller (the CLI, a build tool) treats every format alike.
 */
import type {VFileMessage} from 'vfile-message'
import {VFileMessage as Message} from 'vfile-message'
import {escapeControls, type Place} from './message.js'
import type {ResolvedEdition} from './types.js'

/** Options every writer takes; each format adds its own. */
export interface WriterOptions {
  /**
   * Build time, for formats that stamp one. The CLI takes it from
   * `SOURCE_DATE_EPOCH`; default: the edition's date, else 1970-01-01. Never the clock.
   */
  date?: Date | undefined
  /** BCP 47 tag of the language of the output's own words (labels); default: the edition's language. */
  locale?: string | undefined
  /**
   * Told of what the output leaves out or cannot express (a remote image, raw
   * HTML dropped): warnings with a `ruleId`, the corpus file and the node's
   * place when it has one. Nothing is thrown for these; without `report` they are not told.
   */
  report?: Reporter | undefined
}

/** Where a writer's warnings go. */
export type Reporter = (message: VFileMessage) => void

/** One file a writer makes: its path relative to the output folder (POSIX separators), its bytes. */
export interface OutputFile {
  path: string
  data: Uint8Array
}

/** A writer: the same signature for every format. */
export type Writer<Options extends WriterOptions = WriterOptions> = (edition: ResolvedEdition, options?: Options) => Promise<OutputFile[]>

export interface WarningOptions {
  ruleId: string
  /** Who says it: `samizdat` or the adapter's name. */
  source?: string | undefined
  /** The corpus file the node comes from (`ResolvedWork.file.path`); none for generated pages. */
  file?: string | undefined
  /** The node's place in that file. */
  place?: Place
}

/** A writer's warning, as every writer reports it (see `WriterOptions.report`). */
export function writerWarning(reason: string, options: WarningOptions): VFileMessage {
  const message = new Message(escapeControls(reason), {place: options.place, ruleId: options.ruleId, source: options.source ?? 'samizdat'})
  if (options.file !== undefined) message.file = options.file
  message.fatal = false
  return message
}
