/**
 * A work's rendering kept between builds: the site's page body and the EPUB's
 * chapters (which render through this package) are each a function of the
 * work and of a few edition-wide facts (labels, the ids other pages hold, the
 * images), never of the other works' text. So a caller's `WorkStore` (the
 * CLI's `.samizdat-cache/`) gives back every work an edit did not touch. The
 * key is the store's digest of everything the rendering reads; the warnings
 * the rendering reported are kept with it and told again on reuse.
 */
import {deserialize, serialize} from 'node:v8'
import {writerWarning, type Reporter, type ResolvedWork, type WarningOptions} from '@samizdat/model'

/** Where rendered works are kept: the key of what they were made from, and their bytes by key. */
export interface WorkStore {
  /** A digest of `parts` and of the code that renders (a new version of any library is a new key). */
  key(parts: readonly unknown[]): string
  get(key: string): Uint8Array | undefined
  set(key: string, data: Uint8Array): void
}

interface Kept {
  shape: number
  value: unknown
  warnings: Array<{reason: string} & WarningOptions>
}

/** Bumped when what is stored changes shape: older entries are then misses. */
const shape = 1

/**
 * `make(report)`'s value, or the one kept under the key of `parts` when `accept` takes it (a torn or foreign
 * entry is a miss). Kept only with a `store` and a `report` (without one, warnings go onto the work's file, which
 * a kept value could not do again).
 */
export function keptRendering<T>(
  store: WorkStore | undefined,
  report: Reporter | undefined,
  parts: readonly unknown[],
  accept: (value: unknown) => value is T,
  make: (report: Reporter | undefined) => T
): T {
  if (!store || !report) return make(report)
  const key = store.key([shape, ...parts])
  const data = store.get(key)
  if (data) {
    const kept = read(data)
    if (kept && accept(kept.value)) {
      for (const {reason, ...options} of kept.warnings) report(writerWarning(reason, options))
      return kept.value
    }
  }
  const warnings: Kept['warnings'] = []
  const value = make((message) => {
    warnings.push({reason: message.reason, ruleId: message.ruleId ?? 'samizdat', source: message.source, file: message.file || undefined, place: message.place})
    report(message)
  })
  try {
    store.set(key, serialize({shape, value, warnings} satisfies Kept))
  } catch {
    // Something that is not data after all: rendered again next time.
  }
  return value
}

function read(data: Uint8Array): Kept | undefined {
  try {
    const kept = deserialize(data) as Kept
    return kept?.shape === shape && Array.isArray(kept.warnings) ? kept : undefined
  } catch {
    return undefined
  }
}

/** A work as its key takes it: its file only by its path (warnings name it; its messages change with what else a build reports). */
export function keyOf(work: ResolvedWork): unknown {
  return {...work, file: work.file.path}
}
