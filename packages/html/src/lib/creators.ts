import type {Creator} from '@samizdat/model'

/** Creators grouped by role, roles in first-seen order, names deduplicated. */
export function byRole(creators: readonly Creator[]): Array<{role: string; names: string[]}> {
  const groups = new Map<string, string[]>()
  for (const creator of creators) {
    const names = groups.get(creator.role) ?? []
    if (!names.includes(creator.name)) names.push(creator.name)
    groups.set(creator.role, names)
  }
  return [...groups].map(([role, names]) => ({role, names}))
}

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
