/**
 * Raw HTML in a work, read as text the way the site shows it. A block
 * (`<div>`, `<details>`, `<table>`, `<p>`…) is parsed, sanitised with the
 * site's base schema (GitHub's, from hast-util-sanitize) and converted to
 * mdast, which the usual handlers set. Inline HTML comes one tag per node
 * (`<b>`, text, `</b>`), so tags are paired here and become the mdast
 * nodes they stand for; unknown tags keep their content as plain text.
 * What cannot be shown (a script's code, an image without `alt`) is left
 * out with a warning at the node's place.
 */
import type {Element, Nodes as HastNodes, Root as HastRoot} from 'hast'
import type {Html, Nodes, Parent, PhrasingContent, Root, RootContent} from 'mdast'
import {fromHtml} from 'hast-util-from-html'
import {defaultSchema, sanitize} from 'hast-util-sanitize'
import {toMdast} from 'hast-util-to-mdast'
import {visit} from 'unist-util-visit'

/** Told what is left out, and where. */
export type Report = (reason: string, node: Html) => void

/** A passage set with other OpenType features (superscript, subscript). */
export interface Styled extends Parent {
  type: 'pdfStyled'
  features: readonly string[]
  children: PhrasingContent[]
}

/** Elements the sanitiser removes with their content. */
const stripped = new Set(defaultSchema.strip ?? [])

/** A raw HTML block as mdast blocks; loose inline content is wrapped in paragraphs. */
export function htmlBlocks(node: Html, report: Report): RootContent[] {
  const hast = fromHtml(node.value, {fragment: true})
  leftOut(hast, node, report)
  const tree = toMdast(sanitize(hast, defaultSchema) as HastRoot) as Root
  // A local image the model read is drawn like a Markdown one.
  const assets = node.data?.assets
  if (assets) {
    visit(tree, 'image', (image) => {
      const asset = assets[image.url]
      if (asset) image.data = {...image.data, asset}
    })
  }
  const blocks: RootContent[] = []
  let loose: PhrasingContent[] = []
  const flush = (): void => {
    if (loose.some((child) => child.type !== 'text' || child.value.trim() !== '')) blocks.push({type: 'paragraph', children: loose})
    loose = []
  }
  for (const child of tree.children) {
    if (isPhrasing(child)) {
      loose.push(child as PhrasingContent)
    } else {
      flush()
      blocks.push(child)
    }
  }
  flush()
  return blocks
}

/** What the sanitiser or the conversion drops, said once per kind and block. */
function leftOut(tree: HastRoot, node: Html, report: Report): void {
  const said = new Set<string>()
  const say = (key: string, reason: string): void => {
    if (said.has(key)) return
    said.add(key)
    report(reason, node)
  }
  const walk = (parent: HastNodes): void => {
    if (!('children' in parent)) return
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      if (stripped.has(child.tagName)) {
        if (textOfHast(child).trim() !== '') say(child.tagName, `Raw HTML \`<${child.tagName}>\` is left out of the PDF: its content is code, not text`)
        continue
      }
      const drawn = typeof child.properties['src'] === 'string' && node.data?.assets?.[child.properties['src']] !== undefined
      if (child.tagName === 'img' && !drawn && !alt(child))
        say('img', 'Raw HTML image without `alt` text is left out of the PDF: it has no text to stand in for it')
      walk(child)
    }
  }
  walk(tree)
}

function alt(element: Element): string {
  const value = element.properties['alt']
  return typeof value === 'string' ? value.trim() : ''
}

function textOfHast(node: HastNodes): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map((child) => textOfHast(child)).join('') : ''
}

const phrasingTypes = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'image',
  'linkReference',
  'imageReference',
  'footnoteReference',
  'html'
])

function isPhrasing(node: Nodes): boolean {
  return phrasingTypes.has(node.type)
}

/** How an inline tag is set: an mdast node made from its content, or `undefined` for plain text. */
type Wrap = (children: PhrasingContent[], tag: Element) => PhrasingContent | PhrasingContent[]

const strong: Wrap = (children) => ({type: 'strong', children})
const emphasis: Wrap = (children) => ({type: 'emphasis', children})
const features =
  (list: readonly string[]): Wrap =>
  (children) =>
    ({type: 'pdfStyled', features: list, children}) as unknown as PhrasingContent
const code: Wrap = (children) =>
  children.every((child) => child.type === 'text') ? {type: 'inlineCode', value: children.map((child) => (child as {value: string}).value).join('')} : children

const wraps: Readonly<Record<string, Wrap>> = {
  b: strong,
  strong,
  i: emphasis,
  em: emphasis,
  cite: emphasis,
  dfn: emphasis,
  var: emphasis,
  code,
  kbd: code,
  samp: code,
  tt: code,
  sup: features(['sups']),
  sub: features(['sinf']),
  a: (children, tag) => {
    const href = tag.properties['href']
    return typeof href === 'string' ? {type: 'link', url: href, children} : children
  }
}

/** Elements without content in HTML: they never wait for a closing tag. */
const voids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

const openTag = /^<([A-Za-z][A-Za-z\d-]*)(?=[\s/>])[^]*>$/
const closeTag = /^<\/([A-Za-z][A-Za-z\d-]*)\s*>$/

/**
 * Phrasing content with its inline raw HTML resolved: each open tag is
 * paired with its closing tag among its siblings (one left open closes at
 * the end), and the nodes between become the tag's content.
 */
export function phrasingWithHtml(nodes: readonly PhrasingContent[], report: Report): PhrasingContent[] {
  interface Frame {
    name: string
    tag: Element | undefined
    node: Html | undefined
    children: PhrasingContent[]
  }
  const stack: Frame[] = [{name: '', tag: undefined, node: undefined, children: []}]
  const top = (): Frame => stack.at(-1) as Frame
  const close = (): void => {
    const frame = stack.pop() as Frame
    const wrap = wraps[frame.name]
    if (stripped.has(frame.name)) {
      if (frame.children.length > 0) report(`Raw HTML \`<${frame.name}>\` is left out of the PDF: its content is code, not text`, frame.node as Html)
      return
    }
    const made = wrap && frame.tag ? wrap(frame.children, frame.tag) : frame.children
    top().children.push(...(Array.isArray(made) ? made : [made]))
  }

  for (const node of nodes) {
    if (node.type !== 'html') {
      top().children.push(node)
      continue
    }
    const value = node.value.trim()
    const closing = closeTag.exec(value)
    if (closing) {
      const name = (closing[1] as string).toLowerCase()
      const index = stack.findLastIndex((frame) => frame.name === name)
      // A closing tag with no opening one is dropped, as browsers drop it.
      if (index > 0) while (stack.length > index) close()
      continue
    }
    const opening = openTag.exec(value)
    if (!opening) continue // comments, declarations, processing instructions: not text
    const name = (opening[1] as string).toLowerCase()
    const tag = parseTag(value, name)
    if (name === 'br') {
      top().children.push({type: 'break'})
    } else if (name === 'img') {
      const text = tag ? alt(tag) : ''
      const src = tag?.properties['src']
      // A local image the model read is drawn like a Markdown one.
      const asset = typeof src === 'string' ? node.data?.assets?.[src] : undefined
      if (asset) top().children.push({type: 'image', url: '', alt: text, data: {asset}})
      else if (text) top().children.push({type: 'image', url: '', alt: text})
      else report('Raw HTML image without `alt` text is left out of the PDF: it has no text to stand in for it', node)
    } else if (!voids.has(name) && !value.endsWith('/>')) {
      stack.push({name, tag, node, children: []})
    }
  }
  while (stack.length > 1) close()
  return stack[0]?.children ?? []
}

/** The element an open tag makes, with its attributes (an `<a>`'s `href`, an `<img>`'s `alt`). */
function parseTag(value: string, name: string): Element | undefined {
  if (!(name in wraps) && name !== 'img') return undefined
  const tree = fromHtml(value, {fragment: true})
  const element = tree.children.find((child): child is Element => child.type === 'element')
  return element ?? {type: 'element', tagName: name, properties: {}, children: []}
}

/** Whether any node is raw HTML (most runs have none, and skip the pairing). */
export function hasHtml(nodes: readonly Nodes[]): boolean {
  return nodes.some((node) => node.type === 'html')
}
