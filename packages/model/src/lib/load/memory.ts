/**
 * A corpus held in memory: the same reader contract as the disk's sandbox,
 * and the same rules (every file at most `maxFileSize` bytes, strict UTF-8,
 * nothing outside the corpus). Nothing here touches the file system.
 */
import {isAbsolute, join, relative, sep} from 'node:path'
import {UsageError} from '../errors.js'
import {decoded, remember, tooLarge, type BytesResult, type ReadProblem, type ReadResult, type Reader} from './read.js'

/** Corpus files by path relative to the corpus folder (`works/a.md`), as text or bytes. */
export type CorpusFiles = Readonly<Record<string, string | Uint8Array>>

export class MemoryReader implements Reader {
  readonly root: string
  readonly maxFileSize: number
  readonly files = new Map<string, Uint8Array>()
  readonly #files = new Map<string, Uint8Array>()
  readonly #folders = new Map<string, Set<string>>()

  /** `root` is the absolute folder the files stand in; a name that is absolute or climbs out with `..` is a `UsageError`. */
  constructor(root: string, files: CorpusFiles, maxFileSize: number) {
    this.root = root
    this.maxFileSize = maxFileSize
    this.#folders.set(root, new Set())
    const encoder = new TextEncoder()
    for (const [name, contents] of Object.entries(files)) {
      const segments = name.split(/[/\\]/)
      if (name === '' || isAbsolute(name) || /^[A-Za-z]:/.test(name) || segments.some((segment) => segment === '..' || segment === '' || segment === '.')) {
        throw new UsageError(
          `Expected corpus file names relative to the corpus folder, without \`..\`, \`.\` or empty parts (e.g. \`works/a.md\`), not \`${name}\``
        )
      }
      if (typeof contents !== 'string' && !(contents instanceof Uint8Array)) {
        throw new UsageError(`Expected the contents of \`${name}\` to be a string or a Uint8Array`)
      }
      let folder = root
      for (const segment of segments.slice(0, -1)) {
        const child = join(folder, segment)
        this.#folders.get(folder)?.add(segment)
        if (!this.#folders.has(child)) this.#folders.set(child, new Set())
        folder = child
      }
      this.#folders.get(folder)?.add(segments.at(-1) as string)
      this.#files.set(join(root, ...segments), typeof contents === 'string' ? encoder.encode(contents) : contents)
    }
    for (const path of this.#files.keys()) {
      if (this.#folders.has(path)) throw new UsageError(`\`${relative(root, path)}\` is given both as a file and as a folder`)
    }
  }

  async resolve(path: string, name: string = path): Promise<{real: string; problem?: undefined} | {problem: ReadProblem}> {
    const real = join(path)
    const rel = relative(this.root, real)
    if (isAbsolute(rel) || rel === '..' || rel.startsWith('..' + sep)) {
      return {
        problem: {
          reason: `\`${name}\` is outside the corpus folder (it resolves to a path outside it): only files inside the corpus are read`,
          ruleId: 'file-outside'
        }
      }
    }
    if (!this.#files.has(real) && !this.#folders.has(real)) return {problem: {reason: `\`${name}\` not found`, ruleId: 'file-missing'}}
    return {real}
  }

  async list(dir: string): Promise<string[] | undefined> {
    const resolved = await this.resolve(dir)
    if (resolved.problem) return undefined
    const names = this.#folders.get(resolved.real)
    return names && [...names].sort()
  }

  async isFolder(dir: string): Promise<boolean> {
    const resolved = await this.resolve(dir)
    return !resolved.problem && this.#folders.has(resolved.real)
  }

  async read(path: string, name: string = path): Promise<ReadResult> {
    const read = await this.readBytes(path, name)
    return read.problem ? {problem: read.problem} : decoded(read.bytes, name)
  }

  async readBytes(path: string, name: string = path): Promise<BytesResult> {
    const resolved = await this.resolve(path, name)
    if (resolved.problem) return {problem: resolved.problem}
    const bytes = this.#files.get(resolved.real)
    if (!bytes) return {problem: {reason: `\`${name}\` is a folder, not a file`, ruleId: 'file-special'}}
    if (bytes.length > this.maxFileSize) return {problem: tooLarge(name, this.maxFileSize)}
    remember(this, path, bytes)
    return {bytes}
  }
}
