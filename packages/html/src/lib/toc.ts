import type {Element} from 'hast'
import {h} from 'hastscript'
import {tocParts, type ResolvedEdition, type TocEntry} from '@samizdat/model'
import {pageOf} from './href.js'
import type {Words} from './labels.js'
import type {HrefFor} from './types.js'

/** The table of contents as a landmark: a heading, the works as nested ordered lists (by part), then the back matter. */
export function renderToc(edition: ResolvedEdition, hrefFor: HrefFor, labels: Words): Element {
  const languages = new Map<string, string>()
  for (const work of edition.works) {
    languages.set(work.meta.id, work.meta.language)
    languages.set(work.id, work.meta.language)
  }

  function list(entries: TocEntry[]): Element {
    return h(
      'ol',
      entries.map((entry) => {
        const href = entry.work === undefined ? '#' + entry.id : hrefFor({work: entry.work, id: entry.id})
        const language = entry.work === undefined ? undefined : languages.get(entry.work)
        // Mark a work in another language than the edition's, for screen readers and hyphenation.
        const lang = language && language !== edition.meta.language ? language : undefined
        return h('li', [h('a', {href, lang}, entry.text), entry.children.length > 0 ? list(entry.children) : undefined])
      })
    )
  }

  // Works in a part of the book (a folder of the corpus) sit under its heading, which links nowhere.
  const works = tocParts(edition).flatMap((run) =>
    run.part === undefined ? list(run.entries).children : [h('li', {className: ['toc-part']}, [h('span', run.part), list(run.entries)])]
  )
  const backMatter = edition.backMatter.map((section) => h('li', [h('a', {href: pageOf(section)}, section.title)]))
  return h('nav', {className: ['toc'], ariaLabelledBy: 'contents'}, [
    h('h2', {id: 'contents'}, labels.contents),
    h('ol', works),
    backMatter.length > 0 ? h('ol', {className: ['toc-back-matter']}, backMatter) : undefined
  ])
}
