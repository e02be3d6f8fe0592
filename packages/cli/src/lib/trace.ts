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

export function trace(stage: string): void {
  if (!on) return
  const now = performance.timeOrigin + performance.now() - origin
  collect?.()
  const heap = getHeapStatistics().used_heap_size / 2 ** 20
  const rss = process.memoryUsage.rss() / 2 ** 20
  process.stderr.write(
    `trace ${(now / 1000).toFixed(2).padStart(6)} s  thread ${threadId}  ${stage.padEnd(28)} heap ${heap.toFixed(0).padStart(4)} MB  rss ${rss.toFixed(0).padStart(5)} MB\n`
  )
}
