/**
 * The corpus is a sandbox: the one way the model reads a file or lists a folder.
 *
 * Every path is resolved with `realpath` and must stay inside the corpus
 * folder's real path (a symlink that leaves it is refused); only regular files
 * are read (checked with `stat` before opening, so a FIFO never blocks and a
 * device is never read); each file is at most `maxFileSize` bytes (checked
 * before reading and again while reading, in case it grows); and it must be
 * UTF-8 (a wrong encoding is reported, never silently replaced).
 * Problems come back as values, never as exceptions: callers position them.
 */
import {constants, realpathSync} from 'node:fs'
import {open, readdir, realpath, stat} from 'node:fs/promises'
import {isAbsolute, relative, sep} from 'node:path'
import type {Point} from 'unist'
import type {Corpus} from '../types.js'
import type {CorpusFiles} from './memory.js'

/** Default `LoadOptions.maxFileSize`: 50 MB, far above any text, far below what breaks a string. */
export const defaultMaxFileSize = 50 * 1024 * 1024

export interface ReadProblem {
  reason: string
  ruleId: 'file-missing' | 'file-outside' | 'file-special' | 'file-too-large' | 'file-unreadable' | 'encoding-invalid'
  /** Where in the file the problem is (invalid UTF-8), when it is inside it. */
  place?: Point
}

export type ReadResult = {value: string; bytes: Uint8Array; problem?: undefined} | {problem: ReadProblem; value?: undefined}

export type BytesResult = {bytes: Uint8Array; problem?: undefined} | {problem: ReadProblem; bytes?: undefined}

/**
 * How the loader reads a corpus: the disk (`CorpusReader`, a sandbox on a
 * folder) or memory (`MemoryReader`). Paths are absolute, under `root`;
 * `name` is how messages call the file. Problems are values, never thrown.
 */
export interface Reader {
  /** Absolute path of the corpus folder (its real path, on disk). */
  readonly root: string
  readonly maxFileSize: number
  /** The canonical path of `path` if it stays in the corpus, else a problem. */
  resolve(path: string, name?: string): Promise<{real: string; problem?: undefined} | {problem: ReadProblem}>
  /** Names in folder `dir` (sorted), or undefined when it is missing, not a folder, or outside the corpus. */
  list(dir: string): Promise<string[] | undefined>
  /** Whether `dir` is a folder inside the corpus. */
  isFolder(dir: string): Promise<boolean>
  /** A UTF-8 file inside the corpus, at most `maxFileSize` bytes. */
  read(path: string, name?: string): Promise<ReadResult>
  /** A file inside the corpus as bytes (an image), at most `maxFileSize` bytes: the same sandbox, no decoding. */
  readBytes(path: string, name?: string): Promise<BytesResult>
  /** Every file read so far, by its path relative to `root` (see `loadedFiles`). */
  readonly files: Map<string, Uint8Array>
}

/** The disk reader: every read sandboxed to the corpus folder's real path. */
export class CorpusReader implements Reader {
  /** Real path of the corpus folder. */
  readonly root: string
  readonly maxFileSize: number
  readonly files = new Map<string, Uint8Array>()

  constructor(root: string, maxFileSize = defaultMaxFileSize) {
    this.root = root
    this.maxFileSize = maxFileSize
  }

  /** Make a reader for `dir`, or undefined when it is no folder. */
  static async of(dir: string, maxFileSize?: number): Promise<CorpusReader | undefined> {
    try {
      const real = await realpath(dir)
      if (!(await stat(real)).isDirectory()) return undefined
      return new CorpusReader(real, maxFileSize)
    } catch {
      return undefined
    }
  }

  /** Whether a real path is the corpus folder or inside it. */
  inside(real: string): boolean {
    const rel = relative(this.root, real)
    return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith('..' + sep))
  }

  /** The real path of `path` if it stays in the sandbox, else a problem. */
  async resolve(path: string, name: string = path): Promise<{real: string; problem?: undefined} | {problem: ReadProblem}> {
    let real: string
    try {
      real = await realpath(path)
    } catch (error) {
      return {problem: systemProblem(error, name)}
    }
    if (!this.inside(real)) {
      return {
        problem: {
          reason: `\`${name}\` is outside the corpus folder (it resolves to a path outside it): only files inside the corpus are read`,
          ruleId: 'file-outside'
        }
      }
    }
    return {real}
  }

  /** Names in folder `dir` (sorted), or undefined when it is missing, not a folder, or outside the sandbox. */
  async list(dir: string): Promise<string[] | undefined> {
    const resolved = await this.resolve(dir)
    if (resolved.problem) return undefined
    try {
      return (await readdir(resolved.real)).sort()
    } catch {
      return undefined
    }
  }

  /** Whether `dir` is a folder inside the sandbox that can be listed. */
  async isFolder(dir: string): Promise<boolean> {
    const resolved = await this.resolve(dir)
    if (resolved.problem) return false
    try {
      return (await stat(resolved.real)).isDirectory()
    } catch {
      return false
    }
  }

  /** Read a regular UTF-8 file inside the sandbox; `name` is how messages call it. */
  async read(path: string, name: string = path): Promise<ReadResult> {
    const read = await this.readBytes(path, name)
    return read.problem ? {problem: read.problem} : decoded(read.bytes, name)
  }

  /** Read a regular file inside the sandbox as bytes; `name` is how messages call it. */
  async readBytes(path: string, name: string = path): Promise<BytesResult> {
    const resolved = await this.resolve(path, name)
    if (resolved.problem) return {problem: resolved.problem}
    const {real} = resolved
    try {
      const info = await stat(real)
      if (info.isDirectory()) return {problem: {reason: `\`${name}\` is a folder, not a file`, ruleId: 'file-special'}}
      if (!info.isFile()) return {problem: {reason: `\`${name}\` is not a regular file (a device, pipe or socket): it is not read`, ruleId: 'file-special'}}
      if (info.size > this.maxFileSize) return {problem: tooLarge(name, this.maxFileSize)}
      // Non-blocking, in case the path was swapped for a pipe since `stat`.
      const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK)
      try {
        const read = await readAtMost(handle, this.maxFileSize + 1)
        if (read.length > this.maxFileSize) return {problem: tooLarge(name, this.maxFileSize)}
        remember(this, path, read)
        return {bytes: read}
      } finally {
        await handle.close()
      }
    } catch (error) {
      return {problem: systemProblem(error, name)}
    }
  }
}

/** Bytes as strict UTF-8 text, or the problem named after the file. */
export function decoded(bytes: Uint8Array, name: string): ReadResult {
  const text = decodeUtf8(bytes)
  if (text.problem) return {problem: {...text.problem, reason: `\`${name}\`: ${text.problem.reason}`}}
  return {value: text.value, bytes}
}

async function readAtMost(handle: import('node:fs/promises').FileHandle, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let total = 0
  while (total < limit) {
    const buffer = Buffer.alloc(Math.min(64 * 1024, limit - total))
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, null)
    if (bytesRead === 0) break
    chunks.push(buffer.subarray(0, bytesRead))
    total += bytesRead
  }
  return Buffer.concat(chunks, total)
}

export function tooLarge(name: string, limit: number): ReadProblem {
  return {reason: `\`${name}\` is larger than the limit of ${limit} bytes (\`maxFileSize\`)`, ruleId: 'file-too-large'}
}

function systemProblem(error: unknown, name: string): ReadProblem {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return {reason: `\`${name}\` not found`, ruleId: 'file-missing'}
    case 'EACCES':
    case 'EPERM':
      return {reason: `\`${name}\` cannot be read: permission denied`, ruleId: 'file-unreadable'}
    case 'ELOOP':
      return {reason: `\`${name}\` cannot be read: too many levels of symbolic links`, ruleId: 'file-unreadable'}
    case 'EAGAIN':
      return {reason: `\`${name}\` is not a regular file: it is not read`, ruleId: 'file-special'}
    default:
      return {reason: `\`${name}\` cannot be read (${code ?? 'unknown error'})`, ruleId: 'file-unreadable'}
  }
}

/** Strict UTF-8 (a leading BOM dropped); the first invalid byte is reported with its line and column. */
function decodeUtf8(bytes: Uint8Array): {value: string; problem?: undefined} | {problem: ReadProblem; value?: undefined} {
  try {
    return {value: new TextDecoder('utf-8', {fatal: true}).decode(bytes)}
  } catch {
    // The longest valid prefix: decoding a prefix fails exactly when it holds the bad byte.
    let low = 0
    let high = bytes.length
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      try {
        new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, middle), {stream: true})
        low = middle
      } catch {
        high = middle - 1
      }
    }
    // The prefix may end in the lead bytes of the bad sequence: report where that sequence starts.
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, low))
    } catch {
      while (low > 0 && ((bytes[low - 1] as number) & 0xc0) === 0x80) low--
      if (low > 0 && (bytes[low - 1] as number) >= 0xc0) low--
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, low))
    const lines = before.split('\n')
    const place = {line: lines.length, column: (lines.at(-1) ?? '').length + 1}
    return {problem: {reason: `invalid UTF-8 at byte ${low + 1}: save the file as UTF-8`, ruleId: 'encoding-invalid', place}}
  }
}

/** Keep what `reader` read at `path`, by its path relative to the corpus folder (one inside it, as every read is). */
export function remember(reader: Reader, path: string, bytes: Uint8Array): void {
  const name = relative(reader.root, path)
  if (name !== '' && !isAbsolute(name) && !name.split(sep).includes('..')) reader.files.set(name, bytes)
}

/**
 * The files a corpus was loaded from, by path relative to its folder, as read: `corpusFromFiles(loadedFiles(corpus),
 * {dir: corpus.dir})` loads the same corpus again without reading the disk, whatever changed on it since (the CLI's
 * rendering thread gets them so, and both threads work on one text).
 */
export function loadedFiles(corpus: Corpus): CorpusFiles {
  return Object.fromEntries(readerOf(corpus).files)
}

// The reader a corpus was loaded with, for what reads later (sources, in `checkFidelity`).
const readers = new WeakMap<object, Reader>()

export function setReader(corpus: object, reader: Reader): void {
  readers.set(corpus, reader)
}

/** The corpus's reader; a corpus made by hand gets a default one on its folder. */
export function readerOf(corpus: {dir: string}): Reader {
  let reader = readers.get(corpus)
  if (!reader) {
    let root = corpus.dir
    try {
      root = realpathSync(corpus.dir)
    } catch {}
    reader = new CorpusReader(root)
    readers.set(corpus, reader)
  }
  return reader
}
