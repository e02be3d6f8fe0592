/**
 * `SAMIZDAT_TRACE=1`: each thread of a build tells stderr when it reaches each stage (load, resolve, layout, page
 * starts, each format, write), with the time since the process started, its heap and the process's memory: the
 * timeline the build's orchestration is tuned on (see the CLI's README).
 */
import process from 'node:process'
import {getHeapStatistics} from 'node:v8'
import {threadId} from 'node:worker_threads'

const mode = process.env['SAMIZDAT_TRACE']
const on = mode === '1' || mode === 'live'
// `live` (with node --expose-gc): a full collection first, so that the heap is what is still held.
const collect = mode === 'live' ? (globalThis as {gc?: () => void}).gc : undefined
// Both threads count from the process's start: a worker's own time origin is later.
const origin = performance.timeOrigin - process.uptime() * 1000 + performance.now()

/** Whether this thread has printed no line yet. */
let first = true

export function trace(stage: string): void {
  if (!on) return
  const now = performance.timeOrigin + performance.now() - origin
  collect?.()
  const {used_heap_size: used, total_heap_size: total, heap_size_limit: limit} = getHeapStatistics()
  const rss = process.memoryUsage.rss() / 2 ** 20
  // The heap's size besides what it holds: what the collector has let it grow to, of the process's memory; and on a
  // thread's first line, the most it may grow to (a worker's is its own: see worker-heap.ts).
  const heap = `${(used / 2 ** 20).toFixed(0).padStart(4)} of ${(total / 2 ** 20).toFixed(0).padStart(4)} MB${first ? ` (limit ${Math.round(limit / 2 ** 20)} MB)` : ''}`
  first = false
  process.stderr.write(
    `trace ${(now / 1000).toFixed(2).padStart(6)} s  thread ${threadId}  ${stage.padEnd(28)} heap ${heap}  rss ${rss.toFixed(0).padStart(5)} MB\n`
  )
}
