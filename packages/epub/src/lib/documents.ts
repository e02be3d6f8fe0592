/**
 * The book's content documents, in reading order, as hast: cover, title
 * page, preface, the works (long ones in parts), the back matter, the
 * colophon and the fonts' licences. The navigation document is not among
 * them (see nav.ts); it is read after the title page.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Nodes, Text} from 'mdast'
import type {Reporter, ResolvedEdition, ResolvedWork} from '@samizdat/model'
import {creatorsByRole, listNames, textOf} from '@samizdat/model'
import {
  isHtmlComment,
  keptRendering,
  keyOf,
  renderNotes,
  renderSection,
  renderWork,
  type FragmentOptions,
  type HrefFor,
  type Labels as HtmlLabels,
  type WorkStore
} from '@samizdat/html'
import {FileNames} from './epub-gen.js'
import {fontLicenceName} from './fonts.js'
import {bookFonts, type BookFonts, type FontLicence} from './script-fonts.js'
import {fill, type Words} from './labels.js'
import {idsIn} from './links.js'
import {placePageBreaks, type StartsAt} from './page-list.js'
import {hasSections, splitArticle, type Part} from './split.js'

type Matter = 'frontmatter' | 'bodymatter' | 'backmatter'
type Kind = 'cover' | 'title-page' | 'preface' | 'work' | 'back-matter' | 'colophon' | 'licence'

export interface BookDocument {
  /** File name inside the book's content folder. */
  file: string
  /** The document's `<title>`. */
  title: string
  lang: string
  matter: Matter
  kind: Kind
  body: ElementContent[]
  /** Work id, for the parts of a work. */
  work?: string
  /** Id of the element the document opens with (a work's or section's heading). */
  start?: string
  /** The corpus file its text comes from (a work's, the preface's), where warnings are placed. */
  source?: string | undefined
}

export interface DocumentsInput {
  edition: ResolvedEdition
  labels: Words
  identifier: string
  htmlLabels: HtmlLabels
  /** Split works whose text is longer than this. */
  splitAbove: number
  /** The date the colophon gives: the edition's, or the build's. */
  date: string
  /** Where the rendering's warnings go (raw HTML dropped, remote images). */
  report: Reporter | undefined
  /** Where each work's chapters are kept between builds. */
  works?: WorkStore | undefined
}

type Message = Parameters<Reporter>[0]

/**
 * What is made before the print edition's page starts are known (`renderAhead`): each work's chapters, by work
 * id, and the preface's and back matter's sections, by section id; each with the warnings its rendering told.
 */
export interface Ahead {
  works: ReadonlyMap<string, {parts: Part[]; told: Message[]}>
  sections: ReadonlyMap<string, {element: Element; told: Message[]}>
}

/** What the documents are made of once the page starts are known. */
export interface Paged {
  /** What was rendered ahead; the rest is rendered from `edition` (with the page markers in its text). */
  ahead: Ahead
  /** The page starts by place, and the places of the source edition's text nodes. */
  starts: StartsAt
  places: ReadonlyMap<Text, string>
  /** The edition as it was rendered ahead (its trees without markers). */
  source: ResolvedEdition
}

const coverFile = 'cover.xhtml'
const titlePageFile = 'title-page.xhtml'
const licenceFile = 'font-licence.xhtml'
const licenceId = 'font-licence'

/**
 * Each work's chapters, rendered without the print edition's page starts (not yet known: the PDF is being laid
 * out), their text nodes' places noted so that `buildDocuments` marks the page starts in them. A work with raw
 * HTML (other than comments) is left to be rendered with its markers in its text: the text the HTML parser
 * makes of it cannot be traced back to its places.
 */
export function renderAhead(input: Omit<DocumentsInput, 'date'>, places: ReadonlyMap<Text, string>): Ahead {
  const {edition} = input
  const render: FragmentOptions = {...renderOptions(input), places: (node) => places.get(node)}
  const works = new Map<string, {parts: Part[]; told: Message[]}>()
  const sections = new Map<string, {element: Element; told: Message[]}>()
  // Each one's warnings are told again in the documents' order, where it comes.
  if (edition.preface && !hasRaw(edition.preface.tree)) {
    const told: Message[] = []
    sections.set(edition.preface.id, {element: renderSection(edition.preface, {...render, notes: 'footnotes', report: teller(told)}), told})
  }
  for (const work of edition.works) {
    if (hasRaw(work.tree) || hasRaw(work.sourceNote)) continue
    const told: Message[] = []
    works.set(work.id, {parts: workParts(work, edition, {...render, report: teller(told)}, input.splitAbove, input.works), told})
  }
  for (const section of edition.backMatter) {
    if (hasRaw(section.tree)) continue
    const told: Message[] = []
    sections.set(section.id, {element: renderSection(section, {...render, report: teller(told)}), told})
  }
  return {works, sections}
}

function teller(told: Message[]): Reporter {
  return (message) => void told.push(message)
}

/** How the book renders the text through `@samizdat/html`. */
function renderOptions(input: Omit<DocumentsInput, 'date'>): FragmentOptions {
  const {edition} = input
  // Internal links point at ids (`#id`, unique in the edition); links.ts
  // rewrites them to `file.xhtml#id` once every document is laid out.
  const starts = new Map<string, string>()
  for (const work of edition.works) {
    starts.set(work.meta.id, work.id)
    starts.set(work.id, work.id)
  }
  const hrefFor: HrefFor = (target) => '#' + (target.id === target.work ? (starts.get(target.work) ?? target.id) : target.id)
  return {
    hrefFor,
    anchors: false,
    epub: true,
    labels: input.htmlLabels,
    locale: input.labels.language,
    report: input.report,
    assets: edition.assets
  }
}

/** Whether a tree holds raw HTML (but comments). */
function hasRaw(node: Nodes): boolean {
  if (node.type === 'html') return !isHtmlComment(node.value)
  return 'children' in node && node.children.some((child) => hasRaw(child as Nodes))
}

/** The places under a tree that a page starts in. */
function startsUnder(node: Nodes, paged: Paged, into: string[] = []): string[] {
  if (node.type === 'text') {
    const place = paged.places.get(node)
    if (place !== undefined && paged.starts.has(place)) into.push(place)
  } else if ('children' in node) for (const child of node.children) startsUnder(child as Nodes, paged, into)
  return into
}

export function buildDocuments(input: DocumentsInput, paged?: Paged): {documents: BookDocument[]; fonts: BookFonts} {
  const {edition, labels} = input
  const {meta} = edition
  const names = new FileNames()
  names.take('cover')
  names.take('title-page')
  names.take(licenceId)

  const render = renderOptions(input)

  const documents: BookDocument[] = [
    {file: coverFile, title: labels.cover, lang: meta.language, matter: 'frontmatter', kind: 'cover', body: []},
    {
      file: titlePageFile,
      title: meta.title,
      lang: meta.language,
      matter: 'frontmatter',
      kind: 'title-page',
      body: [titlePage(edition, labels)],
      start: 'title-page'
    }
  ]

  /** A section rendered ahead with the page starts marked in it, when each is found there (its warnings told again). */
  const kept = (id: string, tree: Nodes | undefined): Element | undefined => {
    const ahead = paged?.ahead.sections.get(id)
    if (!paged || !ahead || !tree || !placePageBreaks([ahead.element], startsUnder(tree, paged), paged.starts)) return undefined
    for (const message of ahead.told) render.report?.(message)
    return ahead.element
  }

  if (edition.preface) {
    const {preface} = edition
    documents.push({
      file: names.take(preface.id),
      title: preface.title,
      lang: meta.language,
      matter: 'frontmatter',
      kind: 'preface',
      body: [kept(preface.id, paged?.source.preface?.tree) ?? renderSection(preface, {...render, notes: 'footnotes'})],
      start: preface.id,
      source: preface.file?.path
    })
  }

  for (const work of edition.works) {
    const ahead = paged?.ahead.works.get(work.id)
    const source = paged?.source.works.find((other) => other.id === work.id)
    // The page starts marked in the chapters rendered ahead, when each is found there; else rendered with them.
    if (
      paged &&
      ahead &&
      source &&
      placePageBreaks(
        ahead.parts.map((part) => part.element),
        startsUnder(source.sourceNote, paged, startsUnder(source.tree, paged)),
        paged.starts
      )
    ) {
      for (const message of ahead.told) render.report?.(message)
      documents.push(...workDocuments(work, ahead.parts, names))
    } else documents.push(...workDocuments(work, workParts(work, edition, render, input.splitAbove, input.works), names))
  }

  for (const part of edition.backMatter) {
    documents.push({
      file: names.take(part.id),
      title: part.title,
      lang: meta.language,
      matter: 'backmatter',
      kind: 'back-matter',
      body: [kept(part.id, paged?.source.backMatter.find((section) => section.id === part.id)?.tree) ?? renderSection(part, render)],
      start: part.id,
      source: part.file?.path
    })
  }

  // The fonts follow the scripts of the text; the colophon and licences name them (in Latin script).
  const fonts = bookFonts(documents.map((document) => document.title + ' ' + hastText(document.body)).join(' '))
  documents.push(
    {
      file: names.take('colophon'),
      title: labels.colophon,
      lang: meta.language,
      matter: 'backmatter',
      kind: 'colophon',
      body: [colophon(input, fonts.licences)],
      start: 'colophon'
    },
    {file: licenceFile, title: labels.fontLicence, lang: 'en', matter: 'backmatter', kind: 'licence', body: licences(labels, fonts.licences), start: licenceId}
  )
  return {documents, fonts}
}

/** The text of hast nodes, markup aside. */
function hastText(nodes: readonly ElementContent[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'text') text += node.value
    else if (node.type === 'element') text += ' ' + hastText(node.children)
  }
  return text
}

/** A work in one document, or, when long and sectioned, one per top-level section. */
function workParts(work: ResolvedWork, edition: ResolvedEdition, render: FragmentOptions, splitAbove: number, store: WorkStore | undefined): Part[] {
  // What `render` holds besides the reporter and `hrefFor` (which reads the works' names only), and the edition's
  // metadata; rendered ahead (`places`), its text nodes carry their places: kept apart from a render without.
  const {report: _, hrefFor: __, places, ...options} = render
  const context = ['epub', keyOf(work), edition.meta, edition.works.map((other) => [other.meta.id, other.id]), options, splitAbove]
  return keptRendering(store, render.report, places ? [...context, 'places'] : context, isParts, (report) => {
    const article = renderWork(work, {...render, report, edition: edition.meta})
    article.properties['epub:type'] = 'chapter'
    const long = textOf(work.tree).length > splitAbove
    const parts: Part[] = long && hasSections(article) ? splitArticle(article, work.id) : [{id: work.id, title: undefined, element: article}]
    placeNotes(
      work,
      parts.map((part) => part.element),
      {...render, places: undefined, report}
    )
    return parts
  })
}

/** The documents of a work's parts. */
function workDocuments(work: ResolvedWork, parts: readonly Part[], names: FileNames): BookDocument[] {
  return parts.map((part, index) => ({
    file: names.take(index === 0 ? work.id : `${work.id}-${index}`),
    title: part.title ?? work.meta.title,
    lang: work.meta.language,
    matter: 'bodymatter',
    kind: 'work',
    body: [part.element],
    work: work.id,
    start: part.id,
    source: work.file.path
  }))
}

/**
 * Each note as an EPUB footnote (`<aside epub:type="footnote">`, which reading
 * systems show as a pop-up) at the end of the part that holds its mark, so
 * that the mark and the note are in one document.
 */
function placeNotes(work: ResolvedWork, parts: Element[], render: FragmentOptions): void {
  const placed = new Set<string>()
  parts.forEach((part, index) => {
    const here = new Set(idsIn([part]))
    const last = index === parts.length - 1
    const notes = work.notes.filter((note) => !placed.has(note.id) && (here.has(note.refId) || last))
    for (const note of notes) placed.add(note.id)
    if (notes.length === 0) return
    // Under a heading of their own, so that a reader paging on knows the text has ended. No id: none can clash with the text's.
    const heading = render.labels?.notes ?? 'Notes'
    part.children.push(
      h('section', {className: ['notes'], ariaLabel: heading}, [
        h('h2', heading),
        ...(renderNotes(notes, {...render, file: work.file}, {style: 'footnotes'}).children as ElementContent[])
      ])
    )
  })
}

function titlePage(edition: ResolvedEdition, labels: Words): Element {
  const {meta} = edition
  const imprint = [meta.publisher, meta.date].filter(Boolean).join(', ')
  return h('section', {'epub:type': 'titlepage', className: ['title-page'], ariaLabelledBy: 'title-page'}, [
    h('h1', {id: 'title-page'}, meta.title),
    meta.subtitle ? h('p', {className: ['subtitle']}, meta.subtitle) : undefined,
    ...creatorsByRole(meta.creators).map(({role, names}) =>
      h('p', {className: ['credit']}, (labels.roles[role] ?? role) + ' ' + listNames(names, labels.language))
    ),
    imprint ? h('p', {className: ['imprint']}, imprint) : undefined
  ])
}

/** Rights, publisher, identifier, the sources of the works, and the font. */
function colophon(input: DocumentsInput, fonts: readonly FontLicence[]): Element {
  const {edition, labels} = input
  const {meta} = edition
  const titles = new Map(edition.works.map((work) => [work.meta.id, work.meta.title]))
  return h('section', {'epub:type': 'colophon', role: 'doc-colophon', className: ['colophon'], ariaLabelledBy: 'colophon'}, [
    h('h1', {id: 'colophon'}, labels.colophon),
    h('p', [h('strong', meta.title), meta.subtitle ? ': ' + meta.subtitle : '', '.']),
    meta.rights ? h('p', [h('strong', labels.rights + labels.colon), meta.rights]) : undefined,
    h('p', [meta.publisher, meta.publisher ? ', ' : '', input.date]),
    h('p', [labels.identifier + labels.colon, h('code', input.identifier)]),
    meta.sources.length > 0 ? h('h2', labels.sources) : undefined,
    meta.sources.length > 0
      ? h(
          'ul',
          meta.sources.map((source) =>
            h('li', [
              h('em', titles.get(source.work) ?? source.work),
              ': ',
              source.url ? h('a', {href: source.url, rel: ['external']}, source.title) : source.title,
              source.rights ? '. ' + source.rights : '.'
            ])
          )
        )
      : undefined,
    h(
      'p',
      splitAround(fill(labels.setIn, {font: '\u0000font\u0000', licence: '\u0000licence\u0000'}), {
        font: fonts.map((font) => font.family).join(', '),
        licence: h('a', {href: licenceFile + '#' + licenceId}, fontLicenceName)
      })
    )
  ])
}

/** Each font's OFL as shipped with it: paragraphs as they are, hard line breaks joined, rules of dashes left out. */
function licences(labels: Words, fonts: readonly FontLicence[]): Element[] {
  return fonts.map((font, index) => {
    const id = index === 0 ? licenceId : `${licenceId}-${index + 1}`
    const paragraphs = font.licence
      .split(/\n\s*\n/)
      .map((block) =>
        block
          .split('\n')
          .filter((line) => !/^-+$/.test(line.trim()))
          .map((line) => line.trim())
          .join(' ')
          .trim()
      )
      .filter(Boolean)
    return h('section', {className: ['licence'], ariaLabelledBy: id}, [
      h('h1', {id}, labels.fontLicence + labels.colon + font.family),
      ...paragraphs.map((text) => h('p', text))
    ])
  })
}

/** A sentence with placeholders (`\0name\0`) replaced by nodes. */
function splitAround(text: string, values: Record<string, ElementContent | string>): Array<ElementContent | string> {
  return text
    .split('\u0000')
    .map((piece, index) => (index % 2 === 1 ? (values[piece] ?? piece) : piece))
    .filter((x) => x !== '')
}

/** A work's chapters as kept: each an id, a title or none, and an element. */
function isParts(value: unknown): value is Part[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((part: {id?: unknown; element?: {type?: unknown}} | undefined) => typeof part?.id === 'string' && part.element?.type === 'element')
  )
}
