/**
 * The editorial apparatus: standoff annotations anchored by W3C-style text
 * quote selectors, the register of persons, the timeline, the bibliography,
 * and the node types they add to mdast.
 */
import type {BlockContent, Parent, PhrasingContent, Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {LinkTarget} from '../types.js'

export type AnnotationKind = 'note' | 'correction' | 'conflict' | 'crossref' | 'person' | 'language' | 'caption'

/** A W3C Web Annotation TextQuoteSelector (without its `type`). */
export interface QuoteSelector {
  exact: string
  prefix?: string
  suffix?: string
}

/** Who says so, and where. */
export interface Credit {
  credit: string
  where?: string
}

/** One side of a conflict between sources. */
export interface Claim {
  claim: string
  credit: string
  work?: string
}

/** What every annotation may carry, whatever its kind. */
interface AnnotationCommon {
  id: string
  work: string
  quote: QuoteSelector
  /** Markdown body, parsed. */
  body?: Root
  /** Markdown body as written. */
  bodyText?: string
  sources: Credit[]
  /** The page reference the quoting text gives (crossrefs). */
  locator?: string
  /** The passage quotes its target (crossrefs: gathered in the target's "as quoted" section). */
  quotes?: boolean
}

/**
 * The fields each kind must have (the schema's `requiredByKind` says the same of the YAML), so that
 * narrowing on `kind` gives them.
 */
interface AnnotationKindFields {
  /** A numbered note: its body. */
  note: {body: Root; bodyText: string}
  /**
   * The edition's reading `corr` replaces the source's (`quote.exact`), for a `reason`; `emendation`: the
   * reading is the editors' conjecture, beyond mending a transcription or typing slip.
   */
  correction: {corr: string; reason: string; emendation?: boolean}
  /** A note on sources that disagree: its body and each source's claim. */
  conflict: {body: Root; bodyText: string; claims: Claim[]}
  /** A link to another passage (or work). */
  crossref: {target: {work: string; quote?: QuoteSelector}}
  /** A mention of a person of the register: the person's id. */
  person: {person: string}
  /** A passage in another language: its BCP 47 tag (`ru-Latn`, `fr`). */
  language: {lang: string}
  /**
   * The caption of an image the edition does not carry (the source had it, the corpus has not): the caption
   * is kept, inside an editorial note saying the image is not reproduced, so that nothing is silently lost.
   */
  caption: {reason?: string}
}

/** Where a loaded annotation is written, for messages. */
interface AnnotationPlaces {
  file: VFile
  /** Where the annotation is written in its file. */
  position: Position
  /** Where its `quote` (and `target.quote`) are written, for anchoring errors. */
  quotePosition: Position
  targetPosition?: Position
  /** Every place the annotation is written for (`anchors`, or its one `work` and `quote`), first as written. */
  places: Array<{work: string; quote: QuoteSelector; quotePosition: Position}>
}

/** An annotation as loaded: a union on `kind`. */
export type Annotation<K extends AnnotationKind = AnnotationKind> = K extends AnnotationKind
  ? AnnotationCommon & {kind: K} & AnnotationKindFields[K] & AnnotationPlaces
  : never

export interface PersonEntry {
  id: string
  name: string
  sortAs: string
  variants: string[]
  dates?: string
  datesSource?: string
  description?: string
}

interface TimelineMention {
  work: string
  quote: QuoteSelector
  position: Position
}

export interface TimelineEvent {
  date: string
  label: string
  mentions: TimelineMention[]
}

/** A CSL-JSON item (the fields the model reads; others pass through). */
export interface CslItem {
  id: string
  type: string
  title: string
  author?: Array<{family?: string; given?: string; literal?: string}>
  editor?: Array<{family?: string; given?: string; literal?: string}>
  'x-title-variants'?: string[]
  'x-author-variants'?: string[]
  [key: string]: unknown
}

/** The apparatus data of a corpus, as loaded. */
export interface ApparatusData {
  annotations: Annotation[]
  persons: PersonEntry[]
  timeline: TimelineEvent[]
  bibliography: CslItem[]
  /** Files the data came from, for messages (persons, timeline, bibliography). */
  personsFile?: VFile
  timelineFile?: VFile
  bibliographyFile?: VFile
}

/** Offsets into a work's anchoring text (see `text-index.ts`). */
export interface TextSpan {
  start: number
  end: number
}

/** A note shown at the foot of a page (PDF), as a pop-up (EPUB), or at the end of a page (HTML). */
export interface ResolvedNote {
  /** Id of the note itself (the annotation id). */
  id: string
  /** Id of its reference mark in the text. */
  refId: string
  /** Number within its work, from 1, in reading order. */
  number: number
  kind: 'note' | 'conflict' | 'footnote'
  children: BlockContent[]
}

/** A parsed bracketed citation. */
export interface CitationPart {
  /** The part's text as written (one reference of a bracket that may hold several). */
  text: string
  title?: string
  author?: string
  /** `quoted by X`, `contained in X (ed.)`. */
  via?: string
  locator?: string
  itemId?: string
  resolution: 'explicit' | 'author-op-cit' | 'preceding' | 'ibid' | 'context' | 'ambiguous' | 'unknown'
}

export interface ResolvedCitation {
  id: string
  work: string
  line: number
  column: number
  /** Exactly as written inside the brackets (Markdown markup included). */
  text: string
  parts: CitationPart[]
}

export interface Mention {
  /** Id of the element marking the mention. */
  id: string
  work: string
  span: TextSpan
  line: number
  column: number
}

/** Where a resolved annotation is anchored. */
interface AnnotationAnchor {
  span: TextSpan
  line: number
  column: number
  /** Id of the element in the text that marks it. */
  anchorId: string
  /** notes and conflicts: their number in the work. */
  number?: number
  /**
   * A note written for several places is given in full at the first in reading order; each later place
   * carries a short reference to it: the `anchorId` of that first place.
   */
  seeNote?: string
}

/** An annotation anchored in its work: a union on `kind`; a crossref's target is resolved to an id. */
export type ResolvedAnnotation<K extends AnnotationKind = AnnotationKind> = K extends AnnotationKind
  ? AnnotationCommon & {kind: K} & (K extends 'crossref' ? {target: LinkTarget & {quote?: QuoteSelector}} : AnnotationKindFields[K]) & AnnotationAnchor
  : never

export interface Apparatus {
  annotations: ResolvedAnnotation[]
  citations: ResolvedCitation[]
  bibliography: CslItem[]
  persons: Array<PersonEntry & {mentions: Mention[]}>
  timeline: Array<TimelineEvent & {anchors: Mention[]}>
  /** Links the edition left as text because they cannot work (each with a warning), work by work. */
  unlinked: UnlinkedLink[]
}

/** A link shown as its text: where it was, the address as written, and the rule of its warning. */
export interface UnlinkedLink {
  work: string
  url: string
  text: string
  rule: 'anchor-missing' | 'link-unresolved' | 'link-scheme' | 'url-invalid'
  line?: number
  column?: number
}

// Node types the apparatus adds to mdast (see README, "Node types").
/** Half brackets around a corrected reading (`⸢reading⸣`), or a dot in the margin of its line. */
export type CorrectionMark = 'bracket' | 'dot'

export interface Correction extends Parent {
  type: 'correction'
  /** The annotation id; also the element's id. */
  id: string
  /** The source's reading. */
  sic: string
  reason: string
  /** The reading is an editorial emendation (a conjecture), not the mending of a slip. */
  emendation?: true
  /** How the text marks the corrected reading (the edition's `correctionMarks`); absent: not marked. */
  mark?: CorrectionMark
  /** The edition's reading. */
  children: PhrasingContent[]
}

export interface Annotated extends Parent {
  type: 'annotated'
  /** The element's id (an annotation id, or a generated mention id). */
  id: string
  kind: 'person' | 'crossref' | 'crossref-target' | 'event' | 'language' | 'caption'
  /** person: the register id. */
  person?: string
  /** language: the passage's BCP 47 language tag. */
  lang?: string
  children: PhrasingContent[]
}

export interface NoteReference {
  type: 'noteReference'
  /** Id of the reference mark. */
  id: string
  /** Id of the note. */
  noteId: string
  /** The number shown. */
  label: string
  position?: Position
  data?: Record<string, unknown>
}

export interface Citation extends Parent {
  type: 'citation'
  id: string
  /** Bibliography entries cited, in order (unresolved parts left out). */
  itemIds: string[]
  /** The bracketed text as written. */
  children: PhrasingContent[]
}

declare module 'mdast' {
  interface PhrasingContentMap {
    correction: Correction
    annotated: Annotated
    noteReference: NoteReference
    citation: Citation
  }
  interface RootContentMap {
    correction: Correction
    annotated: Annotated
    noteReference: NoteReference
    citation: Citation
  }
  interface LinkData {
    /**
     * Render as the page number of the target where the format has pages (index entries); `line`: its
     * page and line (`3, l. 12`).
     */
    pageRef?: boolean | 'line'
  }
  interface Data {
    /** Only for paged formats (a page reference's words), or only for the web (a link's words). */
    only?: 'paged' | 'web'
  }
  interface ListData {
    /** An index or a bibliography: no bullets, each entry's lines after the first indented. */
    hanging?: boolean
  }
}
