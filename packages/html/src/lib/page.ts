/**
 * The document shell every page shares: head, skip link, banner with the way
 * back to the contents, main, and a footer with previous/next navigation.
 */
import type {ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {indexPage} from './href.js'
import {searchPage} from './search.js'
import type {Words} from './labels.js'

export interface PageLink {
  href: string
  title: string
}

export interface PageInput {
  /** Language of the page's text. */
  lang: string
  /** Language of the edition, which the banner and footer speak. */
  chromeLang: string
  /** Contents of `<title>`. */
  title: string
  description: string
  /** Names for `<meta name="author">`; the tag is left out when empty. */
  author: string
  /** Title of the edition, shown in the banner. */
  siteTitle: string
  /** Id of the element the skip link jumps to. */
  skipTarget: string
  main: ElementContent[]
  previous: PageLink | undefined
  next: PageLink | undefined
  /** Small print in the footer (rights, publisher). */
  colophon: string[]
  labels: Words
  /** More scripts for this page (the search page's), after the one every page has. */
  scripts?: string[]
}

export function renderPage(input: PageInput): Root {
  const {labels} = input
  // The banner and footer are in the edition's language, marked when the page's differs.
  const lang = input.chromeLang === input.lang ? undefined : input.chromeLang
  const pager = [
    input.previous ? pagerLink('prev', labels.previous, input.previous) : undefined,
    input.next ? pagerLink('next', labels.next, input.next) : undefined
  ].filter((x) => x !== undefined)

  const head = h(
    'head',
    lines([
      h('meta', {charSet: 'utf-8'}),
      h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
      h('title', input.title),
      h('meta', {name: 'description', content: input.description}),
      input.author ? h('meta', {name: 'author', content: input.author}) : undefined,
      h('meta', {name: 'generator', content: 'Samizdat'}),
      h('link', {rel: 'stylesheet', href: 'style.css'}),
      // Progressive: lines margin notes up with their marks (sidenotes.ts); the page reads the same without it.
      h('script', {src: 'sidenotes.js', defer: true}),
      ...(input.scripts ?? []).map((src) => h('script', {src, defer: true}))
    ])
  )

  const body = h(
    'body',
    lines([
      h('a', {className: ['skip-link'], href: '#' + input.skipTarget, lang}, labels.skip),
      h(
        'header',
        {className: ['site-header'], lang},
        lines([
          h('a', {className: ['site-title'], href: indexPage}, input.siteTitle),
          h('nav', {ariaLabel: labels.siteNavigation, className: ['site-nav']}, [
            h('a', {href: indexPage + '#contents'}, labels.contents),
            ' ',
            h('a', {href: searchPage}, labels.search)
          ])
        ])
      ),
      h('main', lines(input.main)),
      h(
        'footer',
        {className: ['site-footer'], lang},
        lines([
          pager.length > 0 ? h('nav', {className: ['pager'], ariaLabel: labels.pageNavigation}, lines(pager)) : undefined,
          ...input.colophon.map((text) => h('p', {className: ['colophon']}, text))
        ])
      )
    ])
  )

  return {
    type: 'root',
    children: [{type: 'doctype'}, {type: 'text', value: '\n'}, h('html', {lang: input.lang}, lines([head, body])), {type: 'text', value: '\n'}]
  }
}

function pagerLink(rel: 'prev' | 'next', label: string, link: PageLink) {
  return h('a', {rel: [rel], href: link.href, className: [rel]}, [
    h('span', {className: ['pager-label']}, label),
    ' ',
    h('span', {className: ['pager-title']}, link.title)
  ])
}

/** Children one per line, so the output reads and diffs well. */
function lines(nodes: Array<ElementContent | undefined>): ElementContent[] {
  const result: ElementContent[] = [{type: 'text', value: '\n'}]
  for (const node of nodes) {
    if (node !== undefined) result.push(node, {type: 'text', value: '\n'})
  }
  return result
}
