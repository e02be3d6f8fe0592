/**
 * The parse stage's cache: each Markdown file's tree (mdast), by a hash of its
 * text and of the code that parses it, in `.samizdat-cache/parse/`. Reading
 * a tree back (v8 deserialisation) is about a hundred times faster than
 * parsing it again: an edit to one work parses that work only. The model
 * hands over only trees whose parse said nothing (no message), so a tree from
 * here leaves its file exactly as a parse would.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'
import {deserialize, serialize} from 'node:v8'
import type {LoadOptions} from '@samizdat/model'
import {codeVersion} from './code.js'
import {EntryFolder} from './entries.js'

/** A parsed tree, as the model's loader hands it over. */
type Root = NonNullable<ReturnType<NonNullable<LoadOptions['parseCache']>['get']>>

export class ParseCache implements NonNullable<LoadOptions['parseCache']> {
  readonly folder: EntryFolder

  /** `dir`: the `.samizdat-cache/` folder; `loop`: kept between a loop's builds (see `EntryFolder`). */
  constructor(dir: string, loop = false) {
    this.folder = new EntryFolder(path.join(dir, 'parse'), loop)
  }

  get(text: string): Root | undefined {
    return this.folder.get(key(text), (data) => {
      const tree = deserialize(data) as Root
      // Only a root with children is a tree.
      return tree?.type === 'root' && Array.isArray(tree.children) ? tree : undefined
    })
  }

  set(text: string, tree: Root): void {
    this.folder.set(key(text), serialize(tree))
  }
}

function key(text: string): string {
  return createHash('sha256').update(codeVersion()).update('\0').update(text).digest('hex').slice(0, 40)
}
