/**
 * The layout engine's vocabulary: styled runs of text (what inline handlers
 * produce), positioned lines (what the line breaker produces), and the flow
 * of blocks, spaces and breaks that pagination cuts into pages.
 * Everything is in PDF points; y grows downwards from the top of the text block.
 */
import type {InlineCode, Text} from 'mdast'
import type {StructNode} from './structure.js'

/** The book's own fonts, and a slice of a Noto fallback font (`noto:<package>:<slice>`, see `scripts.ts`). */
export type FontKey = 'serif' | 'serifItalic' | 'serifBold' | 'serifBoldItalic' | 'mono' | `noto:${string}`

export interface TextStyle {
  font: FontKey
  size: number
  /** OpenType features, e.g. `onum` (old-style figures), `smcp`, `sups`. */
  features?: readonly string[]
  /** Fill colour (hex); black when absent. */
  color?: string
}

/** Where a link goes: a named destination inside the PDF or a URL. */
export interface LinkRef {
  dest?: string
  url?: string
  /** The `Link` structure element that owns the link's text and annotations. */
  struct: StructNode
  /** Text of the whole link, for the annotation's `Contents`. */
  text: string
}

/** How a run of text may be broken across lines. */
type BreakMode =
  /** Between words and at hyphenation points. */
  | 'words'
  /** Also after `/`, `.`, `-`, `?`, `&`, `=`, `#`, `_` and, if still too long, anywhere: URLs, checksums. */
  | 'url'
  /** Nowhere: note markers, list labels. */
  | 'never'

/** A vector drawing set like a word (a typeset formula): its SVG and its size in points around the baseline. */
export interface Drawing {
  /** The SVG to draw as vectors (empty for a raster image). */
  svg: string
  /** A raster image pdfkit opened (the edition's PNG and JPEG, see images.ts), drawn instead of `svg`. */
  image?: PDFKit.OpenedImage
  /** What it shows, as text (a formula's TeX): the structure element's alternative text. */
  tex: string
  width: number
  ascent: number
  descent: number
}

/** A place in the edition's text: a text node's name (the model's `textPlaces`) and an offset into its value. */
export interface TextPlace {
  place: string
  offset: number
}

/** A piece of text with one style, one owner and one link, as inline handlers emit it. */
export interface Run {
  text: string
  style: TextStyle
  struct: StructNode
  link?: LinkRef
  /** The note whose reference mark this run is. */
  note?: Note
  /** Language of the passage (BCP 47), for hyphenation. */
  lang: string
  breaks?: BreakMode
  /** Named destinations at this point (a note reference's back-link target). */
  anchors?: string[]
  /** The page label this run shows, when it is a page reference. */
  pageRef?: string
  /** Drawn instead of the text (which is empty): a formula. */
  drawing?: Drawing
  /** Drawn outside the structure tree and the text layer: a correction's half bracket. */
  artifact?: true
  /** A dot in the margin of the line this run starts on: a corrected reading. */
  marginDot?: true
  /** Where `text` starts in the edition's text, when it is a text node's (for the EPUB's page-list). */
  source?: TextPlace
  /** The Markdown node the text comes from: where a warning about its characters points. */
  origin?: Pick<Text | InlineCode, 'position'>
}

/** Text placed on a line, `x` from the line's start. */
export interface Glyphs {
  x: number
  width: number
  text: string
  style: TextStyle
  struct: StructNode
  link?: LinkRef
  /** Artifacts (leaders, furniture) are drawn outside the structure tree. */
  artifact?: boolean
  /** Drawn at `x` on the baseline instead of text: a formula. */
  drawing?: Drawing
}

export interface Line {
  glyphs: Glyphs[]
  /** Height of the line box: the leading. */
  height: number
  /** From the top of the line box to the baseline. */
  baseline: number
  /** Notes referenced on this line. */
  notes: Note[]
  /** Named destinations on this line (ids of note references). */
  anchors: string[]
  /** Adjustment ratio of a justified line; absent on last, ragged and centred lines. */
  ratio?: number
  /** The natural width of an inter-word space on this line, for spacing checks. */
  space?: number
  /** A dot in the margin, left of the line: the line holds a corrected reading. */
  marginDot?: true
  /** Display, not text (a chapter's title, subtitle, byline): not counted when a reference gives a line number. */
  display?: true
  /** Where the line's first word from the edition's text starts there (see `Run.source`). */
  source?: TextPlace
}

/** A rule, drawn as an artifact. */
export interface Rule {
  width: number
  thickness: number
}

/** Something placed inside a block, relative to the block's top left. */
export type Placed = {dx: number; dy: number} & ({line: Line} | {rule: Rule})

/** A destination (and maybe an outline entry) at the top of a block. */
export interface Mark {
  id: string
  outline?: {title: string; depth: number}
}

/** An unbreakable vertical box: a line, a table row, a rule. */
export interface Block {
  kind: 'block'
  height: number
  items: Placed[]
  /** May the page break just before this block? Widows, orphans and keeps say no. */
  breakBefore: boolean
  notes: Note[]
  marks: Mark[]
}

/** Vertical space; `fill` spaces share what is left of the page; others vanish at a page top unless `keep`. */
interface Space {
  kind: 'space'
  height: number
  fill?: boolean
  keep?: boolean
}

/** A forced page break. */
interface PageBreak {
  kind: 'break'
}

export type Flow = Block | Space | PageBreak

/** A note: its mark, its text set in lines, and where it links. */
export interface Note {
  /** Named destination of the note's text. */
  id: string
  /** Named destination of its reference in the text, for the back-link. */
  referenceId: string
  label: string
  /** The note's text set at the note size: lines (and rows) as blocks. */
  blocks: Block[]
  struct: StructNode
}

interface RunningHeads {
  verso: string
  recto: string
}

/** A part of the book that starts on a new page: title page, contents, a work. */
export interface Section {
  id: string
  flow: Flow[]
  /** `recto`: the section opens on an odd page, after a blank if needed. */
  start: 'recto' | 'verso' | 'next'
  folio: 'roman' | 'arabic' | 'none'
  /** Running heads on the section's pages after its first; none when absent. */
  heads?: RunningHeads
}
