import type {Creator} from '@samizdat/model'

/** Names of the authors, or of everyone credited when no one is an author. */
export function authorNames(creators: readonly Creator[]): string[] {
  const authors = creators.filter((c) => c.role === 'aut')
  return [...new Set((authors.length > 0 ? authors : creators).map((c) => c.name))]
}
