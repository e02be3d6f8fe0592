import {ContentError, hasErrors, type Corpus} from '@samizdat/model'

/** Throw `ContentError` when any message on the corpus files is an error. */
export function failOnErrors(corpus: Corpus, message: string): void {
  if (hasErrors(corpus.files)) throw new ContentError(`Corpus "${corpus.name}" has errors; ${message}`, corpus.files)
}

/** Ids of the editions a corpus defines (the model adds the implicit one of a folder without `editions/`). */
export function editionIds(corpus: Corpus): string[] {
  return corpus.editions.map((edition) => edition.id)
}
