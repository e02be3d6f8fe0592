/**
 * A folder of cache entries for one stage (`.samizdat-cache/parse/`, `layout/`): bytes by key, kept in memory
 * until the build is written (a failed build leaves nothing behind, the cache included), then written aside and
 * renamed (a reader never sees half an entry; two builds may write the same one), touched when read.
 * Bounded: past `limit` bytes the entries least recently used go first. An entry that cannot be read is a miss;
 * one that cannot be written is skipped: the cache only ever saves time.
 * In a loop (`samizdat watch`), one folder serves every build (`begin()` starts each): the entries the last build
 * read or made stay in memory (not read from the disk again), and only those (one build's worth, not more).
 */
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {threadId} from 'node:worker_threads'

/** What one thread of a build did with a stage's entries: read back (`reused`), or made and written (`made`). */
export interface StageStats {
  reused: number
  made: number
}

/** Entries made and not yet written, by key: what a worker thread hands to the main thread with its results. */
export type PendingEntries = Array<[string, Uint8Array]>

export class EntryFolder {
  readonly dir: string
  stats: StageStats = {reused: 0, made: 0}
  readonly #pending = new Map<string, Uint8Array>()
  /** Entries read or made by this build and the one before (a loop's): by key, as on the disk. */
  #kept = new Map<string, Uint8Array>()
  /**
   * A loop's values decoded from entries (`value`) or given with them (`set`), by key: kept as long as their
   * entries are, and handed back as they are (their readers never change them).
   */
  readonly #values = new Map<string, unknown>()
  /** The keys this build read or made: what `begin()` keeps of `#kept` for the next one. */
  #used = new Set<string>()

  /** Whether entries stay in memory between builds (a loop's folder; see `begin()`). */
  readonly #loop: boolean
  /** Entries another thread made (`adopt`): written here, kept in memory there. */
  readonly #adopted = new Set<string>()

  constructor(dir: string, loop = false) {
    this.dir = dir
    this.#loop = loop
  }

  /** The entry's value, when `accept` takes its bytes (a torn or foreign entry is a miss). */
  get<T>(key: string, accept: (data: Uint8Array) => T | undefined): T | undefined {
    const made = this.#pending.get(key)
    if (made !== undefined) {
      const value = accept(made)
      if (value !== undefined) return value
    }
    const kept = this.#kept.get(key)
    if (kept !== undefined) {
      const value = accept(kept)
      if (value !== undefined) {
        this.stats.reused++
        this.#used.add(key)
        return value
      }
    }
    const file = path.join(this.dir, `${key}.bin`)
    try {
      const data = readFileSync(file)
      const value = accept(data)
      if (value !== undefined) {
        this.stats.reused++
        touch(file)
        if (this.#loop) {
          this.#kept.set(key, data)
          this.#used.add(key)
        }
        return value
      }
    } catch {
      // Missing, unreadable or not what it claims: made again.
    }
    return undefined
  }

  /**
   * `get`, for a value its readers never change: a loop decodes an entry once, and keeps the value for its next
   * builds (with the entry: see `begin()`).
   */
  value<T>(key: string, decode: (data: Uint8Array) => T | undefined): T | undefined {
    if (this.#loop && this.#values.has(key)) {
      if (!this.#pending.has(key)) {
        this.stats.reused++
        this.#used.add(key)
      }
      return this.#values.get(key) as T
    }
    const value = this.get(key, decode)
    if (this.#loop && value !== undefined) this.#values.set(key, value)
    return value
  }

  /** `value`: what the bytes are of, for a loop's `value()` to give back. */
  set(key: string, data: Uint8Array, value?: unknown): void {
    this.stats.made++
    this.#pending.set(key, data)
    if (value !== undefined && this.#loop) this.#values.set(key, value)
    else this.#values.delete(key)
  }

  /**
   * A new build on this folder (a loop's next): what the last one read or made stays in memory, the rest goes;
   * entries a failed build made and never wrote are dropped; the counts start again.
   */
  begin(): void {
    const kept = new Map<string, Uint8Array>()
    for (const key of this.#used) {
      const data = this.#kept.get(key)
      if (data !== undefined) kept.set(key, data)
    }
    this.#kept = kept
    for (const key of this.#values.keys()) if (!kept.has(key)) this.#values.delete(key)
    this.#used = new Set()
    this.#pending.clear()
    this.#adopted.clear()
    this.stats = {reused: 0, made: 0}
  }

  /** The entries made and not yet written, taken from this folder (a worker's, for the main thread to write). */
  drain(): PendingEntries {
    const entries = [...this.#pending]
    this.#keep(entries)
    this.#pending.clear()
    return entries
  }

  /** Entries another thread made, written with this folder's own. */
  adopt(entries: PendingEntries): void {
    for (const [key, data] of entries) {
      this.#pending.set(key, data)
      this.#adopted.add(key)
    }
  }

  /** Writes the entries made, once the build is written. */
  flush(): void {
    for (const [key, data] of this.#pending) {
      try {
        mkdirSync(this.dir, {recursive: true})
        const file = path.join(this.dir, `${key}.bin`)
        const temporary = `${file}.${process.pid}-${threadId}.tmp`
        writeFileSync(temporary, data)
        renameSync(temporary, file)
      } catch {
        // A read-only or full disk: made again next time.
      }
    }
    this.#keep(this.#pending)
    this.#pending.clear()
    this.#adopted.clear()
  }

  /** Entries made, kept in memory for a loop's next build as if read. */
  #keep(entries: Iterable<[string, Uint8Array]>): void {
    if (!this.#loop) return
    for (const [key, data] of entries) {
      if (this.#adopted.has(key)) continue
      this.#kept.set(key, data)
      this.#used.add(key)
    }
  }

  /** Removes the least recently used entries until the folder holds at most `limit` bytes, and any leftover temporary file. */
  prune(limit: number): void {
    try {
      const entries = readdirSync(this.dir).map((name) => {
        const file = path.join(this.dir, name)
        const stat = statSync(file)
        return {file, name, size: stat.size, used: stat.mtimeMs}
      })
      let total = 0
      for (const entry of entries.sort((a, b) => b.used - a.used)) {
        total += entry.size
        if (total > limit || !entry.name.endsWith('.bin')) rmSync(entry.file, {force: true})
      }
    } catch {
      // Nothing to prune, or a folder that cannot be changed: it stays as it is.
    }
  }
}

/** Used now: the last to be pruned. A cache that cannot be changed (read-only) is still read. */
function touch(file: string): void {
  try {
    const now = new Date()
    utimesSync(file, now, now)
  } catch {
    // Pruned a little sooner, that is all.
  }
}
