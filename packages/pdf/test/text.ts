/**
 * The body text of a PDF as tokens, with running heads and folios left out
 * by position, and a matcher that finds a block's words in order while
 * allowing for words broken at line ends (with an added hyphen, or after a
 * hyphen, dash or slash of their own).
 */
import type {Root, RootContent} from 'mdast'
import {visit} from 'unist-util-visit'
import type {Geometry} from '../src/lib/geometry.js'
import type {PageWords} from './helpers.js'

export interface Token {
  text: string
  page: number
  lineEnd: boolean
}

/** pdftotext's word boxes for EB Garamond are ascent + descent high: 1.305 em. */
const boxHeight = 1.305

/**
 * Words inside the text block (not heads or folios), in reading order:
 * the text's lines, or (`notes`) the lines set at the size of notes.
 */
export function bodyTokens(pages: readonly PageWords[], geometry: Geometry, part: 'text' | 'notes' | 'all' = 'all'): Token[] {
  const tokens: Token[] = []
  pages.forEach((page, index) => {
    for (const line of page.lines) {
      const top = Math.min(...line.map((word) => word.yMin))
      const bottom = Math.max(...line.map((word) => word.yMax))
      if (bottom < geometry.top || top > geometry.top + geometry.textHeight) continue
      const note = Math.abs(Math.max(...line.map((word) => word.yMax - word.yMin)) - geometry.noteSize * boxHeight) < 0.3
      if ((part === 'notes' && !note) || (part === 'text' && note)) continue
      // A note's number that pdftotext reads as a column of its own.
      if (note && line.length === 1 && /^\d+$/.test(line[0]?.text ?? '')) continue
      line.forEach((word, position) => tokens.push({text: word.text, page: index, lineEnd: position === line.length - 1}))
    }
  })
  return tokens
}

/** A tree's running text as the PDF shows it: note references become their numbers (superior figures glued to the word). */
export function withNoteNumbers<T extends Root | RootContent>(tree: T): T {
  const copy = structuredClone(tree)
  visit(copy as Root, 'noteReference', (node, index, parent) => {
    if (parent && index !== undefined) parent.children.splice(index, 1, {type: 'text', value: node.label})
  })
  return copy
}

/** Stands for a page or line number the model cannot know (the PDF fills it in): any one word. */
const pageNumber = '\uFFFC'

/**
 * A tree as paged formats show it: without what only the web shows (`data.only: 'web'`), each page reference
 * (`pageRef`) a `pageNumber`, and note references their numbers.
 */
export function pagedView<T extends Root | RootContent>(tree: T): T {
  const copy = withNoteNumbers(tree)
  const walk = (node: Root | RootContent): void => {
    if (!('children' in node)) return
    const children = (node.children as RootContent[]).filter((child) => child.data?.only !== 'web')
    node.children = children.map((child) => (child.type === 'link' && child.data?.pageRef ? {type: 'text', value: pageNumber} : child)) as never
    for (const child of node.children as RootContent[]) walk(child)
  }
  walk(copy)
  return copy
}

export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean)
}

/** Where `expected` matches from `start`: the index after its last token, or -1. */
export function matchAt(tokens: readonly Token[], start: number, expected: readonly string[]): number {
  let position = start
  for (const word of expected) {
    const token = tokens[position]
    if (!token) return -1
    let text = token.text
    let last = position
    // A word broken at the end of a line continues on the next (after an added
    // hyphen or not); pdftotext also splits a word where the type size changes
    // (inline code is set smaller), so pieces on one line may join too.
    while (text !== word && !word.includes(pageNumber) && tokens[last + 1]) {
      const next = (tokens[last + 1] as Token).text
      const kept = text + next
      const added = tokens[last]?.lineEnd && text.endsWith('-') ? text.slice(0, -1) + next : undefined
      if (word.startsWith(kept)) text = kept
      else if (added !== undefined && word.startsWith(added)) text = added
      else break
      last++
    }
    if (text !== word && !(word.includes(pageNumber) && wildcard(word).test(text))) return -1
    position = last + 1
  }
  return position
}

/** Find each block in order; returns the blocks not found (with where the search was). */
export function findInOrder(tokens: readonly Token[], blocks: readonly string[]): Array<{block: string; after: string}> {
  const missing: Array<{block: string; after: string}> = []
  let cursor = 0
  for (const block of blocks) {
    const expected = words(block)
    if (expected.length === 0) continue
    let found = -1
    for (let start = cursor; start < tokens.length && found < 0; start++) {
      const first = (tokens[start] as Token).text
      if (first === expected[0] || (expected[0] as string).startsWith(first)) found = matchAt(tokens, start, expected)
    }
    if (found < 0)
      missing.push({
        block,
        after: tokens
          .slice(cursor, cursor + 12)
          .map((token) => token.text)
          .join(' ')
      })
    else cursor = found
  }
  return missing
}

/** Each page's text inside the text block (running head and folio left out), whitespace collapsed. */
export function bodyTexts(pages: readonly PageWords[], geometry: Geometry): string[] {
  const texts: string[][] = pages.map(() => [])
  for (const token of bodyTokens(pages, geometry)) texts[token.page]?.push(token.text)
  return texts.map((words) => words.join(' '))
}

/** A word with page numbers in it as a pattern: each `pageNumber` matches a page label (digits, or roman). */
function wildcard(word: string): RegExp {
  return new RegExp(
    '^' +
      word
        .split(pageNumber)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[0-9ivxlc]+') +
      '$'
  )
}
