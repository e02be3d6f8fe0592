/** A full garbage collection where a test asks whether something is still reachable (through a `WeakRef`). */
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

/** Collects garbage once the current job ends: WeakRefs hold their target until the end of the job that made them. */
export async function collectGarbage(): Promise<void> {
  // `gc` is given to a new context only, not to this one's globals.
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  await new Promise((resolve) => setImmediate(resolve))
  gc()
}
