/**
 * References to works in the metadata a reader sees (publication history, rights): `[[work-id]]` is written
 * where a text names another work, and the edition prints that work's short title. An internal id written
 * bare would reach the reader as it is: it is flagged, with the syntax to use instead.
 */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {warn} from '../message.js'

/** `[[id]]`: the explicit reference syntax of YAML text fields. */
const reference = /\[\[([A-Za-z0-9][A-Za-z0-9._-]*)\]\]/g

/** What a reference can name: each work of the edition by id, with the title to print. */
export type ReferenceTitles = ReadonlyMap<string, string>

/**
 * `text` with each `[[id]]` replaced by the title of work `id`. An unknown id is a warning and prints as written
 * without its brackets; a known id written bare (a word of its own, not inside a URL) is a warning too.
 */
export function resolveReferences(text: string, titles: ReferenceTitles, file: VFile, place: Position | undefined): string {
  const out = text.replace(reference, (whole, id: string) => {
    const title = titles.get(id)
    if (title !== undefined) return title
    warn(file, `Reference \`${whole}\` names no work of this edition: printed as \`${id}\``, place, 'reference-unknown')
    return id
  })
  for (const id of titles.keys()) {
    // Ids of one word are words of the language too ("introduction"): only compound ids are unmistakable.
    if (!/[-_.]/.test(id)) continue
    const bare = new RegExp(`(?<![\\w/.#[-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/-]|\\]\\])`)
    if (bare.test(text.replace(reference, ''))) {
      warn(file, `The internal id \`${id}\` would be printed as it is: write \`[[${id}]]\` to print the work's title`, place, 'reference-bare')
    }
  }
  return out
}
