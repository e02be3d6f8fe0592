/** A folder without `editions/` is one edition, named after the folder, of every work in the order read (natural order, parts by folder). */
import {slug} from 'github-slugger'
import {VFile} from 'vfile'
import {fail} from '../message.js'
import type {Corpus, EditionSpec} from '../types.js'

/**
 * The edition's id is the folder name slugged (any folder name: `.notes`,
 * spaces, a backslash, `..`), its title the folder name as is. When nothing
 * is left of the name, the id is `''` and an error says what to do.
 */
export function implicitEdition(corpus: Corpus, cwd: string): EditionSpec {
  const file = new VFile({cwd, path: corpus.name})
  const id = editionIdOf(corpus.name)
  if (id === '') {
    fail(file, `The folder name \`${corpus.name}\` gives no edition id: rename the folder, or add \`editions/<id>.yaml\``, {line: 1, column: 1}, 'id-invalid')
  }
  return {
    id,
    title: corpus.name,
    creators: [],
    language: corpus.works[0]?.meta.language ?? 'en',
    works: corpus.works.map((work) => work.meta.id),
    subjects: [],
    file
  }
}

/** GitHub's slug of a name, without what no file name should start with. */
function editionIdOf(name: string): string {
  return slug(name)
    .replace(/[^\p{L}\p{N}_-]/gu, '')
    .replace(/^[-_]+/, '')
}
