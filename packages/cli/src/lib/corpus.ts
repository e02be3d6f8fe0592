import {ContentError, hasErrors, type Corpus} from '@samizdat/model'

/**
 * Throw `ContentError` when any message on the corpus files is an error; with `strict`, every warning is made one
 * first (printed and counted as an error), for editors who want a build with nothing to say.
 */
export function failOnErrors(corpus: Corpus, message: string, strict = false): void {
  if (strict) {
    for (const file of corpus.files) for (const warning of file.messages) if (warning.fatal === false) warning.fatal = true
  }
  if (hasErrors(corpus.files))
    throw new ContentError(`Corpus "${corpus.name}" has errors${strict ? ' (--strict: warnings count as errors)' : ''}; ${message}`, corpus.files)
}

/** Ids of the editions a corpus defines (the model adds the implicit one of a folder without `editions/`). */
export function editionIds(corpus: Corpus): string[] {
  return corpus.editions.map((edition) => edition.id)
}

/**
 * Whether edition `id` holds none of the works of the editions `later` (resolved after it on the same thread):
 * resolving it may then take the corpus's trees (`takeTrees`) instead of cloning them, the build reading the
 * corpus's trees no more.
 */
export function lastToHold(corpus: Corpus, id: string, later: readonly string[]): boolean {
  const works = (edition: string): readonly string[] => corpus.editions.find((spec) => spec.id === edition)?.works ?? []
  const mine = new Set(works(id))
  return later.every((edition) => works(edition).every((work) => !mine.has(work)))
}
