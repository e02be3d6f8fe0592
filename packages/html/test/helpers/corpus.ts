/**
 * The project's real reader edition, resolved by the model, for tests that
 * must hold on actual content and not only on the hand-made fixture.
 */
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {loadCorpus, resolveEdition, type ResolvedEdition} from '@samizdat/model'

export const corpusDir = fileURLToPath(new URL('../../../../corpus/', import.meta.url))
export const readerEdition = 'workers-opposition'

/** Why the real edition cannot be tested yet, or `undefined` when it can. */
export function realEditionMissing(): string | undefined {
  return existsSync(corpusDir + 'editions/' + readerEdition + '.yaml')
    ? undefined
    : `corpus/editions/${readerEdition}.yaml does not exist yet: real-edition checks skipped`
}

export async function realEdition(): Promise<ResolvedEdition> {
  const corpus = await loadCorpus(corpusDir)
  return resolveEdition(corpus, readerEdition)
}
