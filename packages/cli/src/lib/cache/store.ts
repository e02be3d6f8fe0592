/**
 * The output cache: `.samizdat-cache/` beside the output folder (never in
 * it: the output's manifest lists only what a build publishes; never in the
 * corpus: a corpus is read, not written). One file per edition and format,
 * named by its key; a new entry replaces the older ones of its slot, so the
 * folder holds one build's worth. A missing, unreadable or foreign entry is a
 * miss, and a cache that cannot be written is skipped: the cache only ever
 * saves time, it never changes or stops a build.
 */
import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {deserialize, serialize} from 'node:v8'
import type {OutputFile} from '@samizdat/model'
import type {WarningData} from '../threads.js'
import {codeVersion} from './code.js'

/** The cache folder of a build writing into `out`. */
export function cacheDir(out: string): string {
  return path.join(path.dirname(out), '.samizdat-cache')
}

export interface Cached {
  files: OutputFile[]
  warnings: WarningData[]
}

export class OutputCache {
  readonly #dir: string

  constructor(out: string) {
    this.#dir = cacheDir(out)
  }

  async get(slot: string, key: string): Promise<Cached | undefined> {
    try {
      const value = deserialize(await readFile(this.#file(slot, key))) as Cached
      if (!Array.isArray(value.files) || !Array.isArray(value.warnings)) return undefined
      if (!value.files.every((file) => typeof file.path === 'string' && file.data instanceof Uint8Array)) return undefined
      return value
    } catch {
      return undefined
    }
  }

  async put(slot: string, key: string, value: Cached): Promise<void> {
    try {
      await mkdir(this.#dir, {recursive: true})
      const file = this.#file(slot, key)
      // Written aside, then renamed: a build stopped half-way leaves no torn entry.
      const temporary = `${file}.${process.pid}.tmp`
      await writeFile(temporary, serialize({files: value.files, warnings: value.warnings}))
      await rename(temporary, file)
      for (const name of await readdir(this.#dir)) {
        if (name.startsWith(`${slot}.`) && name !== path.basename(file) && name.slice(slot.length + 1).split('.').length === 2) {
          await rm(path.join(this.#dir, name), {force: true})
        }
      }
    } catch {
      // A read-only or full disk: the build is written all the same; the next one is cold.
    }
  }

  #file(slot: string, key: string): string {
    return path.join(this.#dir, `${slot}.${key}.bin`)
  }
}

/** The key of a writer's output: the edition's fingerprint, the format and its options, and the code that writes it. */
export function outputKey(parts: {edition: string; format: string; options: Record<string, unknown>}): string {
  return createHash('sha256')
    .update(JSON.stringify([codeVersion(), parts.format, parts.options, parts.edition]))
    .digest('hex')
    .slice(0, 32)
}
