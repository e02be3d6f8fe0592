/**
 * The works' parsed trees, made once for both threads. The main thread loads the corpus through a `TreeRecorder`
 * (around the parse cache of `.samizdat-cache/`, if any), which keeps a copy of every tree as the parser made it;
 * the worker loads the same files through `SentTrees`, which gives those copies back instead of parsing again.
 * A copy is taken when the tree is made (v8 serialisation), as the parse cache does: loading changes a tree.
 * Reading one back costs a small part of parsing it, and the worker no longer parses the corpus a second time.
 * Meanwhile the worker, its code loaded and the corpus not yet sent, parses works from the last one (`helpParse`)
 * and sends their trees: the main thread, parsing from the first, takes those instead of parsing them. A tree
 * is found by a hash of its file's text, so it is only ever used for that very text.
 */
import {createHash} from 'node:crypto'
import {closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {setImmediate} from 'node:timers/promises'
import {deserialize, serialize} from 'node:v8'
import {corpusFromFiles, type LoadOptions} from '@samizdat/model'

type ParseCache = NonNullable<LoadOptions['parseCache']>
type Root = NonNullable<ReturnType<ParseCache['get']>>

/** Each tree by the hash of its file's text, serialised: what the main thread sends the worker. */
export type Trees = Array<[string, Uint8Array]>

export class TreeRecorder implements ParseCache {
  readonly #inner: ParseCache | undefined
  readonly #trees = new Map<string, Uint8Array>()
  /** Trees the worker parsed and sent while this thread loads the corpus. */
  readonly #helped = new Map<string, Uint8Array>()
  /** How many of those this thread took instead of parsing. */
  helpedWith = 0

  readonly #progress: Int32Array | undefined

  /** `progress`: counts the works this thread has loaded, for the worker to see (`helpParse`). */
  constructor(inner: ParseCache | undefined, progress?: Int32Array) {
    this.#inner = inner
    this.#progress = progress
  }

  /** Trees from the worker (`helpParse`). */
  help(trees: Trees): void {
    for (const [hash, data] of trees) this.#helped.set(hash, data)
  }

  get(text: string): Root | undefined {
    if (this.#progress) Atomics.add(this.#progress, 0, 1)
    const hash = key(text)
    const helped = this.#helped.get(hash)
    if (helped !== undefined) {
      this.#helped.delete(hash)
      this.helpedWith++
      this.#trees.set(hash, helped)
      const tree = deserialize(helped) as Root
      // Kept between builds as if parsed here (the parse cache copies it at once).
      this.#inner?.set(text, tree)
      return tree
    }
    const tree = this.#inner?.get(text)
    if (tree) this.#trees.set(hash, serialize(tree))
    return tree
  }

  set(text: string, tree: Root): void {
    this.#trees.set(key(text), serialize(tree))
    this.#inner?.set(text, tree)
  }

  /** The trees recorded, handed over once (this side keeps none). */
  take(): Trees {
    const trees = [...this.#trees]
    this.#trees.clear()
    // The worker's trees this thread parsed itself too are not needed either.
    this.#helped.clear()
    return trees
  }
}

export class SentTrees implements ParseCache {
  readonly #trees: Map<string, Uint8Array>

  constructor(trees: Trees) {
    this.#trees = new Map(trees)
  }

  get(text: string): Root | undefined {
    const data = this.#trees.get(key(text))
    // A tree of its own each time: the loader changes the tree it gets.
    return data === undefined ? undefined : (deserialize(data) as Root)
  }

  /** A file the main thread's parse had something to say about is parsed again here, and not kept. */
  set(): void {}
}

function key(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * On the worker, until `stop()` says the corpus has come: parses the works' Markdown files of `dir` from the last (in
 * the order of their paths) and hands each tree to `send` (one whose parse had something to say is not sent: the
 * main thread parses it, and reports it). It stops when the main thread (which counts the works it has loaded
 * in `progress`) is about to reach the files it has left: a parse begun just before the corpus comes would only
 * make the worker late. Only regular files of at most `maxFileSize` bytes; hidden names and
 * `node_modules` are skipped, links are not followed. A file the loader does not take as a work costs a parse,
 * nothing else. A text whose hash is `known` (a loop's main thread has its tree in memory) is not parsed, nor
 * mostly a text that is the only one not known (see below).
 */
export async function helpParse(
  dir: string,
  maxFileSize: number | undefined,
  progress: Int32Array,
  stop: () => boolean,
  send: (trees: Trees) => void,
  known?: ReadonlySet<string>
): Promise<void> {
  const limit = maxFileSize ?? 50 * 1024 * 1024
  const files = markdownFiles(worksFolder(dir)).map((file, index) => ({file, index, text: undefined as string | undefined}))
  let todo = files
  if (known) {
    for (const entry of files) entry.text = readText(entry.file, limit)
    todo = files.filter(({text}) => text !== undefined && !known.has(key(text)))
    // One new text (a loop's edit): the main thread, taking the other trees from memory (about a hundred times
    // faster than parsing them), reaches it before a parse here would end, unless a hundred files come first.
    const [only] = todo
    if (only === undefined || (todo.length === 1 && only.index < 100)) return
  }
  for (const {file, index, text: read} of todo.reverse()) {
    // The main thread's message is handled between two files.
    await setImmediate()
    if (stop() || index + 1 - Atomics.load(progress, 0) < 2) return
    const text = read ?? readText(file, limit)
    if (text === undefined || known?.has(key(text))) continue
    const recorder = new TreeRecorder(undefined)
    try {
      await corpusFromFiles({[path.basename(file)]: text}, {parseCache: recorder})
    } catch {
      continue
    }
    const trees = recorder.take()
    if (trees.length > 0) send(trees)
  }
}

/** A regular file's text (a link, a device or a pipe is not read), if it is at most `limit` bytes. */
function readText(file: string, limit: number): string | undefined {
  let fd: number | undefined
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
    const stat = fstatSync(fd)
    return stat.isFile() && stat.size <= limit ? readFileSync(fd, 'utf8') : undefined
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * Where the loader takes works from: `works/` when the corpus has that folder (a real one: a link is the
 * loader's to judge), else the corpus folder itself; prefaces, sources and other folders are no work of the worker.
 */
function worksFolder(dir: string): string {
  const works = path.join(dir, 'works')
  try {
    return lstatSync(works).isDirectory() ? works : dir
  } catch {
    return dir
  }
}

/** Markdown files under `dir`, in the order of their paths. */
function markdownFiles(dir: string): string[] {
  const found: string[] = []
  const folders = [dir]
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries
    try {
      entries = readdirSync(folder, {withFileTypes: true})
    } catch {
      continue
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const file = path.join(folder, entry.name)
      if (entry.isDirectory()) folders.push(file)
      else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) found.push(file)
    }
  }
  return found.sort()
}
