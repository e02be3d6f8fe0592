/**
 * Navigation: the EPUB 3 navigation document (the table of contents to the
 * second heading level, and the landmarks) and, for EPUB 2 reading systems,
 * the NCX with the same entries. Both are written whole here and handed to
 * epub-gen-memory as its templates' output.
 */
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {serialize} from '@samizdat/html'
import {tocParts, type ResolvedEdition, type TocEntry} from '@samizdat/model'
import {x} from 'xastscript'
import type {Element as XElement} from 'xast'
import {lines, xmlDocument} from './xml.js'
import type {BookDocument} from './documents.js'
import type {IdMap} from './links.js'
import type {PageBreak} from './page-list.js'
import type {EpubLabels} from './types.js'

export const navFile = 'toc.xhtml'
export const navId = 'contents'

export interface NavEntry {
  text: string
  /** Absent for a part of the book: a heading over its works, linking nowhere. */
  href?: string
  lang?: string
  children: NavEntry[]
}

export interface Landmark {
  type: string
  text: string
  href: string
}

/**
 * The contents: the preface, each work with its sections (depth 2), the back
 * matter and the colophon, each linked to the file and id it starts at.
 */
export function contents(edition: ResolvedEdition, documents: readonly BookDocument[], ids: IdMap): NavEntry[] {
  const starts = new Map(documents.filter((d) => d.start).map((d) => [d.start!, d.file]))
  const href = (id: string): string => starts.get(id) ?? (ids.get(id) ?? navFile) + '#' + id
  const languages = new Map(edition.works.map((work) => [work.id, work.meta.language]))
  const lang = (work: string | undefined) => {
    const language = work === undefined ? undefined : languages.get(work)
    return language && language !== edition.meta.language ? language : undefined
  }

  const entries: NavEntry[] = []
  const add = (document: BookDocument | undefined) => {
    if (document?.start) entries.push({text: document.title, href: href(document.start), children: []})
  }
  add(documents.find((d) => d.kind === 'preface'))
  const workEntry = (work: TocEntry): NavEntry => {
    const workLang = lang(work.work)
    return {
      text: work.text,
      href: href(work.id),
      ...(workLang ? {lang: workLang} : {}),
      children: work.children.map((child) => ({text: child.text, href: href(child.id), children: []}))
    }
  }
  // Works in a part of the book (a folder of the corpus) sit under its heading.
  for (const run of tocParts(edition)) {
    if (run.part === undefined) entries.push(...run.entries.map(workEntry))
    else entries.push({text: run.part, children: run.entries.map(workEntry)})
  }
  for (const document of documents) if (document.kind === 'back-matter' || document.kind === 'colophon' || document.kind === 'licence') add(document)
  return entries
}

export function landmarks(documents: readonly BookDocument[], labels: EpubLabels): Landmark[] {
  const first = (kind: BookDocument['kind']) => documents.find((d) => d.kind === kind)
  const out: Landmark[] = []
  const push = (type: string, text: string, document: BookDocument | undefined) => {
    if (document) out.push({type, text, href: document.file})
  }
  push('cover', labels.cover, first('cover'))
  push('titlepage', labels.titlePage, first('title-page'))
  out.push({type: 'toc', text: labels.contents, href: navFile + '#' + navId})
  push('preface', first('preface')?.title ?? '', first('preface'))
  push('bodymatter', labels.startOfReading, first('work'))
  push(
    'backmatter',
    labels.backMatter,
    documents.find((d) => d.matter === 'backmatter')
  )
  return out
}

/** The navigation document, as XHTML (`serialize` writes an `xml:lang` beside each `lang`). */
export function navDocument(input: {title: string; lang: string; entries: NavEntry[]; landmarks: Landmark[]; labels: EpubLabels; pages: Landmark[]}): string {
  const list = (entries: NavEntry[]): ElementContent =>
    h(
      'ol',
      entries.map((entry) =>
        h('li', [
          entry.href === undefined ? h('span', entry.text) : h('a', {href: entry.href, lang: entry.lang}, entry.text),
          entry.children.length > 0 ? list(entry.children) : undefined
        ])
      )
    )

  const html = h('html', {xmlns: 'http://www.w3.org/1999/xhtml', 'xmlns:epub': 'http://www.idpf.org/2007/ops', lang: input.lang}, [
    h('head', [h('meta', {charSet: 'utf-8'}), h('title', input.labels.contents), h('link', {rel: 'stylesheet', type: 'text/css', href: 'style.css'})]),
    h('body', {'epub:type': 'frontmatter'}, [
      h('nav', {'epub:type': 'toc', role: 'doc-toc', id: navId, ariaLabelledBy: navId + '-heading'}, [
        h('h1', {id: navId + '-heading'}, input.labels.contents),
        list(input.entries)
      ]),
      h('nav', {'epub:type': 'landmarks', ariaLabel: input.labels.landmarks, hidden: true}, [
        h('h2', input.labels.landmarks),
        h(
          'ol',
          input.landmarks.map((mark) => h('li', [h('a', {'epub:type': mark.type, href: mark.href}, mark.text)]))
        )
      ]),
      // The print edition's pages, for readers who cite or follow a class by page (page-list.ts).
      input.pages.length > 0
        ? h('nav', {'epub:type': 'page-list', role: 'doc-pagelist', ariaLabel: input.labels.pageList, hidden: true}, [
            h('h2', input.labels.pageList),
            h(
              'ol',
              input.pages.map((page) => h('li', [h('a', {href: page.href}, page.text)]))
            )
          ])
        : undefined
    ])
  ])
  return '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n' + serialize(html, {xhtml: true}) + '\n'
}

/** The page-list's entries: each page break, linked to the file that holds it. */
export function pageList(breaks: readonly PageBreak[], ids: IdMap): Landmark[] {
  return breaks.flatMap((page) => {
    const file = ids.get(page.id)
    return file ? [{type: 'page', text: page.label, href: file + '#' + page.id}] : []
  })
}

/** The NCX, for reading systems that predate EPUB 3. */
export function ncxDocument(input: {identifier: string; title: string; lang: string; entries: NavEntry[]}): string {
  let order = 0
  const depth = (entries: NavEntry[]): number => entries.reduce((max, e) => Math.max(max, 1 + depth(e.children)), 0)
  let points = 0
  // Points with one target share its place in the reading order (a part and its first work), as the NCX requires.
  const orders = new Map<string | undefined, number>()
  const point = (entry: NavEntry): XElement => {
    const src = firstHref(entry)
    if (!orders.has(src)) orders.set(src, ++order)
    return x('navPoint', {id: 'nav-' + ++points, playOrder: orders.get(src)}, [
      x('navLabel', {}, x('text', {}, entry.text)),
      // The NCX has no heading without a target: a part points where its first work starts.
      x('content', {src: firstHref(entry)}),
      ...entry.children.map(point)
    ])
  }
  const ncx = x('ncx', {xmlns: 'http://www.daisy.org/z3986/2005/ncx/', version: '2005-1', 'xml:lang': input.lang}, [
    x(
      'head',
      {},
      lines(
        [
          x('meta', {name: 'dtb:uid', content: input.identifier}),
          x('meta', {name: 'dtb:depth', content: depth(input.entries)}),
          x('meta', {name: 'dtb:totalPageCount', content: 0}),
          x('meta', {name: 'dtb:maxPageNumber', content: 0})
        ],
        2
      )
    ),
    x('docTitle', {}, x('text', {}, input.title)),
    x('navMap', {}, input.entries.map(point))
  ])
  ncx.children = lines(ncx.children, 1)
  return xmlDocument(ncx)
}

function firstHref(entry: NavEntry): string | undefined {
  if (entry.href !== undefined) return entry.href
  for (const child of entry.children) {
    const href = firstHref(child)
    if (href !== undefined) return href
  }
  return undefined
}
