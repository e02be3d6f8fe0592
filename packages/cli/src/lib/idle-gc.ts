/**
 * A full garbage collection on the main thread while it only waits for the worker: what its formats left behind
 * is given back before the worker's peak (drawing the PDF) instead of whenever V8 would next collect (it lets a
 * heap grow to about four times what it holds, and both threads' heaps then peak together). No limit changes: a
 * bigger corpus is collected the same way, and nothing can fail for want of memory because of it. It costs one
 * collection of what the thread still holds (tens of milliseconds at FAQ x50), at a time it waits anyway.
 */
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

let collect: (() => void) | undefined

export function collectWhileWaiting(): void {
  // `gc` is given to a new context only, not to this one's globals.
  if (collect === undefined) {
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  }
  collect()
}
