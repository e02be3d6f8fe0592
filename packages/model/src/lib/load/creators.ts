/** Normalise the `authors`/`editors`/`contributors` lists of front matter. */
import type {Creator, CreatorRole} from '../types.js'

type PersonInput = string | {name: string; fileAs?: string; role?: CreatorRole}

export function toCreators(list: readonly PersonInput[] | undefined, role: CreatorRole): Creator[] {
  return (list ?? []).map((entry) => {
    if (typeof entry === 'string') return {name: entry, role}
    const creator: Creator = {name: entry.name, role: entry.role ?? role}
    if (entry.fileAs !== undefined) creator.fileAs = entry.fileAs
    return creator
  })
}
