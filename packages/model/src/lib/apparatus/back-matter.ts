/**
 * The generated parts of an annotated edition, as plain mdast so that every
 * adapter renders them like any other text: the list of corrections, "as
 * quoted" sections, the bibliography, the index of persons, the timeline.
 * Links carry `data.target`; index entries carry `data.pageRef` so that paged
 * formats show page numbers where the web shows links.
 */
import type {BlockContent, Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root} from 'mdast'
import type {LinkTarget, ResolvedSection} from '../types.js'
import type {IdRegistry} from '../resolve/ids.js'
import {formatDate} from '../locale/format.js'
import type {Labels, ModelLabels} from '../locale/types.js'
import {formatBibliography} from '../citations/bibliography.js'
import type {Apparatus, Mention, ResolvedAnnotation} from './types.js'

export interface WorkInfo {
  id: string
  title: string
  /** The work's short title (its title when it has none), for the apparatus's references. */
  shortTitle: string
  startId: string
}

const text = (value: string): PhrasingContent => ({type: 'text', value})
const link = (target: LinkTarget, children: PhrasingContent[], pageRef = false): Link => ({
  type: 'link',
  url: `#${target.id}`,
  data: pageRef ? {target, pageRef: true} : {target},
  children
})
const item = (children: PhrasingContent[], id?: string): ListItem => ({
  type: 'listItem',
  spread: false,
  ...(id ? {data: {id}} : {}),
  children: [{type: 'paragraph', children} satisfies Paragraph]
})
const list = (items: ListItem[], hanging = false): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  ...(hanging ? {data: {hanging: true}} : {}),
  children: items
})
const paged = (value: string): PhrasingContent => ({type: 'text', value, data: {only: 'paged'}})
const heading = (value: string, depth: 2 | 3 = 2): Heading => ({type: 'heading', depth, children: [text(value)]})

/** The section of a work a mention lies in: the heading before it (none before the work's first heading). */
export type SectionOf = ReadonlyMap<string, {id: string; text: string}>

/**
 * Where a person or an event is mentioned, in two forms. The web: per work in reading order, the work's
 * short title (a link to its first mention) and a link to each further section that mentions it
 * (`Title, Section; Other`). Paged formats: page numbers, which they sort, merge and collapse into
 * ranges; run in by work (`Title 3–5; Other 40`) when there are many pages over several works, where
 * the grouping helps a reader find the right text.
 */
function mentionLinks(mentions: readonly Mention[], works: readonly WorkInfo[], sectionOf: SectionOf, semicolon: string): PhrasingContent[] {
  const web: PhrasingContent[] = []
  const byWork = works.map((work) => ({work, here: mentions.filter((mention) => mention.work === work.id)})).filter(({here}) => here.length > 0)
  for (const {work, here} of byWork) {
    if (web.length > 0) web.push(text(semicolon))
    const [first] = here as [Mention]
    web.push(link({work: work.id, id: first.id}, [{type: 'emphasis', children: [text(work.shortTitle)]}]))
    const seen = new Set([sectionOf.get(first.id)?.id])
    for (const mention of here) {
      const section = sectionOf.get(mention.id)
      if (!section || seen.has(section.id)) continue
      seen.add(section.id)
      web.push(text(', '), link({work: work.id, id: mention.id}, [text(section.text)]))
    }
  }
  const runIn = byWork.length > 1 && mentions.length > 8
  const pages: PhrasingContent[] = []
  for (const {work, here} of runIn ? byWork : [{work: undefined, here: [...mentions]}]) {
    if (pages.length > 0) pages.push(paged(semicolon))
    if (work) pages.push({type: 'emphasis', data: {only: 'paged'}, children: [text(work.shortTitle)]}, paged(' '))
    here.forEach((mention, index) => {
      if (index > 0) pages.push(paged(', '))
      pages.push({
        ...link({work: mention.work, id: mention.id}, [text(String(index + 1))], true),
        data: {target: {work: mention.work, id: mention.id}, pageRef: true, only: 'paged'}
      })
    })
  }
  return [...web.map((node): PhrasingContent => ({...node, data: {...node.data, only: 'web'}}) as PhrasingContent), ...pages]
}

/** Each section's id, whatever the language of its title (they are reserved: no heading of a text takes them). */
const sectionIds = {corrections: 'corrections', bibliography: 'bibliography', index: 'index-of-persons', timeline: 'timeline'} as const

export function buildBackMatter(
  apparatus: Apparatus,
  works: readonly WorkInfo[],
  registry: IdRegistry,
  language: string,
  all: Labels,
  style = 'apa',
  sectionOf: SectionOf = new Map()
): ResolvedSection[] {
  const labels = all.model
  const sections: ResolvedSection[] = []
  const section = (kind: keyof typeof sectionIds, children: BlockContent[]): void => {
    sections.push({id: registry.take(sectionIds[kind]), kind, title: labels[kind], tree: {type: 'root', children} satisfies Root})
  }

  const corrections = apparatus.annotations.filter((annotation): annotation is ResolvedAnnotation<'correction'> => annotation.kind === 'correction')
  if (corrections.length > 0) {
    const children: BlockContent[] = [
      {
        type: 'paragraph',
        children: [text(labels.correctionsIntro)]
      }
    ]
    for (const work of works) {
      // In the order of the text, whatever the order of the annotations file.
      const here = corrections.filter((annotation) => annotation.work === work.id).sort((a, b) => a.span.start - b.span.start)
      if (here.length === 0) continue
      children.push(
        heading(work.title),
        list(
          here.map((annotation) =>
            item(
              [
                // Paged formats give the place as page and line; the web links the reading to it.
                paged(`${labels.pageAbbr} `),
                {
                  type: 'link',
                  url: `#${annotation.anchorId}`,
                  data: {target: {work: annotation.work, id: annotation.anchorId}, pageRef: true, only: 'paged'},
                  children: []
                },
                paged(`, ${labels.lineAbbr} `),
                {
                  type: 'link',
                  url: `#${annotation.anchorId}`,
                  data: {target: {work: annotation.work, id: annotation.anchorId}, pageRef: 'line', only: 'paged'},
                  children: []
                },
                paged(all.colon),
                link({work: annotation.work, id: annotation.anchorId}, [text(annotation.corr)]),
                text(` ${labels.correctionFor} ${labels.openQuote}`),
                {type: 'inlineCode', value: annotation.quote.exact},
                // An emendation is the editors' conjecture: the list says so, in every format.
                ...(annotation.emendation
                  ? [
                      text(`${labels.closeQuote} (`),
                      {type: 'emphasis', children: [text(labels.emendation)]} satisfies PhrasingContent,
                      text(`)${all.colon}${annotation.reason ?? ''}`)
                    ]
                  : [text(`${labels.closeQuote}${all.colon}${annotation.reason ?? ''}`)])
              ],
              registry.take(`${annotation.anchorId}-entry`)
            )
          ),
          true
        )
      )
    }
    section('corrections', children)
  }

  if (apparatus.citations.length > 0 && apparatus.bibliography.length > 0) {
    const cited = new Map<string, string[]>()
    for (const citation of apparatus.citations) {
      for (const part of citation.parts) {
        if (!part.itemId) continue
        const ids = cited.get(part.itemId) ?? []
        ids.push(citation.id)
        cited.set(part.itemId, ids)
      }
    }
    const byCitation = new Map(apparatus.citations.map((citation) => [citation.id, citation]))
    const entries = formatBibliography(apparatus.bibliography, language, style)
    const items = entries.map(({id, content}) => {
      const places = cited.get(id) ?? []
      const children: PhrasingContent[] = [...content]
      if (places.length > 0) {
        children.push(text(` ${labels.cited} `))
        places.forEach((citationId, index) => {
          if (index > 0) children.push(text(', '))
          const citation = byCitation.get(citationId)
          children.push(link({work: citation?.work ?? '', id: citationId}, [text(String(index + 1))], true))
        })
      }
      return item(children, bibliographyId(id))
    })
    section('bibliography', [list(items, true)])
  }

  const persons = apparatus.persons.filter((person) => person.mentions.length > 0).sort((a, b) => a.sortAs.localeCompare(b.sortAs, language))
  if (persons.length > 0) {
    section('index', [
      list(
        persons.map((person) => {
          const head: PhrasingContent[] = [{type: 'strong', children: [text(person.sortAs)]}]
          if (person.dates) head.push(text(` (${person.dates})`))
          if (person.description) head.push(text(`, ${person.description.replace(/\.$/, '')}.`))
          else head.push(text('.'))
          return item([...head, text(' '), ...mentionLinks(person.mentions, works, sectionOf, all.semicolon)], registry.take(`index-${person.id}`))
        }),
        true
      )
    ])
  }

  // In date order: an ISO date sorts as text, and a month alone (`1921-03`) before its days, as a reader expects.
  const events = apparatus.timeline
    .filter((event) => event.anchors.length > 0)
    .map((event, index) => ({event, index}))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.index - b.index))
    .map(({event}) => event)
  if (events.length > 0) {
    section('timeline', [
      list(
        events.map((event) =>
          item([
            {type: 'strong', children: [text(formatDate(event.date, all.language))]},
            text(` ${event.label.replace(/[.!?]$/, '')}${/[.!?]$/.test(event.label) ? event.label.slice(-1) : '.'} `),
            ...mentionLinks(event.anchors, works, sectionOf, all.semicolon)
          ])
        ),
        true
      )
    ])
  }
  return sections
}

/**
 * Sections appended to works that others quote: each quoted passage as the
 * edition reads it (corrections applied), where it is quoted, and the page
 * reference given. `passages` maps a crossref's id to its marked text.
 */
export function quotedSection(
  work: WorkInfo,
  crossrefs: readonly ResolvedAnnotation[],
  passages: ReadonlyMap<string, PhrasingContent[]>,
  works: readonly WorkInfo[],
  title: string,
  labels: ModelLabels
): BlockContent[] {
  const here = crossrefs.filter(
    (annotation): annotation is ResolvedAnnotation<'crossref'> =>
      annotation.kind === 'crossref' && annotation.quotes === true && annotation.target.work === work.id
  )
  if (here.length === 0) return []
  const titles = new Map(works.map((info) => [info.id, info.title]))
  return [
    {...heading(title), data: {editorial: true}},
    list(
      here.map((annotation) => {
        const quoted = titles.get(annotation.work) ?? annotation.work
        const last = annotation.locator ?? quoted
        return item([
          {
            type: 'emphasis',
            children: [text(labels.openQuote), ...readingOf(passages.get(annotation.anchorId) ?? [text(annotation.quote.exact)]), text(labels.closeQuote)]
          },
          text(` — ${labels.quotedIn} `),
          link({work: annotation.work, id: annotation.anchorId}, [text(quoted)]),
          text(`${annotation.locator ? `, ${labels.citing} ${annotation.locator}` : ''}${/[.?!]$/.test(last) ? '' : '.'}`)
        ])
      })
    )
  ]
}

/**
 * A copy of a passage as the edition reads it, without its marks: corrections
 * give their reading, mentions and citations their text, note marks stay with
 * the original. Ids belong to the original place and must not appear twice.
 */
function readingOf(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'noteReference':
        break
      case 'correction':
      case 'annotated':
      case 'citation':
      case 'link':
        out.push(...readingOf(node.children))
        break
      case 'emphasis':
      case 'strong':
      case 'delete':
        out.push({...node, children: readingOf(node.children)} as PhrasingContent)
        break
      default:
        out.push(structuredClone(node))
    }
  }
  return out
}

export function bibliographyId(itemId: string): string {
  return `bib-${itemId}`
}
