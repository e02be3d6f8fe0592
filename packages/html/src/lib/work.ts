/**
 * A work as an `<article>`: its title and metadata, then its body.
 * Shared by the web pages and (through `renderWork`) the EPUB chapters.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {EditionMeta, ResolvedWork} from '@samizdat/model'
import {headingOffsetUnder} from './body.js'
import {creatorsByRole} from '@samizdat/model'
import {listNames} from '@samizdat/model'
import {splitEditorial} from './editorial.js'
import {renderFragment} from './fragment.js'
import {fragmentWords, type Words} from './labels.js'
import {legacyAliases} from './legacy.js'
import {renderNotes} from './notes.js'
import type {FragmentOptions, NotesOptions} from './types.js'

export interface WorkOptions extends FragmentOptions {
  /** The edition's metadata, for the title and URL of the work's source. */
  edition?: EditionMeta
  /** Append the work's notes in this style (see `renderNotes`); by default they are left to the caller. */
  notes?: NotesOptions['style']
}

export function renderWork(work: ResolvedWork, options: WorkOptions = {}): Element {
  const labels = fragmentWords(options)
  const tree = work.tree
  const headingOffset = headingOffsetUnder(tree, 2)
  const {edition, notes, ...given} = options
  // Raw HTML problems are reported on the work's file.
  const fragmentOptions: FragmentOptions = {...given, file: given.file ?? work.file}
  const fragment: FragmentOptions = {
    ...fragmentOptions,
    headingOffset: headingOffset + (options.headingOffset ?? 0),
    aliases: {...legacyAliases(work), ...options.aliases}
  }
  const body = splitEditorial(tree).flatMap(({editorial, tree}): ElementContent[] => {
    const children = renderFragment(tree, fragment).children as ElementContent[]
    return editorial ? [editorialSection(children, labels)] : children
  })
  const {meta} = work

  return h('article', {className: ['work'], ariaLabelledBy: work.id}, [
    h('header', {className: ['work-header']}, [
      h('h1', {id: work.id}, meta.title),
      meta.subtitle ? h('p', {className: ['subtitle']}, meta.subtitle) : undefined,
      metadata(work, edition, labels)
    ]),
    ...body,
    ...(notes ? (renderNotes(work.notes, fragmentOptions, {style: notes}).children as ElementContent[]) : [])
  ])
}

/**
 * A section the edition added to the work, set apart from the text and said
 * to be the editors' just after its heading (where heading navigation lands).
 */
function editorialSection(children: ElementContent[], labels: Words): Element {
  const at = children.findIndex((child) => child.type === 'element')
  const heading = children[at]
  const id = heading?.type === 'element' ? headingId(heading) : undefined
  const label = h('p', {className: ['editorial-label']}, labels.editorial)
  return h('section', {className: ['editorial'], ariaLabelledBy: id}, [...children.slice(0, at + 1), label, ...children.slice(at + 1)])
}

/** The id of a heading, or of the heading inside a self-link wrapper. */
function headingId(element: Element): string | undefined {
  const heading = element.tagName === 'div' ? element.children.find((child) => child.type === 'element' && /^h[1-6]$/.test(child.tagName)) : element
  const id = heading?.type === 'element' ? heading.properties['id'] : undefined
  return typeof id === 'string' ? id : undefined
}

/** Authors, other credits, date, source, rights and history, as a description list. */
function metadata(work: ResolvedWork, edition: EditionMeta | undefined, labels: Words): Element | undefined {
  const {meta} = work
  const items: Array<[string, ElementContent | string]> = []
  const authors = meta.creators.filter((c) => c.role === 'aut').map((c) => c.name)
  if (authors.length > 0) items.push([authors.length > 1 ? labels.authors : labels.author, listNames(authors, labels.language)])
  for (const {role, names} of creatorsByRole(meta.creators)) {
    if (role !== 'aut') items.push([labels.roles[role] ?? role, listNames(names, labels.language)])
  }
  if (meta.date) items.push([labels.date, time(meta.date)])
  const source = edition?.sources.find((s) => s.work === work.id)
  const url = source?.url ?? meta.url
  const title = source?.title ?? url
  if (title) items.push([labels.source, url ? h('a', {href: url, rel: ['external']}, title) : title])
  if (meta.rights) items.push([labels.rights, meta.rights])
  if (meta.publicationHistory.length > 0) {
    items.push([
      labels.history,
      h(
        'ul',
        meta.publicationHistory.map((e) =>
          h('li', [time(e.date), labels.colon, e.event, e.source ? h('span', {className: ['event-source']}, ' (' + e.source + ')') : ''])
        )
      )
    ])
  }
  if (items.length === 0) return undefined
  return h(
    'dl',
    {className: ['work-meta']},
    items.flatMap(([term, value]) => [h('dt', term), h('dd', value)])
  )
}

/** A date in a `<time>` when it is one HTML understands (year, month or day); as written otherwise. */
function time(date: string): ElementContent | string {
  return /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(date) ? h('time', {dateTime: date}, date) : date
}
