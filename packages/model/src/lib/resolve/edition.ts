// Placeholder while the resolver is written (replaced in the next commit).
import type {Corpus, ResolvedEdition} from '../types.js'
export interface ResolveOptions {}
export function resolveEdition(_corpus: Corpus, _id: string, _options: ResolveOptions = {}): ResolvedEdition {
  throw new Error('not yet')
}
