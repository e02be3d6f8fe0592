/**
 * The PDF alone (one format of one edition): the worker, which has no format of its own to make, lays the
 * book's works out from the last while the main thread lays them out from the first, and hands each over as
 * the PDF's layout cache keeps it (`toPdf`'s `layouts` store: a work's layout does not depend on the other
 * works nor on its start page). The main thread takes a work's layout instead of making it when the worker's
 * is there when it reaches the work. It reads the worker's messages synchronously (`receiveMessageOnPort`):
 * laying out never yields to the event loop. The worker stops once the main thread has begun every work it has
 * not (a shared count), so that neither lays out a work the other has finished. Taken as the cache's entries are,
 * the layouts give the bytes a one-thread build gives (packages/cli/test/reproducible.test.ts).
 */
import {receiveMessageOnPort, type MessagePort} from 'node:worker_threads'
import type {PdfOptions} from '@samizdat/pdf'
import {Fingerprint} from './cache/fingerprint.js'

type LayoutStore = NonNullable<PdfOptions['layouts']>

/** What the main thread sends the worker with the corpus: the edition, a port for the layouts, the shared count. */
export interface LayoutRequest {
  edition: string
  port: MessagePort
  /** How many works the main thread has begun to lay out (or taken). */
  progress: Int32Array
}

/** Thrown on the worker once the main thread has reached every work the worker has not begun: its help is over. */
class Enough extends Error {}

/**
 * A key for both threads: the pass (0 for what is not a work's layout) and, after a bar, the disk cache's key
 * when there is one, else a fingerprint of the parts with the work named by its id (both threads resolved the
 * same files the same way: within one build, a work's id says which it is).
 */
function keyOf(parts: readonly unknown[], inner: LayoutStore | undefined): string {
  // A work's parts, as the PDF's `WorkLayouts` makes them: [what the book's works share, the pass, the work].
  const [shared, pass, work] = parts
  const id = typeof pass === 'number' && typeof work === 'object' && work !== null ? (work as {id?: unknown}).id : undefined
  const base = inner ? inner.key(parts) : new Fingerprint().add(typeof id === 'string' ? [shared, pass, id] : parts).digest()
  return `${typeof id === 'string' ? pass : 0}|${base}`
}

function split(key: string): {pass: number; base: string} {
  const bar = key.indexOf('|')
  return {pass: Number(key.slice(0, bar)), base: key.slice(bar + 1)}
}

/** The main thread's store: the worker's layouts as they come, then the disk cache's (if any), which keeps them. */
export function helpedLayouts(port: MessagePort, progress: Int32Array, inner: LayoutStore | undefined): LayoutStore & {taken: () => number} {
  const made = new Map<string, Uint8Array>()
  let taken = 0
  const store: LayoutStore & {taken: () => number} = {
    key: (parts) => keyOf(parts, inner),
    get(key) {
      const {pass, base} = split(key)
      if (pass === 1) {
        Atomics.add(progress, 0, 1)
        for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
          const [done, data] = message.message as [string, Uint8Array]
          made.set(done, data)
        }
        const data = made.get(key)
        if (data !== undefined) {
          made.delete(key)
          taken++
          // Kept between builds as if laid out here.
          inner?.set?.(base, data)
          return data
        }
      }
      return inner?.get(base)
    },
    taken: () => taken
  }
  if (inner?.set) {
    const set = inner.set.bind(inner)
    store.set = (key, data) => set(split(key).base, data)
  }
  return store
}

/** The worker's store: it begins a work only while the main thread has not (of `works`), and sends each it lays out. */
export function helpingLayouts(port: MessagePort, progress: Int32Array, works: number, inner: LayoutStore | undefined): LayoutStore {
  let begun = 0
  return {
    key: (parts) => keyOf(parts, inner),
    get(key) {
      const {pass, base} = split(key)
      // The second pass (page references) is the main thread's: it knows the pages.
      if (pass > 1 || (pass === 1 && works - Atomics.load(progress, 0) - begun < 1)) throw new Enough()
      if (pass === 1) begun++
      return inner?.get(base)
    },
    set(key, data) {
      if (split(key).pass === 1) port.postMessage([key, data])
    }
  }
}
