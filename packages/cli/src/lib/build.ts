/**
 * `build`: corpus in, files out, all or nothing. Everything is resolved and
 * rendered in memory; only a clean result is written.
 */
import {stat} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {loadCorpus, resolveEdition, toApparatusJson, UsageError, type Corpus} from '@samizdat/model'
import {editionIds, failOnErrors} from './corpus.js'
import {papers} from '@samizdat/pdf'
import {formats, type RenderOptions} from './formats.js'
import {select} from './select.js'
import {writeEntries, type Entry} from './write.js'

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
  /** Folder relative paths resolve against (default: `process.cwd()`). */
  cwd?: string | undefined
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
  const formatIds = select('format', options.formats, Object.keys(formats))
  const renderOptions: RenderOptions = {}
  // The one place a clock is read: adapters get the date injected. SOURCE_DATE_EPOCH makes builds reproducible.
  renderOptions.date = options.date ?? sourceDate() ?? new Date()
  if (options.paper !== undefined) {
    const wanted = options.paper
    const paper = papers.find((name) => name.toLowerCase() === wanted.toLowerCase()) ?? wanted
    renderOptions.paper = select('paper', [paper], [...papers])[0] as string
  }
  const out = path.resolve(cwd, options.out ?? 'dist')
  const outStats = await stat(out).catch(() => undefined)
  if (outStats && !outStats.isDirectory()) throw new UsageError(`Output folder "${options.out ?? 'dist'}" is not a folder`)
  const corpus = await loadCorpus(options.corpus ?? 'corpus', {cwd})
  // Before choosing editions: an edition whose file has errors is not in the corpus at all.
  failOnErrors(corpus, 'nothing was written')
  const ids = select('edition', options.editions, editionIds(corpus))
  const editions = ids.map((id) => resolveEdition(corpus, id))
  failOnErrors(corpus, 'nothing was written')


  const entries: Array<Entry & {edition: string; format: string}> = []
  const chosen = Object.values(formats).filter((format) => formatIds.includes(format.id))
  for (const edition of editions) {
    for (const format of chosen) {
      const files = await format.render(edition, renderOptions)
      entries.push({edition: edition.meta.id, format: format.id, entry: format.outputs(edition.meta.id), files})
    }
    // Every build also publishes the apparatus as data, for other tools.
    const apparatus = `${edition.meta.id}.apparatus.json`
    entries.push({edition: edition.meta.id, format: 'apparatus', entry: apparatus, files: [{path: apparatus, contents: `${JSON.stringify(toApparatusJson(edition), null, 2)}\n`}]})
  }
  // Adapters report what they cannot express on the corpus files too.
  failOnErrors(corpus, 'nothing was written')

  await writeEntries(out, entries)
  return {
    files: corpus.files,
    written: entries.map(({edition, format, entry, files}) => ({
      edition,
      format,
      path: entry,
      files: files.length,
      bytes: files.reduce((sum, file) => sum + Buffer.byteLength(file.contents), 0)
    }))
  }
}

/** `SOURCE_DATE_EPOCH` (seconds since 1970), the reproducible-builds convention. */
function sourceDate(): Date | undefined {
  const value = process.env['SOURCE_DATE_EPOCH']
  if (value === undefined || value === '') return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds, not "${value}"`)
  return new Date(Number(value) * 1000)
}
