/** `check`: everything that can be wrong with a corpus, reported as messages on its files. */
import path from 'node:path'
import type {VFileMessage} from 'vfile-message'
import {checkFidelity} from './fidelity.js'
import {resolveEdition} from './resolve/edition.js'
import type {Corpus} from './types.js'

/**
 * Verify sources (checksums, chrome, fidelity) and resolve every edition.
 * Never throws for content problems: read `corpus.files` afterwards.
 */
export async function checkCorpus(corpus: Corpus): Promise<void> {
  await checkFidelity(corpus)
  // Resolving hands its messages back; reporting them on the corpus's files is what `check` is for.
  for (const edition of corpus.editions) report(corpus, resolveEdition(corpus, edition.id).messages)
}

/** Add each message to the corpus file it names, once: editions sharing a work find its problems each. */
function report(corpus: Corpus, messages: readonly VFileMessage[]): void {
  for (const message of messages) {
    const file = corpus.files.find(
      (candidate) =>
        candidate.path !== undefined && message.file !== undefined && path.resolve(candidate.cwd, candidate.path) === path.resolve(candidate.cwd, message.file)
    )
    if (!file) continue
    const same = file.messages.some(
      (known) => known.reason === message.reason && known.line === message.line && known.column === message.column && known.ruleId === message.ruleId
    )
    if (!same) file.messages.push(message)
  }
}
