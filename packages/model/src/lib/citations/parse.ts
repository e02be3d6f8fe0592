/**
 * Find bracketed source citations in a tree and wrap them in `citation`
 * nodes: `[**Title**, p. N]`, `[Author, **Title**, vol. 2, p. 636]`,
 * `[quoted by X, **Title**, p. N]`, `[contained in Ed (ed.), **Title**]`,
 * `[**Op. Cit.**, p. N]`, `[quoted by X, **Ibid.**]`, brackets across lines.
 * A bracket is a citation when it holds a bold title (or Op. Cit./Ibid.);
 * editorial brackets such as `[w]hat` or `[and]` are left alone.
 */
import type {Nodes, Parent, PhrasingContent, Root, Strong, Text} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {textOf} from '../text.js'
import type {Citation, CitationPart} from '../apparatus/types.js'

export interface FoundCitation {
  node: Citation
  /** Text inside the brackets as written in the file. */
  source: string
  line: number
  column: number
  /** Offset of the opening bracket in the file. */
  offset: number
  part: Omit<CitationPart, 'resolution' | 'itemId'>
  /** The author's own words the citation closes: quotations (emphasis, quote marks) left out. */
  context: string
}

const reference = /^(?:Op\.?\s*Cit\.?|Ibid\.?)$/i

/** A bold title in running prose: `Op. Cit.` may refer back to it. */
export interface NamedTitle {
  title: string
}

export function findCitations(tree: Root, file: VFile, makeId: () => string): Array<FoundCitation | NamedTitle> {
  const found: Array<FoundCitation | NamedTitle> = []
  // `lead`: the prose before a block quotation ("As Daniels notes:"), context for citations inside it.
  const walk = (node: Nodes, lead: string): void => {
    if (!('children' in node)) return
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      scan(node, file, makeId, found, lead)
      return
    }
    let previous = ''
    for (const child of node.children) {
      const inQuote = node.type === 'blockquote'
      walk(child as Nodes, inQuote ? lead : child.type === 'blockquote' ? previous : '')
      if (child.type === 'paragraph' && !inQuote) previous = ownWords(child.children)
    }
  }
  walk(tree, '')
  return found
}

/** The author's own words among inline nodes: emphasis (the FAQ's quotations) and quoted spans left out. */
function ownWords(nodes: readonly PhrasingContent[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'emphasis' || node.type === 'citation') continue
    text += node.type === 'text' ? node.value : textOf({type: 'paragraph', children: [node]})
  }
  return text.replace(/"[^"]*"/g, ' ')
}

/** Scan one block's inline children (recursing into emphasis) for `[ … ]` holding a bold title. */
function scan(parent: Parent, file: VFile, makeId: () => string, found: Array<FoundCitation | NamedTitle>, lead: string): void {
  const children = parent.children as PhrasingContent[]
  let since = 0
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as PhrasingContent
    if (child.type !== 'text') {
      if (child.type === 'strong') found.push({title: textOf(child).replace(/\s+/g, ' ').trim()})
      else if (child.type === 'emphasis' || child.type === 'annotated') scan(child, file, makeId, found, '')
      continue
    }
    const open = child.value.lastIndexOf('[')
    if (open === -1 || child.value.indexOf(']', open) !== -1) continue
    // The closing bracket: in a later text sibling, before any other opening bracket.
    let close = -1
    let end = index + 1
    for (; end < children.length; end++) {
      const sibling = children[end] as PhrasingContent
      if (sibling.type === 'text') {
        close = sibling.value.indexOf(']')
        if (close !== -1 || sibling.value.includes('[')) break
      }
    }
    if (close === -1) continue
    const inner = children.slice(index + 1, end)
    const closing = children[end] as Text
    const strong = inner.find((node): node is Strong => node.type === 'strong')
    if (!strong) continue

    // Split the boundary texts: `…[` | citation | `]…`.
    const before = child.value.slice(0, open + 1)
    const head = piece(child, open + 1, child.value.length)
    const tail = piece(closing, 0, close)
    const after = piece(closing, close, closing.value.length)
    const content = [head, ...inner, tail].filter((node) => node.type !== 'text' || node.value !== '')
    const id = makeId()
    const citation: Citation = {type: 'citation', id, itemIds: [], children: content}
    const start = child.position?.start
    const offset = (start?.offset ?? 0) + open
    const text = textOf({type: 'paragraph', children: content})
    const source = exactSource(file, offset, closing, close) ?? text
    const point = pointOf(child, open)
    const context = `${since === 0 ? `${lead} ` : ''}${ownWords([...children.slice(since, index), {type: 'text', value: before}])}`
    children.splice(index, end - index + 1, ...(before ? [piece(child, 0, open + 1)] : []), citation, after)
    found.push({node: citation, source, line: point.line, column: point.column, offset, part: parsePart(text, textOf(strong)), context})
    index += before ? 1 : 0
    since = index + 1
  }
}

/** The characters between the brackets in the file, when positions allow. */
function exactSource(file: VFile, openOffset: number, closing: Text, close: number): string | undefined {
  const closeStart = closing.position?.start.offset
  if (closeStart === undefined) return undefined
  const value = String(file.value)
  const closeOffset = closeStart + close
  if (value[openOffset] !== '[' || value[closeOffset] !== ']') return undefined
  return value.slice(openOffset + 1, closeOffset)
}

/** The place in the file of character `at` of a text node (both citation syntaxes report there). */
export function pointOf(node: Text, at: number): Point {
  const start = node.position?.start ?? {line: 1, column: 1}
  const before = node.value.slice(0, at)
  const newline = before.lastIndexOf('\n')
  const point: Point = newline === -1 ? {line: start.line, column: start.column + at} : {line: start.line + before.split('\n').length - 1, column: at - newline}
  if (start.offset !== undefined) point.offset = start.offset + at
  return point
}

/** Characters `from`–`to` of a text node as a node of their own, with their place in the file. */
function piece(node: Text, from: number, to: number): Text {
  const text: Text = {type: 'text', value: node.value.slice(from, to)}
  if (node.position) text.position = {start: pointOf(node, from), end: pointOf(node, to)}
  return text
}

/** Split a citation's text into who, the title, and the locator. */
function parsePart(text: string, title: string): FoundCitation['part'] {
  const flat = text.replace(/\s+/g, ' ').trim()
  const cleanTitle = title.replace(/\s+/g, ' ').trim()
  const at = flat.indexOf(cleanTitle)
  const prefix = (at === -1 ? '' : flat.slice(0, at)).replace(/,\s*$/, '').trim()
  const rest = (at === -1 ? '' : flat.slice(at + cleanTitle.length)).replace(/^,\s*/, '').trim()
  const part: FoundCitation['part'] = {text: flat}
  part.title = cleanTitle
  if (rest) part.locator = rest
  const via = /^(?:(.+?),\s+)?(quoted (?:by|in)|contained in)\s+(.+)$/.exec(prefix)
  if (via) {
    part.via = `${via[2]} ${via[3]}`
    part.author = (via[3] as string).replace(/\s*\(eds?\.\)\s*$/, '')
  } else if (prefix) {
    part.author = prefix
  }
  return part
}

export function isReference(title: string): 'op-cit' | 'ibid' | undefined {
  if (!reference.test(title.trim())) return undefined
  return /^ibid/i.test(title.trim()) ? 'ibid' : 'op-cit'
}
