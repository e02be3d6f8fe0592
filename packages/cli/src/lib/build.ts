/**
 * `build`: corpus in, files out, all or nothing. Everything is resolved and
 * rendered in memory; only a clean result is written.
 */
import path from 'node:path'
import process from 'node:process'
import {loadCorpus, resolveEdition, resolveLabels, toApparatusJson, UsageError, type Corpus} from '@samizdat/model'
import {papers} from '@samizdat/pdf'
import {editionIds, failOnErrors} from './corpus.js'
import {asFault, FaultError} from './faults.js'
import {formats, type Format, type RenderOptions} from './formats.js'
import {checkOutputNames, foreignError} from './out/messages.js'
import type {Planned} from './out/names.js'
import {assertApart, checkOut} from './out/place.js'
import {select} from './select.js'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {ForeignEntriesError, writeEntries, type Entry} from './write.js'

export interface BuildOptions {
  /** Corpus folder (default `corpus`), relative to `cwd`. */
  corpus?: string | undefined
  /** Output folder (default `dist`), relative to `cwd`. */
  out?: string | undefined
  /** Edition ids to build (default: all). */
  editions?: string[] | undefined
  /** Format ids to build (default: all registered). */
  formats?: string[] | undefined
  /** Build time given to adapters (default: from `SOURCE_DATE_EPOCH` if set, else now). */
  date?: Date | undefined
  /** Paper size for paged formats: `A5`, `A4` or `Letter` (default: each edition's own, else A5). */
  paper?: string | undefined
  /** Language of the words every format shows (a BCP 47 tag, e.g. `fr`; default: each edition's `language`). */
  locale?: string | undefined
  /** Folder relative paths resolve against (default: `process.cwd()`). */
  cwd?: string | undefined
  /** Largest corpus file read, in bytes (default: the model's, 50 MB). */
  maxFileSize?: number | undefined
  /** Aborting it (Ctrl-C) stops the build; the output folder is left as it was. */
  signal?: AbortSignal | undefined
  /** Every warning (content or writer) is an error: nothing is written if there is any. */
  strict?: boolean | undefined
}

/** One entry written into the output folder. */
export interface Written {
  edition: string
  format: string
  /** Path of the entry relative to the output folder; folders end in `/`. */
  path: string
  files: number
  bytes: number
}

export interface BuildResult {
  /** Every corpus file; may carry warnings. */
  files: Corpus['files']
  written: Written[]
}

/**
 * Build editions of a corpus. Throws `UsageError` for an unknown edition,
 * format or missing corpus, and `ContentError` (with the files and their
 * messages) when the content has errors — in both cases before writing anything.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd()
  const signal = options.signal
  const strict = options.strict ?? false
  const formatIds = select('format', options.formats, Object.keys(formats))
  const renderOptions: RenderOptions = {}
  // The one place a clock is read: adapters get the date injected. SOURCE_DATE_EPOCH makes builds reproducible.
  renderOptions.date = checkDate(options.date) ?? sourceDate() ?? new Date()
  if (options.paper !== undefined) {
    const wanted = options.paper
    const paper = papers.find((name) => name.toLowerCase() === wanted.toLowerCase()) ?? wanted
    renderOptions.paper = select('paper', [paper], [...papers])[0] as string
  }
  // A malformed tag is a usage error before anything is read.
  if (options.locale !== undefined) resolveLabels(options.locale)
  const shownOut = options.out ?? 'dist'
  const shownCorpus = options.corpus ?? 'corpus'
  const out = path.resolve(cwd, shownOut)
  await checkOut(out, shownOut, cwd)
  await assertApart(path.resolve(cwd, shownCorpus), out, {corpus: shownCorpus, out: shownOut})
  const corpus = await asFault(`Cannot load the corpus "${shownCorpus}"`, cwd, () =>
    loadCorpus(shownCorpus, {cwd, ...(options.maxFileSize === undefined ? {} : {maxFileSize: options.maxFileSize})})
  )
  // Before choosing editions: an edition whose file has errors is not in the corpus at all.
  failOnErrors(corpus, 'nothing was written')
  const ids = select('edition', options.editions, editionIds(corpus))
  const chosen = Object.values(formats).filter((format) => formatIds.includes(format.id))
  // Names first: two editions must not write one path, whatever the disk.
  const specs = corpus.editions.filter((spec) => ids.includes(spec.id))
  checkOutputNames(specs.flatMap((spec) => plan(spec.id, chosen).map((planned) => ({...planned, file: spec.file}))))
  failOnErrors(corpus, 'nothing was written')
  const editions = ids.map((id) => resolveEdition(corpus, id, options.locale === undefined ? {} : {locale: options.locale}))
  // Resolving leaves the corpus as read and hands its messages back: they join the corpus files' here.
  for (const edition of editions) for (const message of edition.messages) attach(corpus, undefined, message)
  failOnErrors(corpus, 'nothing was written')

  const entries: Array<Entry & {edition: string; format: string}> = []
  for (const edition of editions) {
    const id = edition.meta.id
    const spec = specs.find((candidate) => candidate.id === id)
    const report = (message: VFileMessage): void => attach(corpus, spec?.file, message)
    // The site offers the e-book and the PDF only when they are built with it, beside its folder.
    const downloads = chosen
      .filter((format) => format.id === 'epub' || format.id === 'pdf')
      .map((format) => ({format: format.id as 'epub' | 'pdf', href: path.posix.relative(formats['html']!.outputs(id), format.outputs(id))}))
    for (const format of chosen) {
      signal?.throwIfAborted()
      const own = format.id === 'html' && downloads.length > 0 ? {downloads} : {}
      const files = await asFault(`Cannot make the ${format.id} of edition "${id}"`, cwd, () => format.render(edition, {...renderOptions, ...own, report}))
      entries.push({edition: id, format: format.id, entry: format.outputs(id), files})
    }
    // Every build also publishes the apparatus as data, for other tools.
    const apparatus = apparatusEntry(id)
    const json = await asFault(`Cannot make the apparatus of edition "${id}"`, cwd, async () => `${JSON.stringify(toApparatusJson(edition), null, 2)}\n`)
    entries.push({edition: id, format: 'apparatus', entry: apparatus, files: [{path: apparatus, data: new TextEncoder().encode(json)}]})
  }
  // Adapters report what they cannot express on the corpus files too. With --strict, warnings stop the build
  // here, once every format has had its say, so that all of them are printed together.
  failOnErrors(corpus, 'nothing was written', strict)

  try {
    await asFault(`Cannot write into "${shownOut}"`, cwd, () => writeEntries(out, entries, {signal, shown: shownOut}))
  } catch (error) {
    if (error instanceof ForeignEntriesError) throw foreignError(error, out, cwd, corpus)
    if (error instanceof FaultError) throw new FaultError(`${error.message}; the previous output was kept`)
    throw error
  }
  return {
    files: corpus.files,
    written: entries.map(({edition, format, entry, files}) => ({
      edition,
      format,
      path: entry,
      files: files.length,
      bytes: files.reduce((sum, file) => sum + file.data.byteLength, 0)
    }))
  }
}

/**
 * An adapter's warning joins the messages of the corpus file it names (a work's), else of the edition's file,
 * so that it is printed and counted like every content message; each is told once.
 */
function attach(corpus: Corpus, fallback: VFile | undefined, message: VFileMessage): void {
  const named = message.file ? path.resolve(corpus.files[0]?.cwd ?? process.cwd(), message.file) : undefined
  const file = corpus.files.find((candidate) => candidate.path !== undefined && path.resolve(candidate.cwd, candidate.path) === named) ?? fallback
  if (!file) return
  const same = file.messages.some(
    (known) => known.reason === message.reason && known.line === message.line && known.column === message.column && known.ruleId === message.ruleId
  )
  if (same) return
  message.file = file.path
  file.messages.push(message)
}

/** The entries a build of edition `id` in `chosen` formats writes. */
function plan(id: string, chosen: readonly Format[]): Planned[] {
  return [
    ...chosen.map((format) => ({edition: id, format: format.id, entry: format.outputs(id)})),
    {edition: id, format: 'apparatus', entry: apparatusEntry(id)}
  ]
}

function apparatusEntry(id: string): string {
  return `${id}.apparatus.json`
}

/** Dates an EPUB and a PDF can carry: years 1 to 9999. */
function checkDate(date: Date | undefined, what = 'The build date'): Date | undefined {
  if (date === undefined) return undefined
  const year = date.getUTCFullYear()
  if (Number.isNaN(date.getTime()) || year < 1 || year > 9999) throw new UsageError(`${what} must be between the years 1 and 9999`)
  return date
}

/** `SOURCE_DATE_EPOCH` (seconds since 1970), the reproducible-builds convention. */
function sourceDate(): Date | undefined {
  const value = process.env['SOURCE_DATE_EPOCH']
  if (value === undefined || value === '') return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds, not "${value}"`)
  // Beyond 9999-12-31T23:59:59Z no EPUB or PDF date can say it.
  if (Number(value) > 253402300799) throw new UsageError(`SOURCE_DATE_EPOCH must be at most 253402300799 (the end of the year 9999), not ${value}`)
  return new Date(Number(value) * 1000)
}
