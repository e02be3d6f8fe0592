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

  // Strings are added to the buffer in place (not through `#write`), the buffer's size checked once per object:
  // a work's tree is walked anew at each build of a loop, on both threads.
  #walk(value: unknown): void {
    switch (typeof value) {
      case 'string':
        // The length first: no two sequences of strings hash alike.
        this.#buffer += `s${value.length}:${value}`
        return
      case 'number':
      case 'boolean':
      case 'bigint':
        this.#buffer += `${(typeof value)[0]}${String(value)};`
        return
      case 'undefined':
        this.#buffer += 'u;'
        return
      case 'symbol':
        this.#buffer += `y${String(value.description)};`
        return
      case 'function':
        // Code, not data: what it closes over is in the edition's data too (a YAML file's text, a tree).
        this.#buffer += `f${value.name};`
        return
    }
    if (value === null) return this.#write('n;')
    if (this.#buffer.length > 1 << 16) this.#flush()
    const object = value as object
    if ((object as {type?: unknown}).type === 'root' && object !== this.#tree) return this.#write(`h${treeDigest(object)};`)
    const seen = this.#seen.get(object)
    if (seen !== undefined) return this.#write(`r${seen};`)
    this.#seen.set(object, this.#seen.size)
    if (Array.isArray(object)) {
      this.#buffer += `a${object.length}[`
      for (const item of object) this.#walk(item)
      this.#buffer += ']'
      return
    }
    if (Object.getPrototypeOf(object) === Object.prototype) return this.#fields(object, 'oObject{')
    if (ArrayBuffer.isView(object)) {
      this.#flush()
      this.#write(`b${object.byteLength}:`)
      this.#flush()
      this.#hash.update(new Uint8Array(object.buffer, object.byteOffset, object.byteLength))
      return
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
    this.#fields(object, `o${object.constructor?.name ?? ''}{`)
  }

  #fields(object: object, opening: string): void {
    this.#buffer += opening
    for (const key in object) {
      if (!Object.hasOwn(object, key)) continue
      this.#buffer += keyText(key)
      this.#walk((object as Record<string, unknown>)[key])
    }
    this.#buffer += '}'
  }
}

/** Each field name as hashed, made once: trees have few names, met at every node. */
const keyTexts = new Map<string, string>()

function keyText(key: string): string {
  let text = keyTexts.get(key)
  if (text === undefined) {
    text = `k${key.length}:${key}`
    if (keyTexts.size < 4096) keyTexts.set(key, text)
  }
  return text
}

function treeDigest(tree: object): string {
  let digest = trees.get(tree)
  if (digest === undefined) {
    digest = new Fingerprint(tree).add(tree).digest()
    trees.set(tree, digest)
  }
  return digest
}
