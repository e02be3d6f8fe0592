/**
 * CSL styles for an edition: the two Chicago styles shipped in `csl/`, the
 * styles citation-js bundles (`apa`, `vancouver`, `harvard1`), or a `.csl`
 * file of the corpus. Each is registered with citation-js once, under a name
 * derived from its text, so two corpora never share an engine by accident.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {citationJs} from './library.js'

/** Style names an edition may give, and the file in `csl/` each reads (undefined: bundled with citation-js). */
export const shippedStyles: Readonly<Record<string, string | undefined>> = {
  'chicago-author-date': 'chicago-author-date.csl',
  'chicago-notes': 'chicago-note-bibliography.csl',
  'chicago-note-bibliography': 'chicago-note-bibliography.csl',
  apa: undefined,
  vancouver: undefined,
  harvard1: undefined
}

/** Pandoc's default, and ours when an edition names none. */
export const defaultStyle = 'chicago-author-date'

export interface CslStyle {
  /** The name citation-js knows it by. */
  template: string
  /** `note` styles put citations in footnotes; `in-text` ones in the text. */
  kind: 'note' | 'in-text'
}

interface CslConfig {
  templates: {add(name: string, xml: string): void; has(name: string): boolean; get(name: string): string}
  engine(items: readonly object[], template: string, lang: string, format: 'html' | 'text'): CslEngine
}

interface CslEngine {
  rebuildProcessorState(citations: readonly object[], format: string, uncited: readonly string[]): Array<[string, number, string]>
  makeCitationCluster(items: readonly object[]): string
}

export function cslConfig(): CslConfig {
  return citationJs().plugins.config.get('@csl') as CslConfig
}

const cache = new Map<string, CslStyle>()

/** A shipped or bundled style by name; undefined when there is none of that name. */
export function namedStyle(name: string): CslStyle | undefined {
  if (!(name in shippedStyles)) return undefined
  const file = shippedStyles[name]
  if (file === undefined) return fromXml(cslConfig().templates.get(name), name)
  return fromXml(readFileSync(new URL(`../../../csl/${file}`, import.meta.url), 'utf8'))
}

/**
 * A style from its CSL XML. Throws a plain `Error` whose message says what is wrong
 * when the text is no CSL style (the caller turns it into a positioned message).
 */
export function fromXml(xml: string, name?: string): CslStyle {
  const template = name ?? `samizdat-${createHash('sha256').update(xml).digest('hex').slice(0, 16)}`
  const known = cache.get(template)
  if (known) return known
  const root = /<style\b[^>]*>/.exec(xml)?.[0]
  if (!root || !/xmlns\s*=\s*["']http:\/\/purl\.org\/net\/xbiblio\/csl["']/.test(root))
    throw new Error('not a CSL style (no <style xmlns="http://purl.org/net/xbiblio/csl">)')
  const kind = /\bclass\s*=\s*["']note["']/.test(root) ? 'note' : 'in-text'
  const config = cslConfig()
  if (!config.templates.has(template)) config.templates.add(template, xml)
  // Build an engine once now, so a broken style is reported at load, not in the middle of a build.
  try {
    config.engine([], template, 'en-US', 'html')
  } catch (error) {
    throw new Error(`the style cannot be used: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, {cause: error})
  }
  const style: CslStyle = {template, kind}
  cache.set(template, style)
  return style
}

/** An edition's `citations` setting, as loaded (see the README's corpus contract). */
export interface CitationSettings {
  /** FAQ-style bracket citations (`[**Title**, p. 3]`); off unless an edition turns them on. */
  brackets: boolean
  /** Pandoc's `[@key]`; unset: on when the corpus has a bibliography. */
  pandoc?: boolean
  /** The CSL style of citations and the bibliography. */
  style: CslStyle
  /** The style of the bibliography's list, when not `style` (citations in APA, the list in Chicago). */
  bibliographyStyle?: CslStyle
}
