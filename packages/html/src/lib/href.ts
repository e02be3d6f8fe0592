/** The web edition's addressing: one page per work, front matter on the index page. */
import type {LinkTarget, ResolvedEdition, ResolvedWork} from '@samizdat/model'
import type {HrefFor} from './types.js'

export const indexPage = 'index.html'

export function pageOf(work: ResolvedWork): string {
  return work.id + '.html'
}

/** `work.html` for a work's start, `work.html#id` inside it, `index.html#id` for front matter. */
export function siteHrefFor(edition: ResolvedEdition): HrefFor {
  const works = new Map<string, ResolvedWork>()
  for (const work of edition.works) {
    works.set(work.meta.id, work)
    works.set(work.id, work)
  }
  return function hrefFor(target: LinkTarget) {
    const work = works.get(target.work)
    if (!work) return indexPage + '#' + target.id
    const page = pageOf(work)
    return target.id === target.work || target.id === work.id ? page : page + '#' + target.id
  }
}
