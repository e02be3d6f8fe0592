/** The one Markdown parser of the model: CommonMark + GFM + YAML front matter + TeX math (`$…$`, `$$…$$`). */
import type {Element, Root as HastRoot, RootContent as HastContent} from 'hast'
import type {Heading, Html, PhrasingContent, Root, RootContent, Yaml} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {parseWithinLimits} from '../limits.js'
import {walk} from '../walk.js'
import {warn} from '../message.js'
import {checkMath} from '../math/tex.js'
import {textOf} from '../text.js'
import {cleanTree} from './xml-chars.js'
import {hastFromHtml, remarkGfm, remarkMath} from '../lazy.js'
import {remarkGfmWithout, unusedIn} from './gfm.js'

/**
 * CommonMark, GFM (without the constructs a text cannot use: gfm.ts), front matter and, for a text with a `$`,
 * math. Math starts at a `$` (remark-math's only character), so a text without one gives the same tree without
 * it, and without loading it (its micromark extension imports KaTeX, some 600 KB, for an HTML compiler never used).
 */
function makeProcessor(unused: ReturnType<typeof unusedIn>, math: boolean) {
  const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])
  const gfm = unused.length === 0 ? parser.use(remarkGfm()) : parser.use(remarkGfmWithout, unused)
  return (math ? gfm.use(remarkMath()) : gfm).freeze()
}

/** The parsers made so far, by the names of the constructs they leave out and whether they read math: each made on first need. */
const processors = new Map<string, ReturnType<typeof makeProcessor>>()

/** The parser for `text`: the tree remark-gfm's and remark-math's would give, sooner. */
function processorFor(text: string): ReturnType<typeof makeProcessor> {
  const unused = unusedIn(text)
  const math = text.includes('$')
  const key = `${unused.map((rare) => [...rare.names].join()).join()};${math}`
  let processor = processors.get(key)
  if (!processor) {
    processor = makeProcessor(unused, math)
    processors.set(key, processor)
  }
  return processor
}

/**
 * Parse a Markdown file; syntax extensions only, no transforms but removing characters XML cannot hold (with
 * warnings). Past a limit: an error and a partial tree.
 */
export function parseMarkdown(file: VFile): Root {
  // A file of our own for the parser: given a string, unified would ask `process.cwd()` (gone in some hosts).
  const tree = parseWithinLimits(file, (text) => processorFor(text).parse(new VFile({cwd: file.cwd, value: text})))
  cleanTree(tree, file)
  checkMath(tree, file)
  return tree
}

/**
 * Where a loader may keep parsed trees between runs (the CLI's `.samizdat-cache/`), by the text of their file.
 * `get` must return a tree of its own (never one handed out before: loading changes it).
 */
export interface ParseCache {
  get(text: string): Root | undefined
  set(text: string, tree: Root): void
}

/** `parseMarkdown` through `cache`: only a parse that said nothing is kept, so a tree from it leaves `file` as a parse would. */
export function parseMarkdownCached(file: VFile, cache: ParseCache | undefined): Root {
  if (!cache || typeof file.value !== 'string') return parseMarkdown(file)
  const hit = cache.get(file.value)
  if (hit) return hit
  const before = file.messages.length
  const tree = parseMarkdown(file)
  if (file.messages.length === before) cache.set(file.value, tree)
  return tree
}

/** The YAML front matter node, when the file starts with one. */
export function frontMatter(tree: Root): Yaml | undefined {
  const first = tree.children[0]
  return first?.type === 'yaml' ? first : undefined
}

/** An HTML comment alone (a licence header, an editor's hint): not content, so it does not stand before the title. */
const comment = /^<!--[\s\S]*?-->\s*$/

/**
 * Take the title from a leading level-1 heading, for files that carry their title in the text rather than in front
 * matter; removes it. What may stand before it: front matter, HTML comments, and decoration with no text (a logo
 * `<img>`, a paragraph of `&nbsp;`), which stays. The heading may be Markdown (`# Title`) or HTML (`<h1
 * align="center">…</h1>`, as many READMEs open). A heading with no text of its own (a logo: `# [![name](logo.svg)](site)`)
 * is titled by its images' descriptions, else by the file's name, with a warning: an empty title would give an
 * empty `<title>` and contents entry, which EPUB and HTML forbid.
 */
export function takeTitleHeading(tree: Root, file?: VFile): string | undefined {
  const index = tree.children.findIndex((node) => !beforeTitle(node))
  const node = tree.children[index]
  if (node?.type === 'html') return takeHtmlHeading(tree, index, node, file)
  if (node?.type !== 'heading' || (node as Heading).depth !== 1) return undefined
  tree.children.splice(index, 1)
  return titled(textOf(node), imageDescriptions(node), node.position, file)
}

/** What may come before the title heading: front matter, comments, decoration without text. */
function beforeTitle(node: RootContent): boolean {
  if (node.type === 'yaml') return true
  if (node.type === 'html') return comment.test(node.value) || (htmlText(parseHtml(node.value)) === '' && !hasHeading(parseHtml(node.value)))
  if (node.type === 'paragraph') return node.children.every(decoration)
  return false
}

/** Inline content with no text of its own: spaces, breaks, images (a logo, badges), links around them, raw `<img>`/`<br>`. */
function decoration(node: PhrasingContent): boolean {
  switch (node.type) {
    case 'text':
      return node.value.trim() === ''
    case 'break':
    case 'image':
    case 'imageReference':
      return true
    case 'link':
    case 'linkReference':
      return node.children.every(decoration)
    case 'html':
      return htmlText(parseHtml(node.value)) === '' && !hasHeading(parseHtml(node.value))
    default:
      return false
  }
}

/** The title an HTML block opening with `<h1>` gives; the heading is taken out of the block (the rest stays). */
function takeHtmlHeading(tree: Root, index: number, node: Html, file: VFile | undefined): string | undefined {
  const fragment = parseHtml(node.value)
  // Decoration (a logo in its own `<p>` or `<div>`) may stand before the `<h1>` in the same block, and stays.
  const top = fragment.children.find(
    (child) =>
      (child.type === 'element' && (child.tagName === 'h1' || htmlText(child) !== '' || hasHeading({type: 'root', children: [child]}))) ||
      (child.type === 'text' && child.value.trim() !== '')
  )
  if (top?.type !== 'element') return undefined
  // A heading wrapped in a link or a block with nothing else (`<a href=…><h1>…</h1></a>`): the wrapper goes with it.
  let first: Element = top
  for (let only = soleElement(first); first.tagName !== 'h1' && only; only = soleElement(first)) first = only
  if (first.tagName !== 'h1') return undefined
  const start = top.position?.start.offset
  const end = top.position?.end.offset
  const rest = start === undefined || end === undefined ? '' : (node.value.slice(0, start) + node.value.slice(end)).trim()
  if (rest === '') tree.children.splice(index, 1)
  else node.value = rest
  const alt: string[] = []
  visitHast(first, (element) => {
    const description = element.tagName === 'img' ? element.properties['alt'] : undefined
    if (typeof description === 'string' && description.trim() !== '') alt.push(description.trim())
  })
  return titled(htmlText(first), alt.join(' '), node.position, file)
}

/** The title from a heading's text, else its images' descriptions, else the file name (these two with a warning). */
function titled(text: string, alt: string, place: Heading['position'], file: VFile | undefined): string | undefined {
  if (text !== '') return text
  const title = alt !== '' ? alt : (file?.stem ?? '')
  if (file && title !== '') {
    warn(
      file,
      `The title heading has no text; the work is titled \`${title}\` from ${alt !== '' ? 'its image description' : 'the file name'}`,
      place,
      'title-empty'
    )
  }
  return title === '' ? undefined : title
}

function imageDescriptions(heading: Heading): string {
  const found: string[] = []
  walk(heading, (child) => {
    if ((child.type === 'image' || child.type === 'imageReference') && child.alt) found.push(child.alt.trim())
  })
  return found.filter((alt) => alt !== '').join(' ')
}

function parseHtml(value: string): HastRoot {
  return hastFromHtml()(value, {fragment: true})
}

/** The text an HTML fragment shows, spaces collapsed. */
function htmlText(node: HastRoot | Element): string {
  const parts: string[] = []
  const walk = (child: HastRoot | HastContent): void => {
    if (child.type === 'text') parts.push(child.value)
    else if ('children' in child) for (const grandchild of child.children) walk(grandchild)
  }
  walk(node)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/** The one element `element` holds when it holds nothing else (white space aside). */
function soleElement(element: Element): Element | undefined {
  const content = element.children.filter((child) => child.type !== 'comment' && !(child.type === 'text' && child.value.trim() === ''))
  return content.length === 1 && content[0]?.type === 'element' ? content[0] : undefined
}

function hasHeading(root: HastRoot): boolean {
  let found = false
  visitHast(root, (element) => {
    if (/^h[1-6]$/.test(element.tagName)) found = true
  })
  return found
}

function visitHast(node: HastRoot | Element, each: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    each(child)
    visitHast(child, each)
  }
}
