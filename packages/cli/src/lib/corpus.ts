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
