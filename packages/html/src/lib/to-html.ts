/**
 * The web edition: `index.html` (title page, contents, preface), one page
 * per work, `style.css`. Pure: files come back as strings, the caller writes them.
 */
import type {ResolvedEdition} from '@samizdat/model'
import {authorNames, listNames} from './creators.js'
import {stylesheet} from './css.js'
import {indexPage, pageOf, siteHrefFor} from './href.js'
import {resolveLabels} from './labels.js'
import {renderPage, type PageInput, type PageLink} from './page.js'
import {serialize} from './serialize.js'
import {renderTitlePage} from './title-page.js'
import type {HtmlOptions, HtmlSite} from './types.js'
import {renderWork} from './work.js'

export function toHtml(edition: ResolvedEdition, options: HtmlOptions = {}): HtmlSite {
  const labels = resolveLabels(options.labels)
  const hrefFor = siteHrefFor(edition)
  const {meta} = edition

  // Reading order: the index page, then the works; each links to its neighbours.
  const order: PageLink[] = [
    {href: indexPage, title: meta.title},
    ...edition.works.map((work) => ({href: pageOf(work), title: work.meta.title}))
  ]
  const shared = {
    siteTitle: meta.title,
    chromeLang: meta.language,
    colophon: [meta.rights, meta.publisher].filter((x): x is string => Boolean(x)),
    labels
  }
  const neighbours = (index: number) => ({previous: order[index - 1], next: order[index + 1]})

  const index: PageInput = {
    ...shared,
    ...neighbours(0),
    lang: meta.language,
    title: meta.title,
    description: meta.description ?? describe(meta.title, edition.works.map((w) => w.meta.title)),
    author: listNames(authorNames(meta.creators), labels.and),
    skipTarget: 'title-page',
    main: renderTitlePage(edition, hrefFor, labels)
  }

  const works = edition.works.map((work, position): [string, PageInput] => {
    const authors = listNames(authorNames(work.meta.creators), labels.and)
    return [pageOf(work), {
      ...shared,
      ...neighbours(position + 1),
      lang: work.meta.language,
      title: pageTitle(work.meta.title, meta.title),
      description: work.meta.description ?? (authors ? work.meta.title + ' (' + authors + ')' : work.meta.title),
      author: authors,
      skipTarget: work.id,
      main: [renderWork(work, {edition: meta, hrefFor, labels})]
    }]
  })

  return {
    files: [
      ...[[indexPage, index] as const, ...works].map(([path, page]) => ({path, contents: serialize(renderPage(page))})),
      {path: 'style.css', contents: stylesheet + (options.css ? '\n' + options.css + '\n' : '')}
    ]
  }
}

/** The work's title, followed by the edition's when both fit where browsers and search results show titles. */
function pageTitle(work: string, edition: string): string {
  const both = work + ' – ' + edition
  return both.length <= 70 ? both : work
}

function describe(title: string, works: string[]): string {
  return works.length > 0 ? title + ': ' + works.join('; ') : title
}
