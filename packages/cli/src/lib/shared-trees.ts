/**
 * The works' parsed trees, made once for both threads. The main thread loads the corpus through a `TreeRecorder`
 * (around the parse cache of `.samizdat-cache/`, if any), which keeps a copy of every tree as the parser made it;
 * the worker loads the same files through `SentTrees`, which gives those copies back instead of parsing again.
 * A copy is taken when the tree is made (v8 serialisation), as the parse cache does: loading changes a tree.
 * Reading one back costs a small part of parsing it, and the worker no longer parses the corpus a second time.
 */
import {createHash} from 'node:crypto'
import {deserialize, serialize} from 'node:v8'
import type {LoadOptions} from '@samizdat/model'

type ParseCache = NonNullable<LoadOptions['parseCache']>
type Root = NonNullable<ReturnType<ParseCache['get']>>

/** Each tree by the hash of its file's text, serialised: what the main thread sends the worker. */
export type Trees = Array<[string, Uint8Array]>

export class TreeRecorder implements ParseCache {
  readonly #inner: ParseCache | undefined
  readonly #trees = new Map<string, Uint8Array>()

  constructor(inner: ParseCache | undefined) {
    this.#inner = inner
  }

  get(text: string): Root | undefined {
    const tree = this.#inner?.get(text)
    if (tree) this.#trees.set(key(text), serialize(tree))
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
