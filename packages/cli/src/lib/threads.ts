/**
 * Both cores: the PDF (by far the costliest format) is made on a worker
 * thread while the main thread makes the others. A resolved edition cannot
 * cross threads (it holds functions: the YAML's position lookups), so the
 * worker resolves the corpus itself; but it does not parse it again: the
 * main thread sends it the files it loaded the corpus from, as read, with the
 * trees it parsed (shared-trees.ts), and the worker loads those (while it
 * waits, it parses works from the last one and sends their trees, which the
 * main thread takes instead of parsing them; by a hash of their text). So an edit
 * during the build cannot give the two threads different texts, and the same
 * code on the same files gives the same bytes
 * (packages/cli/test/reproducible.test.ts compares both ways).
 * The PDF's page starts come back as soon as its layout is done, before it is
 * drawn: the EPUB's page-list needs them, and the main thread makes the EPUB
 * meanwhile. Its writer warnings come back as plain data and join the corpus files'.
 */
import {readdirSync, statSync, type Dirent} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {Worker} from 'node:worker_threads'
import type {CorpusFiles, LabelOverrides, OutputFile, PageStart} from '@samizdat/model'
import type {PendingEntries} from './cache/entries.js'
import type {MetadataPatch} from './metadata.js'
import type {Place} from './render-worker.js'
import type {BookletRequest} from './formats.js'
import type {Trees} from './shared-trees.js'
import {workerResourceLimits} from './worker-heap.js'

/** What the worker is asked to make. */
export interface ThreadRequest {
  /** The corpus folder (absolute), whose works the worker parses from the last until the corpus is sent (none: it waits). */
  corpus?: string | undefined
  /** How many works the main thread has loaded so far (one shared counter). */
  progress?: Int32Array | undefined
  cwd: string
  maxFileSize?: number | undefined
  locale?: string | undefined
  /** The config file's words and the `-M` fields: the worker's edition must be the main thread's. */
  labels?: LabelOverrides | undefined
  metadata?: MetadataPatch | undefined
  /** The build date (milliseconds) and paper of every format. */
  date: number
  paper?: string | undefined
  booklet?: BookletRequest | undefined
  /** The build's formats, of which the worker makes its share. */
  formats: string[]
  share: Share
  /** The editions to make (default: all, as the main thread chooses them). */
  editions?: string[] | undefined
  /** The `.samizdat-cache/` folder to read and keep PDF layouts in (none: lay out every work). */
  cache?: string | undefined
  /** A loop's kept worker: the stages' entries stay in its memory between builds. */
  loop?: boolean | undefined
}

/** A writer warning made on the worker, as data. */
export interface WarningData {
  reason: string
  ruleId: string | undefined
  source: string | undefined
  file: string | undefined
  place: Place
}

/** An error thrown on the worker, as data: what `describeFault` reads of a fault of the machine, and the stack of a bug. */
export interface ErrorData {
  name: string
  message: string
  stack: string | undefined
  code?: string | undefined
  errno?: number | undefined
  syscall?: string | undefined
  path?: string | undefined
}

export type Reply =
  | {type: 'done'; edition: string; format: string; files: OutputFile[]; warnings: WarningData[]; cache: WorkerEntries}
  /** Where an edition's PDF pages start, once it is laid out (before it is drawn). */
  | {type: 'pages'; edition: string; pages: PageStart[]}
  /** Trees the worker parsed while the main thread loads the corpus. */
  | {type: 'trees'; trees: Trees}
  | {type: 'error'; edition: string | undefined; format: string | undefined; error: ErrorData}
  /** The build is over on the worker (made, failed or given up): it waits for the next one. */
  | {type: 'idle'}

/**
 * What the worker makes of a build: `pdf`, the PDF of every edition, when there are other formats for the main
 * thread to make meanwhile (the PDF costs about what the others do together); else `alternate`, every format of
 * every other edition (the second, the fourth…), so that several editions of one format are made two at a time.
 */
export type Share = 'pdf' | 'alternate'

export function shareOf(formats: readonly string[]): Share {
  return formats.includes('pdf') && formats.length > 1 ? 'pdf' : 'alternate'
}

/** Whether the worker makes `format` of the edition at `index` (in the build's order of editions). */
export function workerMakes(share: Share, index: number, format: string): boolean {
  return share === 'pdf' ? format === 'pdf' : index % 2 === 1
}

/** The stages' cache entries the worker made (PDF layouts, works rendered, EPUB chapters' entries): the main thread writes them with its own. */
export interface WorkerEntries {
  layout: PendingEntries
  works: PendingEntries
  chapters: PendingEntries
}

interface Rendered {
  files: OutputFile[]
  warnings: WarningData[]
  cache: WorkerEntries
}

/** The corpus the worker works on: its folder (real path), the files it was loaded from, as read, and their trees. */
export interface CorpusData {
  dir: string
  files: CorpusFiles
  trees: Trees
}

/** The worker's results by edition, as they come. */
export interface RenderThread {
  /** Give the worker the corpus as the main thread loaded it: it waits for it. */
  send(corpus: CorpusData): void
  /** Outputs of its share the worker need not make (`<edition>.<format>`): the cache has them. */
  skip(slots: string[]): void
  result(edition: string, format: string): Promise<Rendered>
  /** Where the pages of the edition's PDF (made on the worker) start, as soon as it is laid out. */
  pages(edition: string): Promise<PageStart[]>
  /** Told the trees the worker parses while the corpus is being loaded (those sent before are told at once). */
  onTrees(listener: ((trees: Trees) => void) | undefined): void
  /** Done with the worker; `finished`: the build got every result it asked for (a loop then keeps the worker). */
  stop(finished?: boolean): Promise<void>
}

/** Markdown in a corpus below which a build stays on one thread: the worker's start-up would cost more than it saves. */
const worthAThread = 64 * 1024

/** Threads a build may use: `threads` when given, else the cores available if the corpus is worth a second one. */
export function threadCount(threads: number | undefined, corpus: string): number {
  if (threads !== undefined) return threads
  const cores = availableParallelism()
  return cores > 1 && markdownBytes(corpus, worthAThread) >= worthAThread ? cores : 1
}

/** Bytes of Markdown under `dir` (links not followed), counted until `enough`; an unreadable folder counts nothing. */
function markdownBytes(dir: string, enough: number): number {
  let total = 0
  const folders = [dir]
  for (let folder = folders.pop(); folder !== undefined && total < enough; folder = folders.pop()) {
    let entries: Dirent[]
    try {
      entries = readdirSync(folder, {withFileTypes: true})
    } catch {
      continue
    }
    for (const entry of entries) {
      const file = path.join(folder, entry.name)
      if (entry.isDirectory()) folders.push(file)
      else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) total += statSync(file, {throwIfNoEntry: false})?.size ?? 0
    }
  }
  return total
}

/**
 * A worker and who listens to it now: one build at a time. In a loop the worker outlives its builds (see
 * `WorkerKeeper`); the replies of a build given up before its corpus was sent are dropped until the worker tells
 * it is idle again.
 */
class Channel {
  readonly worker: Worker
  alive = true
  #listener: ((reply: Reply) => void) | undefined
  #failed: ((error: Error) => void) | undefined
  /** Builds given up whose 'idle' has not come yet. */
  #draining = 0

  constructor(worker: Worker) {
    this.worker = worker
    worker.on('message', (reply: Reply) => {
      if (this.#draining > 0) return void (reply.type === 'idle' && this.#draining--)
      this.#listener?.(reply)
    })
    const fail = (error: Error): void => {
      this.alive = false
      this.#failed?.(error)
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`the rendering thread stopped (exit code ${code})`)))
  }

  listen(listener: ((reply: Reply) => void) | undefined, failed: ((error: Error) => void) | undefined): void {
    this.#listener = listener
    this.#failed = failed
  }

  /** A build the worker was asked for and will not be given a corpus: it goes back to waiting at once. */
  giveUp(): void {
    this.#draining++
    this.worker.postMessage({type: 'corpus', corpus: undefined} satisfies Message)
  }
}

/**
 * The worker of a loop (`samizdat watch`, `preview`), kept from one build to the next: its code, its fonts and
 * the stages' entries it read stay loaded. It ends when the loop ends (`close`) or when a build cannot hand it
 * back idle: a build stopped while the worker renders (Ctrl-C, an error on the main thread), or a worker that
 * failed. Then the next build starts a new one.
 */
export class WorkerKeeper {
  #channel: Channel | undefined
  /**
   * The process's resident memory when the loop began: the loop's own is measured above it (a program that runs
   * a loop among other work, a test runner, may hold a gigabyte before the loop's first build).
   */
  readonly #before = process.memoryUsage.rss()

  /** Whether the loop, with its worker's heap, holds less than `keepBelow`: then the worker may be kept. */
  roomToKeep(): boolean {
    return process.memoryUsage.rss() - this.#before < keepBelow
  }

  /** The kept worker, if it is alive and no build has it; else a new one. */
  take(): Channel {
    const kept = this.#channel
    this.#channel = undefined
    if (kept?.alive) {
      kept.worker.ref()
      return kept
    }
    return new Channel(newWorker())
  }

  /** A worker handed back idle (or about to be), for the next build. */
  keep(channel: Channel): void {
    // Idle, it does not hold the process open.
    channel.worker.unref()
    this.#channel = channel
  }

  async close(): Promise<void> {
    const channel = this.#channel
    this.#channel = undefined
    await channel?.worker.terminate()
  }
}

/**
 * A loop keeps its worker only while it holds less than this after a build, above what the process held before (the
 * project's memory target):
 * the kept worker's heap is memory a one-shot build gives back, so a library-sized corpus builds as one does.
 */
const keepBelow = 1024 * 1024 * 1024

/** What the main thread tells the worker: a build to make, then the corpus it is made of (none: given up). */
export type Message =
  | {type: 'build'; request: ThreadRequest}
  | {type: 'corpus'; corpus: CorpusData | undefined}
  /** The outputs (`<edition>.<format>`) of the worker's share that the main thread took from its cache. */
  | {type: 'skip'; slots: string[]}

/**
 * Start the worker on `request` (the loop's kept one, with `keeper`); each edition's result is awaited with
 * `result(id)`.
 */
export function startRenderThread(request: ThreadRequest, signal?: AbortSignal, keeper?: WorkerKeeper): RenderThread {
  const channel = keeper ? keeper.take() : new Channel(newWorker())
  const worker = channel.worker
  const waiting = new Map<string, {resolve: (value: Rendered | PageStart[]) => void; reject: (error: Error) => void}>()
  const settled = new Map<string, Rendered | PageStart[] | Error>()
  let failure: Error | undefined
  let treesSent: Trees[] | undefined = []
  let onTrees: ((trees: Trees) => void) | undefined
  let sent = false
  let idle = false
  let wake: (() => void) | undefined
  // By slot, `<edition>.<format>`, and `<edition>#pages` for the page starts of its PDF; the first value stays.
  const settle = (slot: string, value: Rendered | PageStart[] | Error): void => {
    const waiter = waiting.get(slot)
    if (!waiter) return void (settled.has(slot) || settled.set(slot, value))
    waiting.delete(slot)
    if (value instanceof Error) waiter.reject(value)
    else waiter.resolve(value)
  }
  const failAll = (error: Error): void => {
    failure ??= error
    for (const slot of [...waiting.keys()]) settle(slot, error)
  }
  const onFailure = (error: Error): void => {
    failAll(error)
    wake?.()
  }
  channel.listen((reply: Reply) => {
    if (reply.type === 'idle') {
      idle = true
      wake?.()
    } else if (reply.type === 'trees') {
      if (onTrees) onTrees(reply.trees)
      else treesSent?.push(reply.trees)
    } else if (reply.type === 'pages') settle(`${reply.edition}#pages`, reply.pages)
    else if (reply.type === 'done') settle(`${reply.edition}.${reply.format}`, {files: reply.files, warnings: reply.warnings, cache: reply.cache})
    else if (reply.edition === undefined || reply.format === undefined) failAll(revive(reply.error))
    else {
      const error = revive(reply.error)
      settle(`${reply.edition}.${reply.format}`, error)
      // A PDF that failed before it was laid out tells no page starts: the EPUB waiting for them stops waiting.
      if (reply.format === 'pdf') settle(`${reply.edition}#pages`, error)
    }
  }, onFailure)
  worker.postMessage({type: 'build', request} satisfies Message)
  // Ctrl-C: the worker stops at once, and a build waiting for its PDF stops waiting.
  const onAbort = (): void => {
    failAll(signal?.reason instanceof Error ? signal.reason : new Error(String(signal?.reason)))
    void worker.terminate()
  }
  signal?.addEventListener('abort', onAbort, {once: true})
  const awaited = (slot: string): Promise<Rendered | PageStart[]> => {
    const known = settled.get(slot)
    if (known !== undefined) return known instanceof Error ? Promise.reject(known) : Promise.resolve(known)
    if (failure) return Promise.reject(failure)
    return new Promise((resolve, reject) => waiting.set(slot, {resolve, reject}))
  }
  return {
    send(corpus: CorpusData): void {
      sent = true
      worker.postMessage({type: 'corpus', corpus} satisfies Message)
    },
    skip(slots: string[]): void {
      if (slots.length > 0) worker.postMessage({type: 'skip', slots} satisfies Message)
    },
    result: (edition: string, format: string) => awaited(`${edition}.${format}`) as Promise<Rendered>,
    pages: (edition: string) => awaited(`${edition}#pages`) as Promise<PageStart[]>,
    onTrees(listener: ((trees: Trees) => void) | undefined): void {
      onTrees = listener
      for (const trees of treesSent ?? []) listener?.(trees)
      // Once listened to, nothing more is kept: the trees that come after the corpus is loaded are not needed.
      treesSent = undefined
    },
    async stop(finished = false): Promise<void> {
      signal?.removeEventListener('abort', onAbort)
      // A build that got all it asked for: the worker's 'idle' follows its last result at once.
      if (keeper && finished && sent && !idle && failure === undefined && channel.alive) await new Promise<void>((resolve) => (wake = resolve))
      channel.listen(undefined, undefined)
      // Kept for the loop's next build when it is done, or has not been given the corpus yet (it drops the build at
      // once); a worker still rendering is stopped, as a one-shot build's always is.
      if (keeper && channel.alive && !signal?.aborted && failure === undefined && (idle || !sent) && keeper.roomToKeep()) {
        if (!sent) channel.giveUp()
        keeper.keep(channel)
        return
      }
      channel.alive = false
      await worker.terminate()
    }
  }
}

/**
 * Compiled, the worker runs dist/lib/render-worker.js. From source (tests, `pnpm samizdat`, under tsx), a worker does not inherit tsx's hooks: it registers them, then loads the source.
 * Under `pnpm test`, which has just compiled the sources with `tsc -b` and says so (`SAMIZDAT_TEST_BIN=dist`, as for
 * the spawned bin), the tests' worker runs the compiled code of those sources, packages and all (no `source`
 * condition): tsx in a worker took 0.8 s more CPU a start, and the esbuild child its hooks spawned was never reaped
 * once the worker ended (a zombie left to the test process).
 */
function newWorker(): Worker {
  const resourceLimits = workerResourceLimits()
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./render-worker.js', import.meta.url), {resourceLimits})
  if (process.env['SAMIZDAT_TEST_BIN'] === 'dist')
    return new Worker(new URL('../../dist/lib/render-worker.js', import.meta.url), {execArgv: [], resourceLimits})
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  const entry = JSON.stringify(new URL('./render-worker.ts', import.meta.url).href)
  return new Worker(`const {register} = await import(${tsx}); register(); await import(${entry})`, {eval: true, resourceLimits})
}

/** An error from the worker with what the CLI reads of it (its code for a fault, its stack for a bug). */
function revive(data: ErrorData): Error {
  const error = new Error(data.message) as Error & Partial<ErrorData>
  error.name = data.name
  if (data.stack !== undefined) error.stack = data.stack
  for (const key of ['code', 'errno', 'syscall', 'path'] as const) if (data[key] !== undefined) Object.assign(error, {[key]: data[key]})
  return error
}
