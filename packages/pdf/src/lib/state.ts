/**
 * The shared state of layout, as `mdast-util-to-hast` has one: handler
 * tables for block and inline nodes, `block`/`blocks`/`inline` to walk the
 * tree, and `emit` to turn set lines into flow blocks with widow, orphan
 * and keep-with-next rules. Handlers live in `handlers/`, one per node type.
 */
import type {Nodes, Parents, PhrasingContent} from 'mdast'
import type {Geometry} from './geometry.js'
import {Hyphenator} from './hyphenate.js'
import type {PdfImage} from './images.js'
import type {Align} from './items.js'
import type {Words} from './labels.js'
import type {Measurer} from './measure.js'
import {NoteRegistry} from './notes.js'
import {setParagraph} from './paragraph.js'
import {hasHtml, phrasingWithHtml} from './raw-html.js'
import {structChild, type StructNode, type StructOptions} from './structure.js'
import type {Block, Flow, FontKey, Glyphs, Line, LinkRef, Mark, Run, TextStyle} from './types.js'
import type {Warn} from './warnings.js'

/** Where and how blocks are set: indents, type size, alignment, owner in the structure tree. */
export interface Context {
  struct: StructNode
  /** Language of the passage; `sectionLang` is that of the enclosing section. */
  lang: string
  sectionLang: string
  /** Indents from the text block's edges. */
  left: number
  right: number
  size: number
  leading: number
  align: Align
  italic: boolean
  bold: boolean
  /** Added to heading depths so that a body's top headings sit under its title. */
  headingOffset: number
  /** A hanging indent: how far a paragraph's first line starts left of the others (index entries). */
  hang?: number
}

/** What inline handlers carry down: the current style, owner and link. */
export interface InlineContext {
  struct: StructNode
  lang: string
  size: number
  italic: boolean
  bold: boolean
  mono: boolean
  /** OpenType features instead of the text's (e.g. small capitals). */
  features?: readonly string[]
  link?: LinkRef
  /** Owner and language of notes called here, when not `struct` and `lang`: outside links and passages in another language. */
  noteHome?: {struct: StructNode; lang: string}
}

export type BlockHandler = (node: never, state: State, context: Context, previous: Nodes | undefined) => void
export type InlineHandler = (node: never, state: State, context: InlineContext, runs: Run[]) => void

export interface Handlers {
  block: Readonly<Record<string, BlockHandler>>
  inline: Readonly<Record<string, InlineHandler>>
}

/** Old-style figures in running text: they sit with the lowercase. */
export const textFeatures: readonly string[] = ['onum']

/** What the sections of one book share: page labels from a previous pass, for page references. */
export interface PageRefs {
  /** Page label of each destination, once a first pass has paginated the book. */
  labels: ReadonlyMap<string, string> | undefined
  /** Line of each line anchor on its page, from 1 (corrections' places), with `labels`. */
  lines?: ReadonlyMap<string, number>
  /** How many page references were set: a second pass is needed when there are any. */
  count: number
}

/** Lines of what follows that a heading or byline keeps with it. */
const keptLines = 2

export class State {
  readonly flow: Flow[] = []
  /** The next block may not be separated from the previous one (a byline from its title, a caption from its figure). */
  keepNext = false
  /**
   * So many blocks to come may not be separated from what precedes them: a
   * heading, a title or a byline keeps two lines of what follows (see `keepWithNext`).
   */
  keepLines = 0
  /** Destinations and outline entries for the next block. */
  readonly marks: Mark[] = []
  /** A list item's or note's label, hung before the next line. */
  label: Glyphs[] | undefined
  notes: NoteRegistry
  /** The edition's images as the PDF draws them, by asset path (see images.ts). */
  images: ReadonlyMap<string, PdfImage> = new Map()
  /** The document's hyphenator: the edition's exceptions, and a cache shared by every paragraph. */
  hyphenator: Hyphenator = new Hyphenator()
  /** The name of each text node of the edition's reading text (the model's `textPlaces`). */
  places: ReadonlyMap<object, string> = new Map()

  constructor(
    readonly geometry: Geometry,
    readonly measure: Measurer,
    readonly handlers: Handlers,
    readonly labels: Words,
    readonly pageRefs: PageRefs = {labels: undefined, count: 0},
    /** Reports what is left out of the section's source. */
    readonly warn: Warn = () => {},
    notes?: NoteRegistry
  ) {
    this.notes = notes ?? new NoteRegistry()
  }

  /** A state for a note's text: same tools, its own flow, no notes inside notes. */
  nested(): State {
    const state = new State(this.geometry, this.measure, this.handlers, this.labels, this.pageRefs, this.warn, this.notes)
    state.notes = this.notes.inside()
    state.images = this.images
    state.hyphenator = this.hyphenator
    state.places = this.places
    return state
  }

  block(node: Nodes, context: Context, previous?: Nodes): void {
    // What only the web shows (a link's words where pages give a number) is not set.
    if (node.data?.only === 'web') return
    // Any block may carry an id (back-matter entries do): a destination at its first line.
    const id: unknown = node.type === 'heading' ? undefined : node.data?.id
    if (typeof id === 'string') this.marks.push({id})
    const handler = this.handlers.block[node.type]
    if (handler) {
      handler(node as never, this, context, previous)
    } else if ('children' in node) {
      // Unknown containers: their content still reads.
      this.blocks(node, context)
    }
  }

  blocks(parent: Parents, context: Context): void {
    let previous: Nodes | undefined
    for (const child of parent.children) {
      this.block(child as Nodes, context, previous)
      previous = child as Nodes
    }
  }

  inline(nodes: readonly PhrasingContent[] | readonly Nodes[], context: InlineContext, runs: Run[] = []): Run[] {
    // Inline raw HTML comes one tag per node: pair the tags first (`<b>`, text, `</b>` is bold text).
    const resolved = hasHtml(nodes) ? phrasingWithHtml(nodes as PhrasingContent[], (reason, node) => this.warn(reason, node, 'html-omitted')) : nodes
    for (const node of resolved) {
      if (node.data?.only === 'web') continue
      const handler = this.handlers.inline[node.type]
      if (handler) handler(node as never, this, context, runs)
      else if ('children' in node) this.inline(node.children as Nodes[], context, runs)
      else if ('value' in node && typeof node.value === 'string') this.handlers.inline['text']?.(node as never, this, context, runs)
    }
    return runs
  }

  /** The inline context at the start of a block set in `context`. */
  inlineContext(context: Context, struct: StructNode): InlineContext {
    return {struct, lang: context.lang, size: context.size, italic: context.italic, bold: context.bold, mono: false}
  }

  style(context: InlineContext): TextStyle {
    if (context.mono) return {font: 'mono', size: round(context.size * 0.86)}
    return {font: serif(context.italic, context.bold), size: context.size, features: context.features ?? textFeatures}
  }

  /** A child structure element, with `lang` when the passage's language is not the section's. */
  struct(context: Context, type: string, options: StructOptions = {}): StructNode {
    const withLang = context.lang !== context.sectionLang && options.lang === undefined ? {...options, lang: context.lang} : options
    return structChild(context.struct, type, withLang)
  }

  /**
   * `context` indented further, unless that would leave a measure narrower
   * than half the text block: deeply nested quotations and lists stop
   * moving right, so any depth still sets.
   */
  indented(context: Context, left: number, right = 0): Context {
    const measure = this.geometry.textWidth - context.left - context.right - left - right
    if (measure < this.geometry.textWidth * 0.5) return context
    return {...context, left: context.left + left, right: context.right + right}
  }

  /** Set runs as a paragraph in `context`. */
  lines(runs: readonly Run[], context: Context, options: {indent?: number; align?: Align; hyphenate?: boolean} = {}): Line[] {
    const style: TextStyle = {font: serif(context.italic, context.bold), size: context.size}
    return setParagraph(runs, this.measure, {
      width: this.geometry.textWidth - context.left - context.right,
      align: options.align ?? context.align,
      indent: options.indent ?? 0,
      leading: context.leading,
      style,
      hyphenate: options.hyphenate ?? true,
      hyphenator: this.hyphenator,
      // Text of the corpus only (a generated label's characters are the book font's): a warning says where.
      missing: (chars, run) => run.origin?.position && this.warn(missingGlyphs(chars), run.origin, 'glyph-missing')
    })
  }

  /**
   * Add set lines to the flow. No page break after the first line or before
   * the last (orphans and widows), none inside when `together`.
   */
  emit(lines: readonly Line[], context: Context, options: {together?: boolean} = {}): void {
    lines.forEach((line, index) => {
      if (index === 0 && this.label) {
        line.glyphs.unshift(...this.label)
        this.label = undefined
      }
      const breakBefore = index === 0 ? !this.keepNext : !(options.together || index === 1 || index === lines.length - 1)
      this.push({kind: 'block', height: line.height, items: [{dx: context.left, dy: 0, line}], breakBefore, notes: line.notes, marks: []})
    })
  }

  /**
   * What was just set (a heading, a title, a byline) is never the last thing
   * on a page: the page may not break before the next two lines, whatever
   * they are (a one-line paragraph, a list item, a figure and its caption).
   */
  keepWithNext(): void {
    this.keepNext = true
    this.keepLines = keptLines
  }

  /** Add a block; pending marks go on it and a pending keep is used up. */
  push(block: Block): void {
    if (this.keepNext || this.keepLines > 0) block.breakBefore = false
    this.keepNext = false
    this.keepLines = Math.max(0, this.keepLines - 1)
    if (this.marks.length > 0) block.marks.push(...this.marks.splice(0))
    this.flow.push(block)
  }

  space(height: number, options: {keep?: boolean; fill?: boolean} = {}): void {
    if (height <= 0 && !options.fill) return
    this.flow.push({kind: 'space', height, ...options})
  }

  pageBreak(): void {
    this.flow.push({kind: 'break'})
  }
}

function serif(italic: boolean, bold: boolean): FontKey {
  if (bold) return italic ? 'serifBoldItalic' : 'serifBold'
  return italic ? 'serifItalic' : 'serif'
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

/** The warning for characters no font of the PDF has: the first few, by character and code point. */
function missingGlyphs(chars: readonly string[]): string {
  const shown = chars.slice(0, 5).map((char) => `\`${char}\` (U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')})`)
  const more = chars.length > shown.length ? ` and ${chars.length - shown.length} more` : ''
  return `No font of the PDF has ${shown.join(', ')}${more}: ${chars.length === 1 ? 'it is' : 'they are'} left blank in the PDF`
}
