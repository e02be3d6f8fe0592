import type {Creator} from '@samizdat/model'

/** Names of the authors, or of everyone credited when no one is an author. */
export function authorNames(creators: readonly Creator[]): string[] {
  const authors = creators.filter((c) => c.role === 'aut')
  return [...new Set((authors.length > 0 ? authors : creators).map((c) => c.name))]
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[], and = 'and'): string {
  if (names.length < 2) return names.join('')
  return names.slice(0, -1).join(', ') + ' ' + and + ' ' + names.at(-1)
}
