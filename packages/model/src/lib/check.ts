/** `check`: everything that can be wrong with a corpus, reported as messages on its files. */
import {checkFidelity} from './fidelity.js'
import {resolveEdition} from './resolve/edition.js'
import type {Corpus} from './types.js'

/**
 * Verify sources (checksums, chrome, fidelity) and resolve every edition.
 * Never throws for content problems: read `corpus.files` afterwards.
 */
export async function checkCorpus(corpus: Corpus): Promise<void> {
  await checkFidelity(corpus)
  for (const edition of corpus.editions) resolveEdition(corpus, edition.id)
}
