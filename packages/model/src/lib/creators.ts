/** What every format does with a list of creators: group it by role for credit lines. */
import type {Creator, CreatorRole} from './types.js'

/** Creators grouped by role, roles in first-seen order, names deduplicated. */
export function creatorsByRole(creators: readonly Creator[]): Array<{role: CreatorRole; names: string[]}> {
  const groups = new Map<CreatorRole, string[]>()
  for (const creator of creators) {
    const names = groups.get(creator.role) ?? []
    if (!names.includes(creator.name)) names.push(creator.name)
    groups.set(creator.role, names)
  }
  return [...groups].map(([role, names]) => ({role, names}))
}

/** A list of names as prose: "A", "A and B", "A, B and C" (`and` in the edition's language). */
export function listNames(names: readonly string[], and = 'and'): string {
  if (names.length < 2) return names.join('')
  return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1) as string}`
}
