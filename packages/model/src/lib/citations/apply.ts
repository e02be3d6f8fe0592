/** Citations of an edition: find them in each work, resolve them in order, report what fails. */
import {fail, warn} from '../message.js'
import type {IdRegistry} from '../resolve/ids.js'
import type {AnchoredWork} from '../apparatus/anchor.js'
import type {CslItem, ResolvedCitation} from '../apparatus/types.js'
import {findCitations} from './parse.js'
import {applyPandocCitations} from './pandoc-apply.js'
import {CitationResolver} from './resolve.js'
import type {CslStyle} from './style.js'

export interface CitationOptions {
  /** FAQ-style bracket citations. */
  brackets: boolean
  /** Pandoc citations. */
  pandoc: boolean
  /** The edition's style, asked for only when a citation is formatted (a shipped style is read from the package then). */
  style: () => CslStyle
  language: string
  bibliographyFile?: AnchoredWork['work']['file']
}

export function applyCitations(works: readonly AnchoredWork[], items: readonly CslItem[], registry: IdRegistry, options: CitationOptions): ResolvedCitation[] {
  const citations = options.brackets ? applyBracketCitations(works, items, registry) : []
  if (options.pandoc) citations.push(...applyPandocCitations(works, items, registry, options.style, options.language, options.bibliographyFile))
  return citations
}

function applyBracketCitations(works: readonly AnchoredWork[], items: readonly CslItem[], registry: IdRegistry): ResolvedCitation[] {
  const resolver = new CitationResolver(items)
  const citations: ResolvedCitation[] = []
  for (const {work, tree, file} of works) {
    resolver.reset()
    for (const found of findCitations(tree, file, () => registry.take('cite'))) {
      if (!('node' in found)) {
        resolver.named(found.title)
        continue
      }
      const resolution = resolver.resolve({part: found.part, context: found.context})
      const part = {...found.part, resolution: resolution.resolution, ...(resolution.itemId ? {itemId: resolution.itemId} : {})}
      if (resolution.itemId) found.node.itemIds.push(resolution.itemId)
      const place = {line: found.line, column: found.column}
      if (resolution.resolution === 'unknown') fail(file, resolution.problem ?? 'Unknown cited work', place, 'citation-unknown')
      else if (resolution.resolution === 'ambiguous') warn(file, `Citation not resolved: ${resolution.problem ?? ''}`, place, 'citation-ambiguous')
      citations.push({id: found.node.id, work: work.meta.id, line: found.line, column: found.column, text: found.source, parts: [part]})
    }
  }
  return citations
}
