/**
 * Format the bibliography with citation-js in the edition's CSL style (APA
 * unless told), one entry per item in the style's order, converted to mdast
 * phrasing (italic titles kept).
 */
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {PhrasingContent} from 'mdast'
import type {CslItem} from '../apparatus/types.js'
import {citationJs} from './library.js'

export interface BibliographyEntry {
  id: string
  content: PhrasingContent[]
}

export function formatBibliography(items: readonly CslItem[], language: string, template = 'apa'): BibliographyEntry[] {
  // Our extension fields are not CSL: keep them away from the processor.
  const plain = items.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !key.startsWith('x-'))))
  const lang = language === 'en' ? 'en-US' : language
  const entries = new (citationJs().Cite)(plain).format('bibliography', {format: 'html', template, lang, asEntryArray: true}) as Array<[string, string]>
  return entries.map(([id, html]) => ({id, content: toPhrasing(fromHtml(html, {fragment: true}))}))
}

export function toPhrasing(tree: HastRoot | Element): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const child of tree.children as ElementContent[]) {
    if (child.type === 'text') {
      const value = child.value.replace(/\s+/g, ' ')
      if (value.trim() !== '' || out.length > 0) out.push({type: 'text', value})
    } else if (child.type === 'element') {
      const inner = toPhrasing(child)
      if (child.tagName === 'i' || child.tagName === 'em') out.push({type: 'emphasis', children: inner})
      else if (child.tagName === 'b' || child.tagName === 'strong') out.push({type: 'strong', children: inner})
      else out.push(...inner)
    }
  }
  const last = out.at(-1)
  if (last?.type === 'text') last.value = last.value.trimEnd()
  return out
}
