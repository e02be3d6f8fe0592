/**
 * The web edition's addressing: one page per work and per back-matter
 * section, front matter on the index page.
 */
import type {LinkTarget, ResolvedEdition, ResolvedSection, ResolvedWork} from '@samizdat/model'
import {idsIn} from './legacy.js'
import type {HrefFor} from './types.js'

export const indexPage = 'index.html'

export function pageOf(part: ResolvedWork | ResolvedSection): string {
  return part.id + '.html'
}

/**
 * `work.html` for a work's start, `work.html#id` inside it; `section.html#id`
 * for an id anywhere in a back-matter section (a bibliography entry, an index
 * heading), whatever work the target names; `index.html#id` for the rest (front matter).
 */
/** What `siteHrefFor` reads of an edition: each work's names, and the ids each back-matter section holds. */
export function siteTargets(edition: ResolvedEdition): unknown[] {
  return [edition.works.map((work) => [work.meta.id, work.id]), edition.backMatter.map((section) => [section.id, [...idsIn(section.tree)]])]
}

export function siteHrefFor(edition: ResolvedEdition): HrefFor {
  const works = new Map<string, ResolvedWork>()
  for (const work of edition.works) {
    works.set(work.meta.id, work)
    works.set(work.id, work)
  }
  // Ids are unique in the edition, so an id alone tells its back-matter page.
  const backMatter = new Map<string, ResolvedSection>()
  for (const section of edition.backMatter) {
    for (const id of idsIn(section.tree)) backMatter.set(id, section)
    backMatter.set(section.id, section)
  }
  return function hrefFor(target: LinkTarget) {
    const section = backMatter.get(target.id)
    if (section) return target.id === section.id ? pageOf(section) : pageOf(section) + '#' + target.id
    const work = works.get(target.work)
    if (!work) return indexPage + '#' + target.id
    const page = pageOf(work)
    return target.id === target.work || target.id === work.id ? page : page + '#' + target.id
  }
}
