/**
 * rehype-raw, only where the HTML parser can change something. rehype-raw feeds the whole fragment, element by
 * element and character by character, through parse5 (the HTML parsing algorithm) and builds a new tree from what
 * it makes: it is what turns raw HTML into elements and fixes its nesting, and it cost about a third of rendering a
 * work with none. A tree with no `raw` node is what `mdast-util-to-hast` and our handlers made; when it also
 * holds nothing the algorithm would move, close, drop or re-read (`needsParser`), the parser would give back the
 * same elements with the same properties, so the tree is only rebuilt as the parser would return it (`asParsed`:
 * adjacent text merged, empty text gone, positions as parse5 reports them, no `data`). The result is the one
 * rehype-raw gives, node for node (the tests compare both on whole books and on the CommonMark examples).
 * rehype-raw itself (hast-util-raw, parse5: some forty modules) is loaded on the first tree that needs it.
 */
import {createRequire} from 'node:module'
import type {Element, ElementContent, Properties, Root, RootContent, Text} from 'hast'
import {find, html} from 'property-information'
import type {VFile} from 'vfile'

const require = createRequire(import.meta.url)

type Position = NonNullable<Text['position']>

export function rehypeRawWhenNeeded() {
  let parse: ((tree: Root, file: VFile) => Root) | undefined
  return function (tree: Root, file: VFile): Root {
    if (!needsParser(tree)) return asParsed(tree, file)
    // Node (>= 20.19) `require`s an ES module synchronously: the transform stays synchronous.
    parse ??= (require('rehype-raw') as typeof import('rehype-raw')).default()
    return parse(tree, file)
  }
}

/**
 * Elements the parser inserts as they come when well placed. The others (forms, raw text and foreign elements,
 * `head` content, `select`, `caption`, `nobr`, `image`, obsolete ones…) take it on another path: parsed.
 */
const plain = new Set(
  (
    'a abbr article aside b bdi bdo blockquote br cite code data dd del details dfn div dl dt em figcaption figure footer ' +
    'h1 h2 h3 h4 h5 h6 header hr i img input ins kbd li main mark nav ol p pre q s samp section small span strong sub ' +
    'summary sup table tbody td tfoot th thead time tr u ul var wbr'
  ).split(' ')
)
const voids = new Set(['br', 'hr', 'img', 'input', 'wbr'])
/** Start tags that close an open `p` (in button scope; taken here as any `p` around them). */
const closesParagraph = new Set(
  (
    'article aside blockquote details dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p ' + 'pre section summary table ul'
  ).split(' ')
)
const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
/** Where each element of a table or list must stand; text there must be white space. */
const parents: Record<string, string[]> = {
  thead: ['table'],
  tbody: ['table'],
  tfoot: ['table'],
  tr: ['thead', 'tbody', 'tfoot'],
  td: ['tr'],
  th: ['tr'],
  li: ['ul', 'ol'],
  dt: ['dl'],
  dd: ['dl']
}
const tableParts = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr'])
/** Children each table part may hold (anything else is foster-parented, or opens an implied `tbody`). */
const tableChildren: Record<string, string[]> = {table: ['thead', 'tbody', 'tfoot'], thead: ['tr'], tbody: ['tr'], tfoot: ['tr'], tr: ['td', 'th']}
/** The parser's white space: text of only these stays inside a table. */
const whiteSpace = /^[\t\n\f\r ]*$/

/** Whether parsing could make another tree: raw HTML, or anything the parser would not take as it stands. */
export function needsParser(tree: Root): boolean {
  const open: Record<string, number> = {a: 0, p: 0, heading: 0}
  const check = (node: RootContent, parent: string): boolean => {
    if (node.type === 'text') return node.value.includes('\0') || (tableParts.has(parent) && !whiteSpace.test(node.value))
    if (node.type !== 'element') return true
    const name = node.tagName
    if (!plain.has(name) || !canonical(node.properties)) return true
    if (voids.has(name) && node.children.length > 0) return true
    if (name === 'pre' && firstText(node)?.startsWith('\n')) return true
    if (tableParts.has(parent) ? !tableChildren[parent]?.includes(name) : parents[name] && !parents[name].includes(parent)) return true
    if ((name === 'a' && open['a']) || (closesParagraph.has(name) && open['p']) || (headings.has(name) && open['heading'])) return true
    const key = headings.has(name) ? 'heading' : name
    const counted = key in open
    if (counted) open[key] = (open[key] ?? 0) + 1
    for (const child of node.children) if (check(child, name)) return true
    if (counted) open[key] = (open[key] ?? 0) - 1
    return false
  }
  for (const child of tree.children) if (check(child, '')) return true
  return false
}

/**
 * The text the parser reads first after an element's start tag, if no end tag comes before it: after `<pre>`
 * it drops a line feed there (start tags in between, `<pre><code>`, do not stop it).
 */
function firstText(element: Element): string | undefined | null {
  for (const child of element.children) {
    if (child.type === 'text') {
      if (child.value !== '') return child.value
    } else if (child.type === 'element' && !voids.has(child.tagName)) return firstText(child) ?? null
  }
  return undefined
}

/**
 * Whether the parser gives each property back as it is: written as `hast-util-to-parse5` writes attributes
 * and read as `hast-util-from-parse5` (hastscript) reads them, it must come back equal.
 */
function canonical(properties: Properties): boolean {
  for (const key of Object.keys(properties)) {
    const value = properties[key]
    const info = find(html, key)
    if (info.property !== key || find(html, info.attribute).property !== key || (info.space && info.space !== 'html')) return false
    if (info.commaSeparated || info.commaOrSpaceSeparated) return false
    // Left out of the attributes, so out of the parsed element (`asParsed` leaves it out too).
    if (dropped(value, info)) continue
    if (Array.isArray(value)) {
      if (!info.spaceSeparated) return false
      for (const item of value) if (typeof item !== 'string' || item === '' || !/^[^\t\n\f\r ]+$/.test(item)) return false
      continue
    }
    if (info.spaceSeparated) return false
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return false
    const text = value === true ? '' : String(value)
    if (primitive(info, text) !== value) return false
  }
  return true
}

/** hastscript's reading of an attribute's text (`parsePrimitive`). */
function primitive(info: ReturnType<typeof find>, text: string): string | number | boolean {
  if (info.number && text && !Number.isNaN(Number(text))) return Number(text)
  if ((info.boolean || info.overloadedBoolean) && (text === '' || text.toLowerCase() === info.property.toLowerCase())) return true
  return text
}

/**
 * The tree as `hast-util-from-parse5` returns it from the parser: new nodes, merged text, parse5's positions, and
 * the root spanning the whole file when any node has a position.
 */
function asParsed(tree: Root, file: VFile): Root {
  const state = {positioned: false}
  const root: Root = {type: 'root', children: children(tree.children, state) as RootContent[], data: {quirksMode: false}}
  if (state.positioned) root.position = extent(String(file))
  return root
}

function children(nodes: readonly RootContent[], state: {positioned: boolean}): ElementContent[] {
  const result: ElementContent[] = []
  let text: {value: string; first: Text; last: Text} | undefined
  const flush = () => {
    if (!text) return
    const node: Text = {type: 'text', value: text.value}
    const place = position(text.first.position?.start, text.last.position?.end)
    if (place) {
      node.position = place
      state.positioned = true
    }
    result.push(node)
    text = undefined
  }
  for (const node of nodes) {
    if (node.type === 'text') {
      // The parser gets no token for empty text, and adds each token to the text node before it.
      if (node.value === '') continue
      if (text) {
        text.value += node.value
        text.last = node
      } else text = {value: node.value, first: node, last: node}
      continue
    }
    flush()
    const element = node as Element
    const copy: Element = {
      type: 'element',
      tagName: element.tagName,
      properties: copyProperties(element.properties),
      children: children(element.children, state)
    }
    const place = position(element.position?.start, element.position?.end)
    if (place) {
      copy.position = place
      state.positioned = true
    }
    result.push(copy)
  }
  flush()
  return result
}

/** From the first character to the end, as `vfile-location` counts lines (CR, LF or CRLF). */
function extent(document: string): Position {
  let line = 1
  let start = 0
  for (const match of document.matchAll(/\r?\n|\r/g)) {
    line++
    start = match.index + match[0].length
  }
  return {start: {line: 1, column: 1, offset: 0}, end: {line, column: document.length - start + 1, offset: document.length}}
}

/** Nothing, false or NaN (and an empty boolean) write no attribute (`hast-util-to-parse5`). */
function dropped(value: Properties[string], info: ReturnType<typeof find>): boolean {
  return value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value)) || (!value && info.boolean)
}

function copyProperties(properties: Properties): Properties {
  const copy: Properties = {}
  for (const key of Object.keys(properties)) {
    const value = properties[key]
    if (dropped(value, find(html, key))) continue
    copy[key] = Array.isArray(value) ? [...value] : value
  }
  return copy
}

/** `hast-util-from-parse5`'s position: a point only with a line and a column; none without either point. */
function position(start: Position['start'] | undefined, end: Position['end'] | undefined): Position | undefined {
  const from = point(start)
  const to = point(end)
  return from || to ? ({start: from, end: to} as Position) : undefined
}

function point(at: Position['start'] | undefined): Position['start'] | undefined {
  return at?.line && at.column ? {line: at.line, column: at.column, offset: at.offset} : undefined
}
