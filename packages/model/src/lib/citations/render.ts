/**
 * Pandoc citations of an edition, rendered with its CSL style by citation-js:
 * every cluster of the edition in reading order through one citeproc run (so
 * a note style can shorten repeated notes), each turned back into mdast.
 */
import type {PhrasingContent} from 'mdast'
import type {CslItem} from '../apparatus/types.js'
import {toPhrasing} from './bibliography.js'
import {cslConfig, type CslStyle} from './style.js'
import {hastFromHtml} from '../lazy.js'

interface CiteItem {
  id: string
  prefix?: string
  suffix?: string
  locator?: string
  label?: string
  suppressAuthor?: boolean
}

export interface Cluster {
  items: CiteItem[]
  /** Author in text: the author's name comes first, the rest after it. */
  textual: boolean
  /** The number of the note it stands in (note styles); 0 in the text. */
  noteIndex: number
}

export interface RenderedCluster {
  /** Author in text, for textual citations. */
  author?: PhrasingContent[]
  citation: PhrasingContent[]
}

/** Render every cluster; throws when citeproc cannot (the caller reports it). */
export function renderClusters(items: readonly CslItem[], clusters: readonly Cluster[], style: CslStyle, language: string): RenderedCluster[] {
  const plain = items.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !key.startsWith('x-'))))
  const engine = cslConfig().engine(plain, style.template, language === 'en' ? 'en-US' : language, 'html')
  const citations = clusters.map((cluster, index) => ({
    citationID: `c${index}`,
    citationItems: cluster.items.map((item) => ({
      id: item.id,
      ...(item.prefix ? {prefix: item.prefix} : {}),
      ...(item.suffix ? {suffix: item.suffix} : {}),
      ...(item.locator ? {locator: item.locator, label: item.label ?? 'page'} : {}),
      // In-text styles write "Author (1970)": the author is in the text, the citation without it.
      ...(item.suppressAuthor || (cluster.textual && style.kind === 'in-text') ? {'suppress-author': true} : {})
    })),
    properties: {noteIndex: cluster.noteIndex}
  }))
  const output = engine.rebuildProcessorState(citations, 'html', [])
  const byId = new Map(output.map(([id, , html]) => [id, html]))
  return clusters.map((cluster, index) => {
    const rendered: RenderedCluster = {citation: phrasing(byId.get(`c${index}`) ?? '')}
    const first = cluster.items[0]
    if (cluster.textual && first) rendered.author = phrasing(engine.makeCitationCluster([{id: first.id, 'author-only': true}]))
    return rendered
  })
}

function phrasing(html: string): PhrasingContent[] {
  return toPhrasing(hastFromHtml()(html, {fragment: true}))
}
