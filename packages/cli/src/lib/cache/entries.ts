/**
 * A folder of cache entries for one stage (`.samizdat-cache/parse/`, `layout/`): bytes by key, written aside and
 * renamed (a reader never sees half an entry; both threads of a build may write the same one), touched when read.
 * Bounded: past `limit` bytes the entries least recently used go first. An entry that cannot be read is a miss;
 * one that cannot be written is skipped: the cache only ever saves time.
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

export class EntryFolder {
  readonly dir: string
  readonly stats: StageStats = {reused: 0, made: 0}

  constructor(dir: string) {
    this.dir = dir
  }

  /** The entry's value, when `accept` takes its bytes (a torn or foreign entry is a miss). */
  get<T>(key: string, accept: (data: Uint8Array) => T | undefined): T | undefined {
    const file = path.join(this.dir, `${key}.bin`)
    try {
      const value = accept(readFileSync(file))
      if (value !== undefined) {
        this.stats.reused++
        touch(file)
        return value
      }
    } catch {
      // Missing, unreadable or not what it claims: made again.
    }
    return undefined
  }

  set(key: string, data: Uint8Array): void {
    this.stats.made++
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
