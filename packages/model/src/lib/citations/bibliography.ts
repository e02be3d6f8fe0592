/**
 * Format the bibliography with citation-js in the edition's CSL style (APA
 * unless told), one entry per item in the style's order, converted to mdast
 * phrasing (italic titles kept).
 */
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import type {PhrasingContent} from 'mdast'
import type {CslItem} from '../apparatus/types.js'
import {citationJs} from './library.js'
import {cslConfig} from './style.js'
import {hastFromHtml} from '../lazy.js'

export interface BibliographyEntry {
  id: string
  content: PhrasingContent[]
}

export function formatBibliography(items: readonly CslItem[], language: string, template = 'apa'): BibliographyEntry[] {
  // Our extension fields are not CSL: keep them away from the processor.
  const plain = items.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !key.startsWith('x-'))))
  const lang = language === 'en' ? 'en-US' : language
  const entries = new (citationJs().Cite)(plain).format('bibliography', {format: 'html', template: withoutNoDate(template), lang, asEntryArray: true}) as Array<
    [string, string]
  >
  // An unknown date is left out, with the punctuation before it (`Title, n.d.`, `(n.d.-a)`).
  return entries.map(([id, html]) => ({
    id,
    content: toPhrasing(
      hastFromHtml()(
        html.replace(/[,.;:]?([”’]?)\s*\(?\u2060NODATE\u2060(?:-[a-z])?\)?(\.?)/g, (_all, quote: string, stop: string) =>
          quote && stop ? `${stop}${quote}` : `${quote}${stop}`
        ),
        {fragment: true}
      )
    )
  }))
}

/**
 * The style `template` with its "no date" term made a marker the formatted entries drop: a reader is
 * better served by no date than by "n.d.". Registered once per style.
 */
function withoutNoDate(template: string): string {
  const name = `${template}-without-nd`
  const templates = cslConfig().templates
  if (templates.has(name)) return name
  const marker = '<locale><terms><term name="no date">\u2060NODATE\u2060</term><term name="no date" form="short">\u2060NODATE\u2060</term></terms></locale>'
  const xml = templates.get(template).replace(/(<\/info>)/, `$1${marker}`)
  templates.add(name, xml)
  return name
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
