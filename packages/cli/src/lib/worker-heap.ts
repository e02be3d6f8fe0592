/**
 * The rendering thread's heap limit, below V8's 2 GB step. V8 lets a heap grow, before it next collects, to up to
 * four times what survived the last collection when the heap's limit is 2 GB or more (4 GB on a machine with 16 GB
 * of memory or more), and to at most about twice below it. The worker holds the whole book laid out until it is drawn
 * (a few hundred MB for a library of 4 MB of Markdown), and at four times that its heap alone reached 600 MB in some
 * builds, while the main thread made the EPUB. Below 2 GB the growth stays near twice. The limit is never raised
 * here, and a heap size the user gives Node (`--max-old-space-size`, also in NODE_OPTIONS) is theirs: then none is set.
 */
import process from 'node:process'
import {getHeapStatistics} from 'node:v8'
import type {ResourceLimits} from 'node:worker_threads'

/** Just below V8's step (`kMaxSize` of its heap controller: 1024 MB times 2 on 64-bit machines). */
export const workerHeapMb = 2047

/**
 * The old generation's limit in MB for the worker, given the process's heap limit (MB) and Node's options; undefined:
 * leave V8's own.
 */
export function workerHeapLimit(processLimitMb: number, options: readonly string[]): number | undefined {
  if (options.some((option) => /^--max[-_](?:old[-_]space|heap)[-_]size(?:=|$)/.test(option))) return undefined
  return processLimitMb > workerHeapMb ? workerHeapMb : undefined
}

export function workerResourceLimits(): ResourceLimits {
  const options = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)]
  const limit = workerHeapLimit(getHeapStatistics().heap_size_limit / 2 ** 20, options)
  return limit === undefined ? {} : {maxOldGenerationSizeMb: limit}
}
