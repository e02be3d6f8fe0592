/**
 * `watch`: build, then build again whenever something in the corpus folder
 * changes. Node's own `fs.watch` with `recursive` (native on Linux since Node
 * 20) is enough: no watcher library. Changes are debounced; a change during a
 * build starts one more build after it. A failed build is told and the output
 * folder keeps the last good build (the build is all or nothing). The builds share what they can keep
 * (kept.ts): the worker thread, and the stages' cache entries in memory.
 */
import {existsSync, watch as watchFolder, type FSWatcher} from 'node:fs'
import {stat} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {ContentError, UsageError} from '@samizdat/model/errors'
import {buildIn, type BuildOptions, type BuildResult} from '../build.js'
import {BuildLoop} from './kept.js'

export interface WatchOptions extends BuildOptions {
  /** Quiet time after a change before building, in milliseconds (default 150). */
  debounce?: number | undefined
  /** Told after each build, good or failed. */
  onBuild?: ((event: WatchEvent) => void) | undefined
}

/** One build of the loop: `changed` are the corpus paths (relative to it) that caused it, none for the first. */
export type WatchEvent =
  | {type: 'built'; changed: string[]; ms: number; result: BuildResult}
  | {type: 'failed'; changed: string[]; ms: number; error: ContentError | UsageError}

/**
 * Build, then rebuild on every change until `signal` is aborted; resolves then (a build under way stops and
 * leaves the output as it was). A usage error in the first build (an unknown format…) is thrown: the command
 * is wrong, not the corpus; later ones, and content errors, are told through `onBuild`.
 */
export async function watch(options: WatchOptions): Promise<void> {
  const cwd = options.cwd ?? process.cwd()
  if (options.input !== undefined || options.sink !== undefined)
    throw new UsageError('watch needs a corpus folder and an output on disk, not standard input or output')
  const shownCorpus = options.corpus ?? 'corpus'
  const corpus = path.resolve(cwd, shownCorpus)
  const stats = await stat(corpus).catch(() => undefined)
  if (!stats?.isDirectory()) throw new UsageError(`Cannot watch "${shownCorpus}": it is not a folder`)
  const signal = options.signal
  if (signal?.aborted) return
  // Never the output nor the cache: a build writing them must not start another one (both lie outside the
  // corpus, as the build demands; this guards the rule, not a case that arises).
  const out = path.resolve(cwd, options.file ?? options.out ?? 'dist')
  const ignored = [out, path.join(path.dirname(out), '.samizdat-cache')]
  const pending = new Set<string>()
  let wake: (() => void) | undefined
  let timer: NodeJS.Timeout | undefined
  const debounce = options.debounce ?? 150
  const watcher: FSWatcher = watchFolder(corpus, {recursive: true}, (_event, name) => {
    const relative = name === null ? '.' : name.toString()
    const full = path.resolve(corpus, relative)
    if (ignored.some((folder) => full === folder || full.startsWith(folder + path.sep)) || scratch(relative)) return
    pending.add(relative.split(path.sep).join('/'))
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      wake?.()
    }, debounce)
  })
  // A folder removed while it is being watched: the corpus is still watched, and the build says what is missing.
  watcher.on('error', () => undefined)
  const stop = (): void => wake?.()
  signal?.addEventListener('abort', stop, {once: true})
  const loop = new BuildLoop()
  try {
    let changed: string[] = []
    let first = true
    while (!signal?.aborted) {
      const started = performance.now()
      try {
        const result = await buildIn(options, loop)
        options.onBuild?.({type: 'built', changed, ms: performance.now() - started, result})
      } catch (error) {
        if (signal?.aborted) return
        if (first && error instanceof UsageError && !(error instanceof ContentError)) throw error
        if (!(error instanceof ContentError || error instanceof UsageError)) throw error
        options.onBuild?.({type: 'failed', changed, ms: performance.now() - started, error})
      }
      first = false
      // Wait for changes (those made during the build count) and a quiet moment after them.
      while (!signal?.aborted && (pending.size === 0 || timer !== undefined)) {
        await new Promise<void>((resolve) => (wake = resolve))
      }
      // An editor's or sed's temporary file, gone by now, is no news: name what is there, else what was removed.
      const all = [...pending].sort()
      const present = all.filter((name) => existsSync(path.join(corpus, name)))
      changed = present.length > 0 ? present : all
      pending.clear()
    }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', stop)
    watcher.close()
    await loop.close()
  }
}

/** Editors' scratch files (vim's swap and probe files, emacs locks, backups): no reason to build. */
function scratch(name: string): boolean {
  const base = path.basename(name)
  return /^\.#|~$|\.sw[px]$|^4913$/.test(base)
}
