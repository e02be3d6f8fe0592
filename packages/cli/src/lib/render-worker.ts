/**
 * The rendering thread (see threads.ts): loads its code while the main thread
 * loads the corpus, helps it parse (from the last work) until it sends the
 * files and trees it loaded the corpus from; loads the corpus from those (it
 * parses nothing again), resolves it, makes its formats of each edition asked
 * for, and posts each result as soon as it is made, and a PDF's page starts as
 * soon as it is laid out (copied: a file's bytes may share a pooled buffer
 * that must not be detached); then tells it is idle, and waits for the next
 * build (a loop's worker is kept: threads.ts, `WorkerKeeper`).
 */
import path from 'node:path'
import {parentPort} from 'node:worker_threads'
import {corpusFromFiles, resolveEdition, type Corpus, type PageStart} from '@samizdat/model'
import type {VFileMessage} from 'vfile-message'
import {trace} from './trace.js'
import {LayoutCache} from './cache/layout.js'
import {WorkCache} from './cache/works.js'
import {editionIds, lastToHold} from './corpus.js'
import {formats, ownOptions, type Format, type RenderOptions} from './formats.js'
import {helpParse, SentTrees} from './shared-trees.js'
import {workerMakes, type CorpusData, type ErrorData, type Message, type Reply, type ThreadRequest, type WarningData} from './threads.js'

export type Place = VFileMessage['place']

const post = (reply: Reply): void => parentPort?.postMessage(reply)

/** The main thread's messages, in order: a build, then its corpus; a loop's kept worker gets one pair per build. */
const inbox: Message[] = []
let waiter: ((message: Message) => void) | undefined
/** This build's outputs (`<edition>.<format>`) the main thread took from its cache: not made here. */
const skipped = new Set<string>()
parentPort?.on('message', (message: Message) => {
  // Told at once, between two formats: the main thread knows which it needs once it has resolved the corpus.
  if (message.type === 'skip') return void message.slots.forEach((slot) => skipped.add(slot))
  const waiting = waiter
  waiter = undefined
  if (waiting) waiting(message)
  else inbox.push(message)
})
function next(): Promise<Message> {
  const message = inbox.shift()
  return message ? Promise.resolve(message) : new Promise((resolve) => (waiter = resolve))
}

/** The texts (by hash) whose trees the last build sent: a loop's main thread has them. */
let known = new Set<string>()

/** A loop's stages' caches, by `.samizdat-cache/` folder: kept between its builds with what they read and made. */
const kept = new Map<string, {layouts: LayoutCache; works: WorkCache; chapters: WorkCache}>()

function stages(dir: string, loop: boolean): {layouts: LayoutCache; works: WorkCache; chapters: WorkCache} {
  if (!loop) return {layouts: new LayoutCache(dir), works: new WorkCache(dir, 'works'), chapters: new WorkCache(dir, 'chapters')}
  let stored = kept.get(dir)
  if (stored === undefined) {
    // One folder at a time: a loop builds into one place.
    kept.clear()
    stored = {layouts: new LayoutCache(dir, true), works: new WorkCache(dir, 'works', true), chapters: new WorkCache(dir, 'chapters', true)}
    kept.set(dir, stored)
  }
  for (const stage of Object.values(stored)) stage.folder.begin()
  return stored
}

/**
 * The corpus the main thread sends, loaded from its files and trees (neither is kept: only the corpus). The
 * formats' code loads meanwhile, and then, until the corpus comes, this thread parses works from the last, for
 * the main thread parsing from the first.
 */
async function receive(request: ThreadRequest, chosen: readonly Format[]): Promise<Corpus | undefined> {
  const received = next()
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
      (trees) => post({type: 'trees', trees}),
      // A loop's main thread, with a parse cache, has in memory every tree of its last build: only new texts are worth a parse here.
      request.loop === true && request.cache !== undefined ? known : undefined
    )
  const message = await received
  // A build given up before its corpus was sent (its corpus had errors): nothing to make.
  if (message.type !== 'corpus' || message.corpus === undefined) return undefined
  const {dir, files, trees}: CorpusData = message.corpus
  trace('worker received')
  known = new Set(trees.map(([hash]) => hash))
  const maxFileSize = request.maxFileSize === undefined ? {} : {maxFileSize: request.maxFileSize}
  // What the main thread read, with the trees it parsed: the same corpus, not parsed twice.
  return corpusFromFiles(files, {dir, cwd: path.resolve(request.cwd), ...maxFileSize, parseCache: new SentTrees(trees)})
}

function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return {name: 'Error', message: String(error), stack: undefined}
  const fault = error as NodeJS.ErrnoException
  return {name: error.name, message: error.message, stack: error.stack, code: fault.code, errno: fault.errno, syscall: fault.syscall, path: fault.path}
}

async function main(request: ThreadRequest): Promise<void> {
  trace('worker start')
  const chosen = request.formats.map((id) => formats[id]).filter((format) => format !== undefined)
  // The main thread prunes it, once the build is written.
  const {layouts, works, chapters} = request.cache === undefined ? {} : stages(request.cache, request.loop === true)
  const corpus = await receive(request, chosen)
  if (corpus === undefined) return
  trace('worker loaded')
  // None named: every edition, as the main thread chooses them.
  const ids = request.editions ?? editionIds(corpus)
  if (request.metadata !== undefined) for (const spec of corpus.editions) if (ids.includes(spec.id)) Object.assign(spec, request.metadata)
  const resolveOptions = {...(request.locale === undefined ? {} : {locale: request.locale}), ...(request.labels === undefined ? {} : {labels: request.labels})}
  // The editions this thread may resolve (fewer if the main thread takes some from its cache): this corpus is its
  // own, so each work's last of them takes its trees uncloned.
  const resolvable = ids.filter((_, index) => chosen.some((format) => workerMakes(request.share, index, format.id)))
  for (const [index, id] of ids.entries()) {
    const mine = chosen.filter((format) => workerMakes(request.share, index, format.id) && !skipped.has(`${id}.${format.id}`))
    if (mine.length === 0) continue
    let edition: ReturnType<typeof resolveEdition>
    try {
      const later = resolvable.slice(resolvable.indexOf(id) + 1)
      edition = resolveEdition(corpus, id, {...resolveOptions, takeTrees: lastToHold(corpus, id, later)})
      trace('worker resolved')
    } catch (error) {
      for (const format of mine) post({type: 'error', edition: id, format: format.id, error: errorData(error)})
      continue
    }
    for (const format of mine) {
      if (skipped.has(`${id}.${format.id}`)) continue
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

// One build after another (a one-shot build's worker is ended after its first).
for (;;) {
  const message = await next()
  if (message.type !== 'build') continue
  skipped.clear()
  try {
    await main(message.request)
  } catch (error) {
    post({type: 'error', edition: undefined, format: undefined, error: errorData(error)})
  }
  // No collection while idle: in a loop it cost 0.4 s of CPU a build (FAQ x10) for 70 MB of resident memory.
  post({type: 'idle'})
}
