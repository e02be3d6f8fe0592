/**
 * The parse stage's cache: each Markdown file's tree (mdast), by a hash of its
 * text and of the code that parses it, in `.samizdat-cache/parse/`. Reading
 * a tree back (v8 deserialisation) is about a hundred times faster than
 * parsing it again: an edit to one work parses that work only. The model
 * hands over only trees whose parse said nothing (no message), so a tree from
 * here leaves its file exactly as a parse would. Both threads of a build read
 * it; the main thread prunes, once the build is written, every tree no file
 * of this corpus has now.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {deserialize, serialize} from 'node:v8'
import {threadId} from 'node:worker_threads'
import type {LoadOptions} from '@samizdat/model'
import {codeVersion} from './code.js'

/** What is told of a parse cache's use, for tests and `--verbose` timings. */
export interface ParseStats {
  hits: number
  misses: number
}

/** A parsed tree, as the model's loader hands it over. */
type Root = NonNullable<ReturnType<NonNullable<LoadOptions['parseCache']>['get']>>

export class ParseCache implements NonNullable<LoadOptions['parseCache']> {
  readonly #dir: string
  readonly #used = new Set<string>()
  readonly stats: ParseStats = {hits: 0, misses: 0}

  /** `dir`: the `.samizdat-cache/` folder. */
  constructor(dir: string) {
    this.#dir = path.join(dir, 'parse')
  }

  get(text: string): Root | undefined {
    const name = this.#name(text)
    this.#used.add(name)
    try {
      const tree = deserialize(readFileSync(path.join(this.#dir, name))) as Root
      // A torn or foreign entry is a miss: only a root with children is a tree.
      if (tree?.type !== 'root' || !Array.isArray(tree.children)) throw new Error('not a tree')
      this.stats.hits++
      return tree
    } catch {
      this.stats.misses++
      return undefined
    }
  }

  set(text: string, tree: Root): void {
    const name = this.#name(text)
    try {
      mkdirSync(this.#dir, {recursive: true})
      // Written aside, then renamed: a reader never sees half an entry (the two threads may write the same one).
      const temporary = path.join(this.#dir, `${name}.${process.pid}-${threadId}.tmp`)
      writeFileSync(temporary, serialize(tree))
      renameSync(temporary, path.join(this.#dir, name))
    } catch {
      // A read-only or full disk: the tree is parsed again next time.
    }
  }

  /** Removes every entry this build did not ask for: the folder holds the trees of the corpus as it is now. */
  prune(): void {
    try {
      for (const name of readdirSync(this.#dir)) if (!this.#used.has(name)) rmSync(path.join(this.#dir, name), {force: true})
    } catch {
      // Nothing to prune, or a folder that cannot be changed: it stays as it is.
    }
  }

  #name(text: string): string {
    return `${createHash('sha256').update(codeVersion()).update('\0').update(text).digest('hex').slice(0, 40)}.bin`
  }
}
