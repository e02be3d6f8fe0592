/**
 * A content hash of any value a writer reads: a resolved edition with its
 * trees, maps, sets, bytes and files. A writer's output is a function of the
 * resolved edition, its options and its code, so a key made of those three
 * changes exactly when the output can: an annotation, the edition file or a
 * person entry changes the resolved edition, hence the key; an edit to a
 * work another edition holds does not.
 */
import {createHash, type Hash} from 'node:crypto'

/**
 * The digest of each tree (an mdast or hast `root`) met, by identity: a work's tree is in the output's key and in
 * each stage's (its layout, its page, its chapters), and hashed once per process instead of at each. A tree is
 * always hashed by its digest, wherever it is met, so the keys do not depend on what was hashed before. Trees are
 * not changed once resolved; were one changed, its keys would stay those of the tree as resolved, which is what
 * every output is made from.
 */
const trees = new WeakMap<object, string>()

/** Hashes values into one digest; objects met twice (shared or cyclic) are hashed once, then named by their order. */
export class Fingerprint {
  readonly #hash: Hash = createHash('sha256')
  readonly #seen = new Map<object, number>()
  /** The tree this fingerprint digests (walked, not named by its digest). */
  readonly #tree: object | undefined
  #buffer = ''

  constructor(tree?: object) {
    this.#tree = tree
  }

  add(value: unknown): this {
    this.#walk(value)
    return this
  }

  digest(): string {
    this.#flush()
    return this.#hash.digest('hex')
  }

  #write(text: string): void {
    this.#buffer += text
    // Hashing in chunks: one update per primitive would cost more than the walk.
    if (this.#buffer.length > 1 << 16) this.#flush()
  }

  #flush(): void {
    this.#hash.update(this.#buffer)
    this.#buffer = ''
  }

  #walk(value: unknown): void {
    switch (typeof value) {
      case 'string':
        // The length first: no two sequences of strings hash alike.
        this.#write(`s${value.length}:${value}`)
        return
      case 'number':
      case 'boolean':
      case 'bigint':
        this.#write(`${(typeof value)[0]}${String(value)};`)
        return
      case 'undefined':
        this.#write('u;')
        return
      case 'symbol':
        this.#write(`y${String(value.description)};`)
        return
      case 'function':
        // Code, not data: what it closes over is in the edition's data too (a YAML file's text, a tree).
        this.#write(`f${value.name};`)
        return
    }
    if (value === null) return this.#write('n;')
    const object = value as object
    if ((object as {type?: unknown}).type === 'root' && object !== this.#tree) return this.#write(`h${treeDigest(object)};`)
    const seen = this.#seen.get(object)
    if (seen !== undefined) return this.#write(`r${seen};`)
    this.#seen.set(object, this.#seen.size)
    if (ArrayBuffer.isView(object)) {
      this.#flush()
      this.#write(`b${object.byteLength}:`)
      this.#flush()
      this.#hash.update(new Uint8Array(object.buffer, object.byteOffset, object.byteLength))
      return
    }
    if (Array.isArray(object)) {
      this.#write(`a${object.length}[`)
      for (const item of object) this.#walk(item)
      return this.#write(']')
    }
    if (object instanceof Map) {
      this.#write(`m${object.size}{`)
      for (const [key, item] of object) {
        this.#walk(key)
        this.#walk(item)
      }
      return this.#write('}')
    }
    if (object instanceof Set) {
      this.#write(`t${object.size}{`)
      for (const item of object) this.#walk(item)
      return this.#write('}')
    }
    if (object instanceof Date) return this.#write(`d${object.getTime()};`)
    if (object instanceof RegExp) return this.#write(`x${String(object)};`)
    // A class instance is told from a plain object with the same fields.
    this.#write(`o${object.constructor?.name ?? ''}{`)
    for (const key of Object.keys(object)) {
      this.#write(`k${key.length}:${key}`)
      this.#walk((object as Record<string, unknown>)[key])
    }
    this.#write('}')
  }
}

function treeDigest(tree: object): string {
  let digest = trees.get(tree)
  if (digest === undefined) {
    digest = new Fingerprint(tree).add(tree).digest()
    trees.set(tree, digest)
  }
  return digest
}
