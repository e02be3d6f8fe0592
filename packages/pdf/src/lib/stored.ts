/**
 * Reading and writing a `LayoutStore`'s entries as values: what the kept layouts and the kept pages share. A store
 * kept in memory (a loop's) may hand a value back as it was decoded or made the last time (`decoded`,
 * `setDecoded`): none of its readers changes one.
 */
import type {LayoutStore} from './options.js'

/** The entry under `key`, decoded; undefined when it is missing or `decode` refuses or throws (a torn or foreign entry is a miss). */
export function storedValue<T>(store: LayoutStore, key: string, decode: (data: Uint8Array) => T | undefined): T | undefined {
  const safely = (data: Uint8Array): T | undefined => {
    try {
      return decode(data)
    } catch {
      return undefined
    }
  }
  if (store.decoded) return store.decoded(key, safely)
  const data = store.get(key)
  return data === undefined ? undefined : safely(data)
}

/** Writes `data`, the bytes of `value`, under `key`: a store that keeps values may give `value` back. */
export function storeValue(store: LayoutStore, key: string, data: Uint8Array, value: unknown): void {
  if (store.setDecoded) store.setDecoded(key, data, value)
  else store.set(key, data)
}
