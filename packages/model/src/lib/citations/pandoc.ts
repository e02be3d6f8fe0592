/**
 * Pandoc's citation syntax, found in a tree's text: `[@key]`, `[@key, p. 12]`,
 * `[see @a, pp. 3-4; @b]`, `[-@key]` (author suppressed), and `@key` in running
 * text (author in text), optionally followed by `[p. 12]`. The `@` must start a
 * word, as in Pandoc: `a@b.org` is no citation. Keys are Pandoc's: a letter,
 * digit or `_`, then those and internal `:.#$%&-+?<>~/`; or `@{any key}`.
 *
 * A tree transform, not a micromark extension: the syntax is a setting of an
 * edition (one corpus may be built with it on and off), so the parse stays the
 * same for every edition and only the resolved tree changes. Brackets holding
 * markup (`[see *this* @a]`) are left as they are.
 */
import type {Nodes, Parent, PhrasingContent, Text} from 'mdast'
import type {Point} from 'unist'
import {textOf} from '../text.js'
import {pointOf} from './parse.js'

interface PandocItem {
  key: string
  prefix?: string
  /** `p. 12` as written. */
  locator?: string
  /** CSL locator label (`page`, `chapter`…) and value, when the locator starts with one. */
  label?: string
  value?: string
  suffix?: string
  suppressAuthor?: boolean
}

export interface PandocCitation {
  /** Author in text (`@key`), or in brackets. */
  textual: boolean
  items: PandocItem[]
  /** Exactly as written, brackets included. */
  source: string
  /** The parent holding it and the text node it was found in; `start`/`end` are offsets in that node's value. */
  parent: Parent
  node: Text
  start: number
  end: number
  point: Point
  /** Inside a footnote: a note style renders it in place, not as a note of its own. */
  inNote: boolean
}

const keyChar = String.raw`[\p{L}\p{N}_]`
const key = String.raw`(?:${keyChar}(?:${keyChar}|[:.#$%&\-+?<>~/](?=${keyChar}))*|\{[^{}\n]+\})`
const wordChar = /[\p{L}\p{N}\p{M}_]/u
/** One item of a bracket: prefix, optional `-`, `@key`, the rest. */
const itemPattern = new RegExp(String.raw`^([\s\S]*?)(-?)@(${key})([\s\S]*)$`, 'u')
const bracketPattern = /\[([^[\]]*)\]/g
const textualPattern = new RegExp(String.raw`@(${key})(?:(\s?)\[([^[\]@]*)\])?`, 'gu')

/** Pandoc's locator terms (English), singular and plural, to CSL labels. */
const labels: ReadonlyArray<[RegExp, string]> = [
  [/^(?:pp?\.|pages?)$/i, 'page'],
  [/^(?:chaps?\.|ch\.|chapters?)$/i, 'chapter'],
  [/^(?:secs?\.|sections?|§§?)$/i, 'section'],
  [/^(?:vols?\.|volumes?)$/i, 'volume'],
  [/^(?:bks?\.|books?)$/i, 'book'],
  [/^(?:cols?\.|columns?)$/i, 'column'],
  [/^(?:figs?\.|figures?)$/i, 'figure'],
  [/^(?:fols?\.|folios?)$/i, 'folio'],
  [/^(?:nos?\.|numbers?)$/i, 'issue'],
  [/^(?:ll?\.|lines?)$/i, 'line'],
  [/^(?:nn?\.|notes?)$/i, 'note'],
  [/^(?:paras?\.|paragraphs?|¶¶?)$/i, 'paragraph'],
  [/^(?:pts?\.|parts?)$/i, 'part'],
  [/^(?:vv?\.|verses?)$/i, 'verse']
]

export function findPandocCitations(tree: Nodes): PandocCitation[] {
  const found: PandocCitation[] = []
  const walk = (node: Nodes, inNote: boolean): void => {
    if (!('children' in node)) return
    // Links cannot hold links, code is code, a correction is a leaf of the apparatus.
    if (node.type === 'link' || node.type === 'linkReference' || node.type === 'correction') return
    const note = inNote || node.type === 'footnoteDefinition'
    const children = node.children as Nodes[]
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as Nodes
      if (child.type === 'text') {
        const before = index === 0 ? '' : textOf({type: 'paragraph', children: [children[index - 1] as PhrasingContent]})
        found.push(...inText(node as Parent, child, before.at(-1) ?? '', note))
      } else {
        walk(child, note)
      }
    }
  }
  walk(tree, false)
  return found
}

function inText(parent: Parent, node: Text, previous: string, inNote: boolean): PandocCitation[] {
  const value = node.value
  // Every citation, in brackets or not, holds an `@`: a text without one is not matched against the patterns.
  if (!value.includes('@')) return []
  const found: PandocCitation[] = []
  const taken: Array<[number, number]> = []
  for (const match of value.matchAll(bracketPattern)) {
    const inner = match[1] as string
    const parts = inner.split(';')
    const items = parts.map((part) => bracketItem(part))
    if (items.length === 0 || items.some((item) => item === undefined)) continue
    const start = match.index
    const end = start + match[0].length
    taken.push([start, end])
    found.push({textual: false, items: items as PandocItem[], source: match[0], parent, node, start, end, point: pointOf(node, start), inNote})
  }
  for (const match of value.matchAll(textualPattern)) {
    const start = match.index
    const before = start === 0 ? previous : (value[start - 1] as string)
    if (wordChar.test(before) || before === '@' || before === '-' || taken.some(([from, to]) => start >= from && start < to)) continue
    const item: PandocItem = {key: unbrace(match[1] as string)}
    if (match[3] !== undefined) Object.assign(item, locatorOf(match[3]))
    const end = start + match[0].length
    found.push({textual: true, items: [item], source: match[0], parent, node, start, end, point: pointOf(node, start), inNote})
  }
  return found.sort((a, b) => a.start - b.start)
}

/** One `;`-separated part of a bracket: it must hold `@key` at a word start. */
function bracketItem(part: string): PandocItem | undefined {
  const match = itemPattern.exec(part)
  if (!match) return undefined
  const prefix = (match[1] as string).trim()
  const raw = match[1] as string
  // The `@` (or `-@`) starts a word: nothing but white space (or the bracket) before it.
  if (raw !== '' && !/\s$/.test(raw)) return undefined
  const item: PandocItem = {key: unbrace(match[3] as string), ...locatorOf((match[4] as string).replace(/^\s*,?/, ''))}
  if (prefix) item.prefix = prefix
  if (match[2] === '-') item.suppressAuthor = true
  return item
}

/** `p. 12`, `pp. 3-4 and passim`, `12`, `chap. 2, a suffix`: a CSL label and value, and the rest as suffix. */
function locatorOf(text: string): Pick<PandocItem, 'locator' | 'label' | 'value' | 'suffix'> {
  const trimmed = text.trim()
  if (trimmed === '') return {}
  const match = /^(\S+)\s+([\p{N}ivxlcdmIVXLCDM][\p{N}\p{L}:–\-,]*?)(?=$|[\s,;])(.*)$/u.exec(trimmed)
  const label = match && labels.find(([pattern]) => pattern.test(match[1] as string))?.[1]
  if (match && label) {
    const result: ReturnType<typeof locatorOf> = {locator: trimmed, label, value: (match[2] as string).replace(/,$/, '')}
    const rest = (match[3] as string).trim()
    if (rest) result.suffix = rest.startsWith(',') ? rest : ` ${rest}`
    return result
  }
  const bare = /^(\p{N}[\p{N}\-–,]*)(.*)$/u.exec(trimmed)
  if (bare) {
    const result: ReturnType<typeof locatorOf> = {locator: trimmed, label: 'page', value: (bare[1] as string).replace(/,$/, '')}
    const rest = (bare[2] as string).trim()
    if (rest) result.suffix = rest.startsWith(',') ? rest : ` ${rest}`
    return result
  }
  return {suffix: trimmed.startsWith(',') ? trimmed : `, ${trimmed}`}
}

function unbrace(key: string): string {
  return key.startsWith('{') ? key.slice(1, -1) : key
}
