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
import {idsIn, type IdMap} from './links.js'
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

/**
 * The NCX, for reading systems that predate EPUB 3: the contents and, when the book follows a print edition,
 * its `pageList` (the same pages as the navigation document's page-list). Its `playOrder` is the reading
 * order of every target, contents and pages together, as the NCX asks; targets in one place share one.
 */
export function ncxDocument(input: {
  identifier: string
  title: string
  lang: string
  entries: NavEntry[]
  pages: readonly Landmark[]
  documents: readonly BookDocument[]
  labels: EpubLabels
}): string {
  const depth = (entries: NavEntry[]): number => entries.reduce((max, e) => Math.max(max, 1 + depth(e.children)), 0)
  const targets: Array<string | undefined> = []
  const collect = (entry: NavEntry): void => {
    targets.push(firstHref(entry))
    entry.children.forEach(collect)
  }
  input.entries.forEach(collect)
  // A loop, not `push(...pages)`: a spread passes every page as an argument, past the stack's limit for a long book.
  for (const page of input.pages) targets.push(page.href)
  const orders = playOrders(targets, input.documents)
  let points = 0
  const point = (entry: NavEntry): XElement => {
    const src = firstHref(entry)
    return x('navPoint', {id: 'nav-' + ++points, playOrder: orders.get(src)}, [
      x('navLabel', {}, x('text', {}, entry.text)),
      // The NCX has no heading without a target: a part points where its first work starts.
      x('content', {src}),
      ...entry.children.map(point)
    ])
  }
  const pages = input.pages.map((page, index) =>
    x('pageTarget', {id: 'page-' + (index + 1), ...pageKind(page.text), playOrder: orders.get(page.href)}, [
      x('navLabel', {}, x('text', {}, page.text)),
      x('content', {src: page.href})
    ])
  )
  const numbers = input.pages.map((page) => Number(page.text)).filter((value) => Number.isInteger(value))
  const maxPageNumber = numbers.reduce((max, value) => Math.max(max, value), 0)
  const ncx = x('ncx', {xmlns: 'http://www.daisy.org/z3986/2005/ncx/', version: '2005-1', 'xml:lang': input.lang}, [
    x(
      'head',
      {},
      lines(
        [
          x('meta', {name: 'dtb:uid', content: input.identifier}),
          x('meta', {name: 'dtb:depth', content: depth(input.entries)}),
          x('meta', {name: 'dtb:totalPageCount', content: input.pages.length}),
          x('meta', {name: 'dtb:maxPageNumber', content: maxPageNumber})
        ],
        2
      )
    ),
    x('docTitle', {}, x('text', {}, input.title)),
    x('navMap', {}, input.entries.map(point)),
    ...(pages.length > 0 ? [x('pageList', {}, [x('navLabel', {}, x('text', {}, input.labels.pageList)), ...pages])] : [])
  ])
  ncx.children = lines(ncx.children, 1)
  return xmlDocument(ncx)
}

/**
 * Each target's place in the reading order, numbered from 1 without gaps: by document, then by where its id
 * stands in it (a document's own file first). A target the book does not hold keeps its place among the
 * others as listed.
 */
function playOrders(targets: ReadonlyArray<string | undefined>, documents: readonly BookDocument[]): Map<string | undefined, number> {
  const rank = new Map<string, number>()
  for (const document of documents) {
    rank.set(document.file, rank.size)
    for (const id of idsIn(document.body)) if (!rank.has(document.file + '#' + id)) rank.set(document.file + '#' + id, rank.size)
  }
  const unique = [...new Set(targets)]
  let last = -1
  // Unknown targets take the rank of the target before them: a stable sort keeps them after it.
  const keyed = unique.map((target) => ({target, key: (last = (target === undefined ? undefined : rank.get(target)) ?? last)}))
  keyed.sort((a, b) => a.key - b.key)
  return new Map(keyed.map(({target}, index) => [target, index + 1]))
}

/** A page's kind in the NCX: roman numbers are the front matter's, arabic the text's, each with its value. */
function pageKind(label: string): {type: 'front' | 'normal' | 'special'; value?: number} {
  if (/^[1-9]\d*$/.test(label)) return {type: 'normal', value: Number(label)}
  const roman = romanValue(label)
  return roman === undefined ? {type: 'special'} : {type: 'front', value: roman}
}

function romanValue(label: string): number | undefined {
  if (!/^(?=[ivxlcdm]+$)m*(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i.test(label)) return undefined
  const worth: Record<string, number> = {i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000}
  const digits = [...label.toLowerCase()].map((digit) => worth[digit] ?? 0)
  return digits.reduce((sum, digit, index) => sum + (digit < (digits[index + 1] ?? 0) ? -digit : digit), 0)
}

function firstHref(entry: NavEntry): string | undefined {
  if (entry.href !== undefined) return entry.href
  for (const child of entry.children) {
    const href = firstHref(child)
    if (href !== undefined) return href
  }
  return undefined
}
