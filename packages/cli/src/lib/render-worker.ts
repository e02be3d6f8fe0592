/**
 * The rendering thread (see threads.ts): loads the corpus as the main thread
 * does, in parallel, and then uses it only if it read the very files the main
 * thread sends (else it loads those), resolves it, makes one format
 * of each edition asked for, and posts each result as soon as it is made
 * (copied: a file's bytes may share a pooled buffer that must not be detached).
 */
import {once} from 'node:events'
import path from 'node:path'
import {parentPort, workerData} from 'node:worker_threads'
import {corpusFromFiles, loadCorpus, loadedFiles, resolveEdition, type CorpusFiles, type PageStart} from '@samizdat/model'
import type {VFileMessage} from 'vfile-message'
import {LayoutCache} from './cache/layout.js'
import {ParseCache} from './cache/parse.js'
import {WorkCache} from './cache/works.js'
import {editionIds} from './corpus.js'
import {formats, ownOptions, type RenderOptions} from './formats.js'
import {workerMakes, type CorpusData, type ErrorData, type Reply, type ThreadRequest, type WarningData} from './threads.js'

export type Place = VFileMessage['place']

const request = workerData as ThreadRequest
const post = (reply: Reply): void => parentPort?.postMessage(reply)

function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return {name: 'Error', message: String(error), stack: undefined}
  const fault = error as NodeJS.ErrnoException
  return {name: error.name, message: error.message, stack: error.stack, code: fault.code, errno: fault.errno, syscall: fault.syscall, path: fault.path}
}

async function main(): Promise<void> {
  const chosen = request.formats.map((id) => formats[id]).filter((format) => format !== undefined)
  const received = once(parentPort as NonNullable<typeof parentPort>, 'message') as Promise<[CorpusData]>
  // The formats' code loads, and the corpus is read and parsed, while the main thread does the same.
  // Only the formats it can be given (index 1: an edition it makes in any share): the PDF's worker loads no HTML or EPUB code.
  const formatLoaded = Promise.all(chosen.filter((format) => workerMakes(request.share, 1, format.id)).map((format) => format.load()))
  // Awaited below, once the corpus is read: a failure meanwhile is not an unhandled rejection.
  formatLoaded.catch(() => undefined)
  const maxFileSize = request.maxFileSize === undefined ? {} : {maxFileSize: request.maxFileSize}
  // The main thread prunes it, once the build is written.
  const parseCache = request.cache === undefined ? undefined : new ParseCache(request.cache)
  const layouts = request.cache === undefined ? undefined : new LayoutCache(request.cache)
  const works = request.cache === undefined ? undefined : new WorkCache(request.cache, 'works')
  const chapters = request.cache === undefined ? undefined : new WorkCache(request.cache, 'chapters')
  const fromDisk = await loadCorpus(request.corpus, {cwd: request.cwd, ...maxFileSize, ...(parseCache ? {parseCache} : {})}).catch(() => undefined)
  const [sent] = await received
  await formatLoaded
  // What this thread read must be what the main thread read; if a file changed in between, the main thread's files win.
  const corpus =
    fromDisk && sameFiles(loadedFiles(fromDisk), sent.files)
      ? fromDisk
      : await corpusFromFiles(sent.files, {dir: sent.dir, cwd: path.resolve(request.cwd), ...maxFileSize})
  // None named: every edition, as the main thread chooses them.
  const ids = request.editions ?? editionIds(corpus)
  if (request.metadata !== undefined) for (const spec of corpus.editions) if (ids.includes(spec.id)) Object.assign(spec, request.metadata)
  const resolveOptions = {...(request.locale === undefined ? {} : {locale: request.locale}), ...(request.labels === undefined ? {} : {labels: request.labels})}
  for (const [index, id] of ids.entries()) {
    const mine = chosen.filter((format) => workerMakes(request.share, index, format.id))
    if (mine.length === 0) continue
    let edition: ReturnType<typeof resolveEdition>
    try {
      edition = resolveEdition(corpus, id, resolveOptions)
    } catch (error) {
      for (const format of mine) post({type: 'error', edition: id, format: format.id, error: errorData(error)})
      continue
    }
    for (const format of mine) {
      try {
        const warnings: WarningData[] = []
        const report = (message: VFileMessage): void =>
          void warnings.push({reason: message.reason, ruleId: message.ruleId, source: message.source, file: message.file || undefined, place: message.place})
        const options: RenderOptions = {date: new Date(request.date), report, ...ownOptions(format.id, id, chosen)}
        if (request.paper !== undefined) options.paper = request.paper
        if (request.booklet !== undefined) options.booklet = request.booklet
        if (layouts) options.layouts = layouts
        if (works) options.works = works
        if (chapters) options.chapters = chapters
        // The PDF tells where its pages start, for the EPUB's page-list made on the main thread.
        let pages: PageStart[] | undefined
        if (format.id === 'pdf') options.pageStarts = (starts) => (pages = starts)
        const files = await format.render(edition, options)
        // What this thread added to the stages' caches goes with its results: the main thread writes it if the build is written.
        const cache = {
          parse: parseCache?.folder.drain() ?? [],
          layout: layouts?.folder.drain() ?? [],
          works: works?.folder.drain() ?? [],
          chapters: chapters?.folder.drain() ?? []
        }
        post({type: 'done', edition: id, format: format.id, files, warnings, pages, cache})
      } catch (error) {
        post({type: 'error', edition: id, format: format.id, error: errorData(error)})
      }
    }
  }
}

function sameFiles(ours: CorpusFiles, theirs: CorpusFiles): boolean {
  const names = Object.keys(ours)
  if (names.length !== Object.keys(theirs).length) return false
  return names.every((name) => {
    const [a, b] = [ours[name], theirs[name]]
    return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.compare(a, b) === 0
  })
}

try {
  await main()
} catch (error) {
  post({type: 'error', edition: undefined, format: undefined, error: errorData(error)})
}
