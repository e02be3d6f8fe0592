/**
 * `build`: corpus in, files out, all or nothing. Everything is resolved and
 * rendered in memory; only a clean result is written.
 */
import path from 'node:path'
import process from 'node:process'
import {
  corpusFromFiles,
  loadCorpus,
  loadedFiles,
  resolveEdition,
  resolveLabels,
  toApparatusJson,
  UsageError,
  writerWarning,
  type Corpus,
  type LabelOverrides,
  type PageStart,
  type ResolvedEdition
} from '@samizdat/model'
import {editionIds, failOnErrors, lastToHold} from './corpus.js'
import {Fingerprint} from './cache/fingerprint.js'
import type {StageStats} from './cache/entries.js'
import {newStages, type BuildLoop} from './loop/kept.js'
import {cacheDir, OutputCache, outputKey} from './cache/store.js'
import {asFault, FaultError} from './faults.js'
import {formats, ownOptions, type BookletRequest, type Format, type OutputFile, type RenderOptions} from './formats.js'
import {checkOutputNames, foreignError} from './out/messages.js'
import type {Planned} from './out/names.js'
import {checkFile, writeFileAtomic} from './out/file.js'
import {assertApart, checkOut} from './out/place.js'
import type {MetadataPatch} from './metadata.js'
import {select} from './select.js'
import {shareOf, startRenderThread, threadCount, workerMakes, type RenderThread, type Share, type WarningData, type WorkerEntries} from './threads.js'
import {stdinDir, stdinName} from './stdin.js'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {faultScope} from './out/seam.js'
import {ForeignEntriesError, writeEntries, type Entry} from './write.js'
import {trace} from './trace.js'
import {TreeRecorder} from './shared-trees.js'
import {collectWhileWaiting} from './idle-gc.js'

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
  /** Environment read for `SOURCE_DATE_EPOCH` (and tests' `SAMIZDAT_TEST_FAULT`); default: the process's. */
  env?: Readonly<Record<string, string | undefined>> | undefined
  /** Paper size for paged formats: `A5`, `A4` or `Letter` (default: each edition's own, else A5). */
  paper?: string | undefined
  /** Also the PDF imposed as a booklet, `<edition>.booklet.pdf` (`--booklet`, `--marks`, `--signature`). */
  booklet?: BookletRequest | undefined
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
  /**
   * Threads to render on (default: the cores available, for a corpus of more than 64 KB of Markdown; one for a
   * smaller one, where a worker's start-up costs more than it saves). With more than one, the PDF is made on a
   * worker thread while the main thread makes the other formats; the bytes are the same either way.
   */
  threads?: number | undefined
  /**
   * Reuse each edition's format from `.samizdat-cache/` beside the output folder when its resolved edition,
   * options and code are those it was made from (the CLI's default; `--no-cache` turns it off). Default: false.
   */
  cache?: boolean | undefined
  /**
   * One Markdown document to build instead of a corpus folder (what `samizdat build -` reads from stdin); its
   * edition is named `stdin` and its messages name the file `<stdin>`.
   */
  input?: string | undefined
  /**
   * Write the one output of the build to this file (relative to `cwd`) instead of into `out`: exactly one
   * edition and one single-file format (epub or pdf) must be chosen; no apparatus JSON is written.
   */
  file?: string | undefined
  /** Hand the one output of the build to this sink (`-o -`: stdout) instead of writing it; as for `file`. */
  sink?: ((data: Uint8Array) => void | Promise<void>) | undefined
  /** Edition fields to set on every edition built (`-M`), already checked (`checkMetadata`). */
  metadata?: MetadataPatch | undefined
  /** Words to use instead of the locale's (the config file's `labels`). */
  labels?: LabelOverrides | undefined
  /** Told as the build goes: the plan, each edition's format started and done. */
  onProgress?: ((event: Progress) => void) | undefined
}

/** What a build tells `onProgress`. */
export type Progress =
  | {type: 'plan'; tasks: Array<{edition: string; format: string}>}
  | {type: 'start'; edition: string; format: string}
  | {type: 'done'; edition: string; format: string; ms: number}
  | {type: 'write'}

/** One entry written into the output folder. */
export interface Written {
  edition: string
  format: string
  /** Path of the entry relative to the output folder; folders end in `/`. */
  path: string
  files: number
  bytes: number
  /** Taken from the cache, not made again (see `BuildOptions.cache`). */
  cached: boolean
  /** Time spent rendering it, in milliseconds. */
  ms: number
}

export interface BuildResult {
  /** Every corpus file; may carry warnings. */
  files: Corpus['files']
  written: Written[]
  /** Threads the formats were made on: 2 when the PDF was made on a worker thread, else 1. */
  threads: number
  /**
   * With `cache`: what this thread did with each stage's cache: works' trees parsed (`made`) or read back
   * (`reused`), works' PDF layouts the same (on the worker thread, when the PDF is made there: not counted here),
   * works' web page bodies and EPUB chapters (`works`) the same, and the EPUB's chapters' zip entries (`chapters`).
   */
  stages?: {parse: StageStats; layout: StageStats; works: StageStats; chapters: StageStats}
}

/**
 * Build editions of a corpus. Throws `UsageError` for an unknown edition,
 * format or missing corpus, and `ContentError` (with the files and their
 * messages) when the content has errors — in both cases before writing anything.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  return buildIn(options, undefined)
}

/** `build`, in a loop that keeps its worker and its stages' entries between builds (`watch`). */
export async function buildIn(options: BuildOptions, loop: BuildLoop | undefined): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd()
  const formatIds = select('format', options.formats, Object.keys(formats))
  const renderOptions: RenderOptions = {}
  // The one place a clock is read: adapters get the date injected. SOURCE_DATE_EPOCH makes builds reproducible.
  const env = options.env ?? process.env
  const given = checkDate(options.date) ?? sourceDate(env)
  renderOptions.date = given ?? new Date()
  if (options.paper !== undefined) {
    const wanted = options.paper
    // The PDF adapter (pdfkit, fonts) loads only when a paper is named or a PDF is made.
    const {papers} = await import('@samizdat/pdf')
    const paper = papers.find((name) => name.toLowerCase() === wanted.toLowerCase()) ?? wanted
    renderOptions.paper = select('paper', [paper], [...papers])[0] as string
  }
  if (options.booklet) renderOptions.booklet = checkBooklet(options.booklet)
  // A malformed tag is a usage error before anything is read.
  if (options.locale !== undefined) resolveLabels(options.locale)
  const shownOut = options.file ?? options.out ?? 'dist'
  const shownCorpus = options.input === undefined ? (options.corpus ?? 'corpus') : '-'
  const single = options.file !== undefined || options.sink !== undefined
  const out = path.resolve(cwd, shownOut)
  if (options.file !== undefined) await checkFile(out, shownOut)
  else if (options.sink === undefined) await checkOut(out, shownOut, cwd)
  if (options.input === undefined && options.sink === undefined) {
    await assertApart(path.resolve(cwd, shownCorpus), out, {corpus: shownCorpus, out: shownOut}, single ? 'Output file' : 'Output folder')
  }
  const share = shareOf(formatIds)
  // The stages' caches serve both threads; the outputs' cache is the main thread's.
  const cached = options.cache && !single && options.input === undefined ? cacheDir(out) : undefined
  // A corpus read from stdin exists only on this thread: it stays here.
  const parallel = options.input === undefined && threadCount(options.threads, path.resolve(cwd, shownCorpus)) >= 2
  // The PDFs' worker starts now: it loads its code while this thread loads the corpus. One that takes every other
  // edition starts once the editions are known (below): with one edition it has nothing to do.
  const threads: Threads = {
    parallel,
    progress: parallel ? new Int32Array(new SharedArrayBuffer(4)) : undefined,
    current: undefined,
    later: (editions: number) =>
      parallel && editions > 1 ? startThread(options, share, formatIds, renderOptions, cwd, cached, threads.progress, loop) : undefined
  }
  if (parallel && share === 'pdf') threads.current = startThread(options, share, formatIds, renderOptions, cwd, cached, threads.progress, loop)
  let finished = false
  try {
    const result = await buildWith(options, threads, formatIds, renderOptions, {
      shownCorpus,
      shownOut,
      out,
      cwd,
      single,
      dated: given !== undefined,
      cached,
      loop
    })
    finished = true
    return result
  } finally {
    await threads.current?.stop(finished)
  }
}

/** The worker of a build, if any: started at once, or `later` when the editions are known. */
interface Threads {
  /** Whether the build may use a worker: the corpus is worth it, and there are cores for it. */
  parallel: boolean
  /** With a worker, how many works this thread has loaded (the worker helps parse until it is nearly done). */
  progress: Int32Array | undefined
  current: RenderThread | undefined
  later(editions: number): RenderThread | undefined
}

/**
 * A worker when there are two threads: it makes the PDFs when this thread has other formats to make meanwhile,
 * else every other edition (see `shareOf`).
 */
function startThread(
  options: BuildOptions,
  share: Share,
  formatIds: string[],
  renderOptions: RenderOptions,
  cwd: string,
  cache: string | undefined,
  progress: Int32Array | undefined,
  loop: BuildLoop | undefined
): RenderThread {
  return startRenderThread(
    {
      corpus: path.resolve(cwd, options.corpus ?? 'corpus'),
      progress,
      cwd,
      maxFileSize: options.maxFileSize,
      locale: options.locale,
      labels: options.labels,
      metadata: options.metadata,
      date: (renderOptions.date as Date).getTime(),
      paper: renderOptions.paper,
      booklet: renderOptions.booklet,
      formats: formatIds,
      share,
      editions: options.editions,
      cache,
      loop: loop !== undefined
    },
    options.signal,
    loop?.worker
  )
}

async function buildWith(
  options: BuildOptions,
  threads: Threads,
  formatIds: string[],
  renderOptions: RenderOptions,
  {
    shownCorpus,
    shownOut,
    out,
    cwd,
    single,
    dated,
    cached: cacheFolder,
    loop
  }: {shownCorpus: string; shownOut: string; out: string; cwd: string; single: boolean; dated: boolean; cached: string | undefined; loop: BuildLoop | undefined}
): Promise<BuildResult> {
  const signal = options.signal
  const strict = options.strict ?? false
  const maxFileSize = options.maxFileSize === undefined ? {} : {maxFileSize: options.maxFileSize}
  // A loop's are kept between its builds, with their entries in memory.
  const stages = cacheFolder === undefined ? undefined : (loop?.stages(cacheFolder) ?? newStages(cacheFolder))
  const {parse: parseCache, layouts, works, chapters} = stages ?? {}
  /** The worker's new entries, written with this thread's once the build is. */
  const adopt = (entries: WorkerEntries): void => {
    layouts?.folder.adopt(entries.layout)
    works?.folder.adopt(entries.works)
    chapters?.folder.adopt(entries.chapters)
  }
  // With a worker, the trees parsed here are kept for it: it does not parse them again.
  const trees = threads.parallel ? new TreeRecorder(parseCache, threads.progress) : parseCache
  // A worker started already parses works from the last meanwhile: this thread takes the trees it sends.
  if (trees instanceof TreeRecorder) threads.current?.onTrees((sent) => trees.help(sent))
  trace('load')
  const corpus =
    options.input === undefined
      ? await asFault(`Cannot load the corpus "${shownCorpus}"`, cwd, () =>
          loadCorpus(shownCorpus, {cwd, ...maxFileSize, ...(trees ? {parseCache: trees} : {})})
        )
      : await corpusFromFiles({[stdinName]: options.input}, {dir: stdinDir, ...maxFileSize})
  trace(`loaded${trees instanceof TreeRecorder ? ` (${trees.helpedWith} trees from the worker)` : ''}`)
  threads.current?.onTrees(undefined)
  // Before choosing editions: an edition whose file has errors is not in the corpus at all.
  failOnErrors(corpus, 'nothing was written')
  // The worker renders what this thread read (not what is on the disk by now), from the trees parsed here.
  const send = (thread: RenderThread | undefined): void =>
    thread?.send({dir: corpus.dir, files: loadedFiles(corpus), trees: trees instanceof TreeRecorder ? trees.take() : []})
  send(threads.current)
  const ids = select('edition', options.editions, editionIds(corpus))
  if (threads.current === undefined && !single) {
    threads.current = threads.later(ids.length)
    send(threads.current)
  }
  const thread = threads.current
  const chosen = Object.values(formats).filter((format) => formatIds.includes(format.id))
  if (single) checkSingle(ids, chosen, options.file === undefined ? 'standard output' : `"${shownOut}"`)
  if (options.metadata !== undefined) for (const spec of corpus.editions) if (ids.includes(spec.id)) Object.assign(spec, options.metadata)
  // Names first: two editions must not write one path, whatever the disk.
  const specs = corpus.editions.filter((spec) => ids.includes(spec.id))
  checkOutputNames(specs.flatMap((spec) => plan(spec.id, chosen, renderOptions).map((planned) => ({...planned, file: spec.file}))))
  failOnErrors(corpus, 'nothing was written')
  const resolveOptions = {...(options.locale === undefined ? {} : {locale: options.locale}), ...(options.labels === undefined ? {} : {labels: options.labels})}
  // The corpus's trees are read no more once each work's last edition has them: that one takes them uncloned.
  const editions = ids.map((id, index) => resolveEdition(corpus, id, {...resolveOptions, takeTrees: lastToHold(corpus, id, ids.slice(index + 1))}))
  // Resolving leaves the corpus as read and hands its messages back: they join the corpus files' here.
  for (const edition of editions) for (const message of edition.messages) attach(corpus, undefined, message)
  failOnErrors(corpus, 'nothing was written')
  trace('resolved')

  const progress = options.onProgress
  progress?.({type: 'plan', tasks: editions.flatMap((edition) => chosen.map((format) => ({edition: edition.meta.id, format: format.id})))})
  const entries: Array<Entry & {edition: string; format: string; ms: number}> = []
  // Each format's warnings are kept and attached in the one order (edition, then format), wherever it was made.
  const jobs: Array<{edition: string; format: Format; files: Promise<OutputFile[]>; warnings: VFileMessage[]; ms: () => number; key?: string}> = []
  const cache = options.cache && !single ? new OutputCache(out) : undefined
  const keys = cache ? cacheKeys(editions, chosen, renderOptions, options.locale, dated) : new Map<string, string>()
  const cached = new Map<string, Awaited<ReturnType<OutputCache['get']>>>()
  for (const [slot, key] of keys) cached.set(slot, await cache?.get(slot, key))
  const share = shareOf(formatIds)
  const onWorker = (index: number, format: string): boolean => thread !== undefined && workerMakes(share, index, format)
  // The EPUB's page-list comes from the PDF's layout: an EPUB made again needs the PDF made again (the PDF's
  // cache entry keeps its files, not where its pages start).
  for (const edition of editions) {
    const id = edition.meta.id
    if (paged(chosen) && cached.get(`${id}.pdf`) && !cached.get(`${id}.epub`)) cached.delete(`${id}.pdf`)
  }
  // Everything the worker would make is in the cache: its work is not needed.
  const allCached = editions.every((edition, index) => chosen.every((format) => !onWorker(index, format.id) || cached.get(`${edition.meta.id}.${format.id}`)))
  // (A loop's worker is kept: told to make nothing, it is idle again at once.)
  if (thread && allCached && loop === undefined) await thread.stop()
  // What it would make that the cache has, the worker does not make (a loop waits for its worker to be done).
  else
    thread?.skip(
      editions.flatMap((edition, index) =>
        chosen
          .filter((format) => onWorker(index, format.id) && cached.get(`${edition.meta.id}.${format.id}`))
          .map((format) => `${edition.meta.id}.${format.id}`)
      )
    )
  // The PDF of each edition, once: the EPUB built with it waits for its page starts (made first on this thread).
  const pdfs = new Map<string, Promise<{files: OutputFile[]; pages: PageStart[]}>>()
  const pdfWarnings = new Map<string, VFileMessage[]>()
  /** When each PDF began to be made: its time counts from there, not from its turn in the loop. */
  const pdfBegun = new Map<string, number>()
  const makePdf = (edition: ResolvedEdition, index: number, doing: string): Promise<{files: OutputFile[]; pages: PageStart[]}> => {
    const id = edition.meta.id
    const known = pdfs.get(id)
    if (known) return known
    const warnings: VFileMessage[] = []
    pdfWarnings.set(id, warnings)
    pdfBegun.set(id, performance.now())
    let pages: PageStart[] = []
    const made =
      thread && onWorker(index, 'pdf')
        ? asFault(doing, cwd, () => thread.result(id, 'pdf')).then(
            // Its page starts came before it (see `pagesOf`).
            (rendered) => (adopt(rendered.cache), warnings.push(...rendered.warnings.map(revive)), {files: rendered.files, pages: []})
          )
        : asFault(doing, cwd, () =>
            (formats['pdf'] as Format).render(edition, {
              ...renderOptions,
              ...ownOptions('pdf', id, chosen),
              report: (message) => void warnings.push(message),
              pageStarts: (starts) => (pages = starts),
              ...(layouts ? {layouts} : {})
            })
          ).then((files) => ({files, pages}))
    made.catch(() => undefined)
    pdfs.set(id, made)
    return made
  }
  /** Where the pages of an edition's PDF start: from the worker as soon as it is laid out, else once it is made here. */
  const pagesOf = (edition: ResolvedEdition, index: number): Promise<PageStart[]> => {
    const id = edition.meta.id
    const doing = `Cannot make the pdf of edition "${id}"`
    if (thread && onWorker(index, 'pdf')) return asFault(doing, cwd, () => thread.pages(id))
    return makePdf(edition, index, doing).then((made) => made.pages)
  }
  // The worker's PDFs are under way from the start: their time counts from here.
  for (const [index, edition] of editions.entries()) {
    const id = edition.meta.id
    if (thread && onWorker(index, 'pdf') && chosen.some((format) => format.id === 'pdf') && !cached.get(`${id}.pdf`))
      makePdf(edition, index, `Cannot make the pdf of edition "${id}"`)
  }
  for (const [index, edition] of editions.entries()) {
    const id = edition.meta.id
    for (const format of chosen) {
      const own = ownOptions(format.id, id, chosen)
      const warnings: VFileMessage[] = []
      const report = (message: VFileMessage): void => void warnings.push(message)
      const doing = `Cannot make the ${format.id} of edition "${id}"`
      const slot = `${id}.${format.id}`
      const hit = cached.get(slot)
      let started = performance.now()
      let ended: number | undefined
      const done = (): void => {
        ended = performance.now()
        trace(`${format.id} done`)
        progress?.({type: 'done', edition: id, format: format.id, ms: ended - started})
      }
      progress?.({type: 'start', edition: id, format: format.id})
      trace(`${format.id} start`)
      let files: Promise<OutputFile[]>
      if (hit) {
        warnings.push(...hit.warnings.map(revive))
        files = Promise.resolve(hit.files)
        done()
      } else if (format.id === 'pdf') {
        // On the worker, waited for below once this thread has made the rest; or here (made already when the EPUB needed it).
        const local = !onWorker(index, 'pdf')
        if (local) signal?.throwIfAborted()
        const made = makePdf(edition, index, doing)
        started = pdfBegun.get(id) ?? started
        files = made.then((rendered) => (done(), warnings.push(...(pdfWarnings.get(id) ?? [])), rendered.files))
        files.catch(() => undefined)
        if (local) await made
      } else if (thread && onWorker(index, format.id)) {
        // Made on the worker: waited for below, once this thread has made the rest.
        files = asFault(doing, cwd, () => thread.result(id, format.id)).then(
          (rendered) => (done(), adopt(rendered.cache), warnings.push(...rendered.warnings.map(revive)), rendered.files)
        )
        files.catch(() => undefined)
      } else if (format.id === 'epub' && paged(chosen)) {
        signal?.throwIfAborted()
        // The EPUB renders its works' chapters while the PDF is laid out, and asks for the page starts after them
        // (a failed PDF's error, already its own, goes through the EPUB's as it is).
        const pages = async (): Promise<PageStart[]> => {
          const asked = performance.now()
          const told = pagesOf(edition, index)
          if (thread && onWorker(index, 'pdf') && !(await settled(told))) collectWhileWaiting()
          const starts = await told
          trace('epub has pages')
          // The EPUB's own time leaves out the wait for the page starts (or the PDF made here meanwhile).
          started += performance.now() - asked
          return starts
        }
        files = Promise.resolve(
          await asFault(doing, cwd, () =>
            format.render(edition, {...renderOptions, ...own, report, pages, ...(works ? {works} : {}), ...(chapters ? {chapters} : {})})
          )
        )
        done()
      } else {
        signal?.throwIfAborted()
        files = Promise.resolve(
          await asFault(doing, cwd, () =>
            format.render(edition, {...renderOptions, ...own, report, ...(works ? {works} : {}), ...(chapters ? {chapters} : {})})
          )
        )
        done()
      }
      const key = hit ? undefined : keys.get(slot)
      jobs.push({edition: id, format, files, warnings, ms: () => (ended ?? performance.now()) - started, ...(key === undefined ? {} : {key})})
    }
  }
  // This thread's formats are made: if it waits for the worker's, its garbage goes first.
  if (thread && !(await Promise.all(jobs.map((job) => settled(job.files)))).every(Boolean)) collectWhileWaiting()
  for (const edition of editions) {
    const id = edition.meta.id
    const spec = specs.find((candidate) => candidate.id === id)
    for (const job of jobs.filter((candidate) => candidate.edition === id)) {
      const files = await job.files
      for (const message of job.warnings) attach(corpus, spec?.file, message)
      // A format's extra entries (the booklet) take the files named after them; its own entry, the rest.
      const extra = job.format.extraOutputs?.(id, renderOptions) ?? []
      entries.push({edition: id, format: job.format.id, entry: job.format.outputs(id), files: files.filter((file) => !extra.includes(file.path)), ms: job.ms()})
      for (const entry of extra) entries.push({edition: id, format: job.format.id, entry, files: files.filter((file) => file.path === entry), ms: 0})
    }
    if (single) continue
    // Every build also publishes the apparatus as data, for other tools.
    const apparatus = apparatusEntry(id)
    const json = await asFault(`Cannot make the apparatus of edition "${id}"`, cwd, async () => `${JSON.stringify(toApparatusJson(edition), null, 2)}\n`)
    entries.push({edition: id, format: 'apparatus', entry: apparatus, files: [{path: apparatus, data: new TextEncoder().encode(json)}], ms: 0})
  }
  // Adapters report what they cannot express on the corpus files too. With --strict, warnings stop the build
  // here, once every format has had its say, so that all of them are printed together.
  failOnErrors(corpus, 'nothing was written', strict)

  trace('all made')
  progress?.({type: 'write'})
  if (single) {
    const data = (entries[0]?.files[0] as OutputFile).data
    if (options.sink !== undefined) await options.sink(data)
    else await asFault(`Cannot write "${shownOut}"`, cwd, () => writeFileAtomic(out, data, signal))
  } else {
    try {
      await asFault(`Cannot write into "${shownOut}"`, cwd, () =>
        faultScope(options.env ?? process.env, () => writeEntries(out, entries, {signal, shown: shownOut}))
      )
    } catch (error) {
      if (error instanceof ForeignEntriesError) throw foreignError(error, out, cwd, corpus)
      if (error instanceof FaultError) throw new FaultError(`${error.message}; the previous output was kept`)
      throw error
    }
  }
  trace('written')
  // Only what was written is kept for next time: a failed build leaves no trace, not even in the cache.
  for (const job of jobs) {
    if (!cache || job.key === undefined) continue
    const warnings = job.warnings.map((message) => ({
      reason: message.reason,
      ruleId: message.ruleId,
      source: message.source,
      file: message.file || undefined,
      place: message.place
    }))
    await cache.put(`${job.edition}.${job.format.id}`, job.key, {files: await job.files, warnings})
  }
  // Both threads are done with the stages' entries: written now, and the least recently used go past the limit.
  for (const folder of [parseCache?.folder, layouts?.folder, works?.folder, chapters?.folder]) {
    folder?.flush()
    folder?.prune(stageLimit)
  }
  return {
    files: corpus.files,
    threads: thread ? 2 : 1,
    ...(parseCache && layouts && works && chapters
      ? {stages: {parse: {...parseCache.folder.stats}, layout: {...layouts.folder.stats}, works: {...works.folder.stats}, chapters: {...chapters.folder.stats}}}
      : {}),
    written: entries.map(({edition, format, entry, files, ms}) => ({
      edition,
      format,
      path: single ? shownOut : entry,
      ms,
      files: files.length,
      bytes: files.reduce((sum, file) => sum + file.data.byteLength, 0),
      cached: cached.get(`${edition}.${format}`) !== undefined
    }))
  }
}

/** Whether `promise` has settled (a rejection counts: it is told where it is awaited). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending')
  return (await Promise.race([promise.catch(() => undefined), Promise.resolve(pending)])) !== pending
}

/** The most a stage's entries (parsed trees, PDF layouts) may take on disk, each: a few books' worth. */
const stageLimit = 512 * 1024 * 1024

/** Each edition's format's cache key, by `<edition>.<format>`: the resolved edition's fingerprint and the options every writer gets. */
// A date that is the clock's ("now") is left out of the key: an output from the cache keeps the date it was made
// at, as with make; a date that was asked for (SOURCE_DATE_EPOCH, `date`) is part of it, so that such builds are
// byte for byte what a clean build gives.
function cacheKeys(
  editions: readonly ResolvedEdition[],
  chosen: readonly Format[],
  renderOptions: RenderOptions,
  locale: string | undefined,
  dated: boolean
): Map<string, string> {
  const keys = new Map<string, string>()
  for (const edition of editions) {
    const fingerprint = new Fingerprint().add(edition).digest()
    const options = {
      date: dated ? renderOptions.date?.getTime() : 'now',
      paper: renderOptions.paper ?? null,
      locale: locale ?? null,
      booklet: renderOptions.booklet ?? null
    }
    // The site links the EPUB and PDF built with it: which ones is part of what it was made from.
    const downloads = chosen.filter((format) => format.id === 'epub' || format.id === 'pdf').map((format) => format.id)
    for (const format of chosen) {
      // The EPUB's page-list follows the PDF built with it: its pages depend on the PDF's options (paper).
      const own = format.id === 'html' ? {...options, downloads} : format.id === 'epub' ? {...options, paged: paged(chosen)} : options
      keys.set(`${edition.meta.id}.${format.id}`, outputKey({edition: fingerprint, format: format.id, options: own}))
    }
  }
  return keys
}

/** The EPUB gets a page-list when the PDF is built with it (see the EPUB's README). */
function paged(chosen: readonly Format[]): boolean {
  return chosen.some((format) => format.id === 'epub') && chosen.some((format) => format.id === 'pdf')
}

/** A warning made on the worker thread, as the writer made it. */
function revive(data: WarningData): VFileMessage {
  return writerWarning(data.reason, {ruleId: data.ruleId ?? 'samizdat', source: data.source, file: data.file, place: data.place})
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

/** `-o FILE` and `-o -` take exactly one output: one edition in one single-file format. */
function checkSingle(ids: readonly string[], chosen: readonly Format[], target: string): void {
  const advice = 'choose one with --edition and --format, or give -o a folder'
  if (ids.length !== 1) throw new UsageError(`${target} takes one output, but ${ids.length} editions would be built (${ids.join(', ')}); ${advice}`)
  if (chosen.length !== 1)
    throw new UsageError(`${target} takes one output, but ${chosen.length} formats would be built (${chosen.map((format) => format.id).join(', ')}); ${advice}`)
  const format = chosen[0] as Format
  if (format.outputs(ids[0] as string).endsWith('/'))
    throw new UsageError(`The ${format.id} format is a folder (a page per work, fonts, images), not one file; give -o a folder for it`)
}

/** The entries a build of edition `id` in `chosen` formats writes. */
function plan(id: string, chosen: readonly Format[], renderOptions: RenderOptions): Planned[] {
  return [
    ...chosen.flatMap((format) => entryNames(format, id, renderOptions).map((entry) => ({edition: id, format: format.id, entry}))),
    {edition: id, format: 'apparatus', entry: apparatusEntry(id)}
  ]
}

function entryNames(format: Format, id: string, renderOptions: RenderOptions): string[] {
  return [format.outputs(id), ...(format.extraOutputs?.(id, renderOptions) ?? [])]
}

/** A signature holds a multiple of 4 pages: said before anything is read. */
function checkBooklet(booklet: BookletRequest): BookletRequest {
  const {signature} = booklet
  if (signature !== undefined && (!Number.isInteger(signature) || signature < 4 || signature % 4 !== 0)) {
    throw new UsageError(`A signature holds a multiple of 4 pages (4, 8, 12, 16…), not ${signature}`)
  }
  return booklet
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
function sourceDate(env: Readonly<Record<string, string | undefined>>): Date | undefined {
  const value = env['SOURCE_DATE_EPOCH']
  if (value === undefined || value === '') return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds, not "${value}"`)
  // Beyond 9999-12-31T23:59:59Z no EPUB or PDF date can say it.
  if (Number(value) > 253402300799) throw new UsageError(`SOURCE_DATE_EPOCH must be at most 253402300799 (the end of the year 9999), not ${value}`)
  return new Date(Number(value) * 1000)
}
