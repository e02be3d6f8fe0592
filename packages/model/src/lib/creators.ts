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

/**
 * A list of names as prose, by `Intl.ListFormat` in `language` (a BCP 47 tag:
 * the edition's `labels.language`): "A, B and C" in en-GB, "A, B et C" in French.
 * No name or one is what `format` gives for it (nothing, the name), without making
 * a formatter: the first one of a process loads ICU's list patterns (about 10 ms).
 */
export function listNames(names: readonly string[], language: string): string {
  if (names.length <= 1) return names[0] ?? ''
  return new Intl.ListFormat(language, {type: 'conjunction', style: 'long'}).format(names)
}
