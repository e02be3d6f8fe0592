/**
 * The rendering thread (see threads.ts): loads its code while the main thread
 * loads the corpus, helps it parse (from the last work) until it sends the
 * files and trees it loaded the corpus from; loads the corpus from those (it
 * parses nothing again), resolves it, makes its formats of each edition asked
 * for, and posts each result as soon as it is made, and a PDF's page starts as
 * soon as it is laid out (copied: a file's bytes may share a pooled buffer
 * that must not be detached).
 */
import {once} from 'node:events'
import path from 'node:path'
import {parentPort, workerData} from 'node:worker_threads'
import {corpusFromFiles, resolveEdition, type Corpus, type PageStart} from '@samizdat/model'
import type {VFileMessage} from 'vfile-message'
import {trace} from './trace.js'
import {LayoutCache} from './cache/layout.js'
import {WorkCache} from './cache/works.js'
import {editionIds} from './corpus.js'
import {formats, ownOptions, type Format, type RenderOptions} from './formats.js'
import {helpParse, SentTrees} from './shared-trees.js'
import {workerMakes, type CorpusData, type ErrorData, type Reply, type ThreadRequest, type WarningData} from './threads.js'

export type Place = VFileMessage['place']

const request = workerData as ThreadRequest
const post = (reply: Reply): void => parentPort?.postMessage(reply)

/**
 * The corpus the main thread sends, loaded from its files and trees (neither is kept: only the corpus). The
 * formats' code loads meanwhile, and then, until the corpus comes, this thread parses works from the last, for
 * the main thread parsing from the first.
 */
async function receive(chosen: readonly Format[]): Promise<Corpus> {
  const received = once(parentPort as NonNullable<typeof parentPort>, 'message') as Promise<[CorpusData]>
  // Only the formats it can be given (index 1: an edition it makes in any share): the PDF's worker loads no HTML or EPUB code.
  const formatLoaded = Promise.all(chosen.filter((format) => workerMakes(request.share, 1, format.id)).map((format) => format.load()))
  // Awaited below, once the corpus is sent: a failure meanwhile is not an unhandled rejection.
  formatLoaded.catch(() => undefined)
  await formatLoaded
  trace('worker formats loaded')
  let arrived = false
  void received.then(() => (arrived = true))
  if (request.corpus !== undefined && request.progress !== undefined)
    await helpParse(
      request.corpus,
      request.maxFileSize,
      request.progress,
      () => arrived,
      (trees) => post({type: 'trees', trees})
    )
  const [{dir, files, trees}] = await received
  trace('worker received')
  const maxFileSize = request.maxFileSize === undefined ? {} : {maxFileSize: request.maxFileSize}
  // What the main thread read, with the trees it parsed: the same corpus, not parsed twice.
  return corpusFromFiles(files, {dir, cwd: path.resolve(request.cwd), ...maxFileSize, parseCache: new SentTrees(trees)})
}

function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return {name: 'Error', message: String(error), stack: undefined}
  const fault = error as NodeJS.ErrnoException
  return {name: error.name, message: error.message, stack: error.stack, code: fault.code, errno: fault.errno, syscall: fault.syscall, path: fault.path}
}

async function main(): Promise<void> {
  trace('worker start')
  const chosen = request.formats.map((id) => formats[id]).filter((format) => format !== undefined)
  // The main thread prunes it, once the build is written.
  const layouts = request.cache === undefined ? undefined : new LayoutCache(request.cache)
  const works = request.cache === undefined ? undefined : new WorkCache(request.cache, 'works')
  const chapters = request.cache === undefined ? undefined : new WorkCache(request.cache, 'chapters')
  const corpus = await receive(chosen)
  trace('worker loaded')
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
      trace('worker resolved')
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
        // The PDF tells where its pages start as soon as it is laid out, for the EPUB's page-list made on the
        // main thread meanwhile; once only (a booklet lays the book out again).
        let told = format.id !== 'pdf'
        const tell = (pages: PageStart[]): void => {
          if (told) return
          told = true
          trace('worker page starts')
          post({type: 'pages', edition: id, pages})
        }
        if (!told) options.pageStarts = tell
        const files = await format.render(edition, options)
        tell([])
        trace(`worker ${format.id} done`)
        // What this thread added to the stages' caches goes with its results: the main thread writes it if the build is written.
        const cache = {layout: layouts?.folder.drain() ?? [], works: works?.folder.drain() ?? [], chapters: chapters?.folder.drain() ?? []}
        post({type: 'done', edition: id, format: format.id, files, warnings, cache})
      } catch (error) {
        post({type: 'error', edition: id, format: format.id, error: errorData(error)})
      }
    }
  }
}

try {
  await main()
} catch (error) {
  post({type: 'error', edition: undefined, format: undefined, error: errorData(error)})
}
