/**
 * A work's source note, written once for every format: what a chapter's head used to carry (source, rights,
 * credits, publication history) set as a short passage for its end. Dates are human and localised, events
 * in date order (a year or a month before the full dates within it, as written otherwise), and references
 * to other works print their titles.
 */
import type {List, ListItem, PhrasingContent, Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {formatDate} from '../locale/format.js'
import type {Labels} from '../locale/types.js'
import {listNames} from '../creators.js'
import type {Creator, EditionMeta, WorkMeta} from '../types.js'
import {resolveReferences, type ReferenceTitles} from './references.js'

export interface SourceNoteInput {
  meta: WorkMeta
  /** The work's file: its front matter is where problems are reported. */
  file: VFile
  /** The file messages go to (resolution never writes into the corpus's files). */
  report: VFile
  source?: EditionMeta['sources'][number]
  titles: ReferenceTitles
  labels: Labels
}

export function sourceNote({meta, file, report, source, titles, labels}: SourceNoteInput): Root {
  const words = labels.model
  const locate = (path: Array<string | number>) => file.data.locate?.(path)
  const refs = (text: string, path: Array<string | number>): string => resolveReferences(text, titles, report, locate(path))
  const children: Root['children'] = []
  const lead: PhrasingContent[] = []
  const sentence = (...parts: PhrasingContent[]): void => {
    if (lead.length > 0) lead.push(text(' '))
    lead.push(...parts)
  }
  const url = source?.url ?? meta.url
  const title = source?.title ?? url
  // The link is placed where its address is written, so a format that cannot follow it can say where.
  const place = locate(meta.url === undefined || source?.url !== undefined ? ['source'] : ['url'])
  if (title) sentence(strong(words.sourceNote + labels.colon.trimEnd()), text(' '), url ? link(url, title, place) : text(title), text(stop(title)))
  else sentence(strong(words.sourceNote + labels.colon.trimEnd()))
  if (meta.sourceTitle) sentence(text(`${words.sourceTitle}${labels.colon}${words.openQuote}${meta.sourceTitle}${words.closeQuote}.`))
  const credits = creditsBeyondAuthors(meta.creators, labels)
  if (credits) sentence(text(credits))
  if (meta.date) sentence(text(`${words.dated} ${formatDate(meta.date, labels.language)}.`))
  const rights = meta.rights ?? source?.rights
  if (rights) sentence(text(finish(refs(rights, ['rights']))))
  if (lead.length > 1) children.push({type: 'paragraph', children: lead})

  const history = meta.publicationHistory.map((entry, index) => ({entry, index})).sort((a, b) => byDate(a.entry.date, b.entry.date) || a.index - b.index)
  if (history.length > 0) {
    children.push({type: 'paragraph', children: [strong(words.history + labels.colon.trimEnd())]})
    const list: List = {
      type: 'list',
      ordered: false,
      spread: false,
      children: history.map(({entry, index}): ListItem => {
        const event = refs(entry.event, ['publicationHistory', index, 'event'])
        const credit = entry.source === undefined ? '' : ` (${refs(entry.source, ['publicationHistory', index, 'source'])})`
        return {
          type: 'listItem',
          spread: false,
          children: [{type: 'paragraph', children: [text(`${formatDate(entry.date, labels.language)}${labels.colon}${event}${credit}`)]}]
        }
      })
    }
    children.push(list)
  }
  return {type: 'root', children}
}

/** Creators other than the authors (the byline under the title names those), by role. */
function creditsBeyondAuthors(creators: readonly Creator[], labels: Labels): string | undefined {
  const byRole = new Map<string, string[]>()
  for (const creator of creators) {
    if (creator.role === 'aut') continue
    byRole.set(creator.role, [...(byRole.get(creator.role) ?? []), creator.name])
  }
  const parts = [...byRole].map(([role, names]) => `${labels.roles[role as Creator['role']] ?? role} ${listNames(names, labels.language)}.`)
  return parts.length > 0 ? parts.join(' ') : undefined
}

/**
 * ISO dates and intervals compare by their start as written: `1921` < `1921-03` < `1921-03-08`, so a
 * partial date sorts before the full ones of its year or month. Dates that are not ISO keep their place after.
 */
function byDate(a: string, b: string): number {
  const iso = /^\d{4}/
  if (!iso.test(a) || !iso.test(b)) return iso.test(a) ? -1 : iso.test(b) ? 1 : 0
  const start = (date: string): string => date.split('/')[0] ?? date
  return start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : 0
}

function text(value: string): PhrasingContent {
  return {type: 'text', value}
}
function strong(value: string): PhrasingContent {
  return {type: 'strong', children: [text(value)]}
}
function link(url: string, value: string, place: Position | undefined): PhrasingContent {
  return {type: 'link', url, children: [text(value)], ...(place ? {position: place} : {})}
}
function stop(value: string): string {
  return /[.?!…]["”’)]?$/.test(value.trim()) ? '' : '.'
}
function finish(value: string): string {
  return value.trim() + stop(value)
}
