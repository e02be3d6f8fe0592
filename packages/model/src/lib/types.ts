/**
 * The resolved-edition contract: what every adapter consumes.
 *
 * Everything an adapter needs is here, already decided: ids, link targets,
 * typography, the table of contents. Adapters never look at Markdown source.
 */
import type {Labels} from './locale/types.js'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Apparatus, ApparatusData, CorrectionMark, ResolvedNote} from './apparatus/types.js'
import type {CitationSettings} from './citations/style.js'

/** MARC relator codes, as EPUB and the info dictionary of a PDF use them. */
export type CreatorRole = 'aut' | 'edt' | 'trl' | 'ctb' | 'aui' | 'pbl'

export interface Creator {
  name: string
  role: CreatorRole
  /** Sort form, e.g. "Kollontai, Alexandra". */
  fileAs?: string
}

/** One event in a text's publication history, as a source states it. */
export interface PublicationEvent {
  date: string
  event: string
  /** Who says so (a source id or a short credit). */
  source?: string
}

/** A work's record of the verbatim source it was curated from. */
export interface SourceRef {
  /** File name inside `<corpus>/sources/`. */
  file: string
  sha256: string
}

/** Front matter of a work, validated and defaulted. */
export interface WorkMeta {
  id: string
  /**
   * The title. As loaded, the source's (fidelity compares it); in a resolved edition, the title readers
   * see: the editorial title when the work has one (the source's then in `sourceTitle`).
   */
  title: string
  subtitle?: string
  /** The edition's own title for the work, where the source's is wrong or shared with another work. */
  editorialTitle?: string
  editorialSubtitle?: string
  /** A short title for running heads, links and references (resolved: always set, the title by default). */
  shortTitle?: string
  /** Resolved only, and only when the edition retitles the work: the source's title and subtitle, as given. */
  sourceTitle?: string
  creators: Creator[]
  /** ISO 8601 date or year of first publication, as far as known. */
  date?: string
  publicationHistory: PublicationEvent[]
  /** BCP 47 language tag. */
  language: string
  source?: SourceRef
  rights?: string
  description?: string
  /** Canonical URL of the work as published online. */
  url?: string
  /** Base URL against which relative links in the work resolve. */
  baseUrl?: string
  /**
   * Legacy fragment ids of the published page that the Markdown lacks,
   * mapped to the text of the heading they stand for (e.g. `app4: "4 What do…"`),
   * or to a heading id.
   */
  anchors: Record<string, string>
  /**
   * The part of the book the work is in: its folder under the works folder (`part-one`, `a/b`), for a work in a
   * subfolder. Adapters show a part heading in the contents where it changes.
   */
  part?: string
}

export interface Work {
  meta: WorkMeta
  /** The parsed body (front matter removed), positions intact. */
  tree: Root
  /** The work file; messages about it are attached here. */
  file: VFile
}

export interface EditionSpec {
  id: string
  title: string
  subtitle?: string
  /** Editors and other contributors credited on the title page. */
  creators: Creator[]
  language: string
  /** Work ids, in reading order. */
  works: string[]
  publisher?: string
  rights?: string
  description?: string
  subjects: string[]
  /** Publication date as written (ISO 8601, checked at load). */
  date?: string
  /** `date` parsed: its start, in UTC. */
  issued?: Date
  /** The editor's preface, parsed; absent when the edition has none. */
  preface?: {title: string; tree: Root; file: VFile}
  /** Paper size for print adapters, when the edition asks for one. */
  paper?: string
  /** Heading of the section gathering passages of a work that other works quote. */
  quotedHeading?: string
  /** Hyphenation exceptions, as TeX's `\hyphenation` writes them (`bu-reau-cracy`). */
  hyphenation?: string[]
  /** The edition's parenthetical dash: spaced en dashes (`en`) or closed em dashes (`em`); absent: as the sources have them. */
  dashes?: 'en' | 'em'
  /** How the text marks each corrected reading (`correctionMarks`); absent: `dot`. */
  correctionMarks?: CorrectionMark | 'none'
  /** How citations are read and rendered (`citations` in the edition file); absent: the defaults. */
  citations?: CitationSettings
  file: VFile
}

/** A rule declaring what of a source is site chrome, not text. */
export interface ChromeRule {
  /** Drop whole lines equal to this (after trimming trailing white space). */
  line?: string
  /**
   * Remove the matches of this regular expression: RE2 syntax (linear time;
   * no lookaround or backreferences), `^` and `$` at line ends.
   */
  pattern?: string
  /** With `pattern`: remove only this capture group of each match (the rest is context). */
  group?: number
  reason: string
  /** Exact number of matches expected, when given. */
  count?: number
  /** Where the rule is written in the manifest. */
  position?: import('unist').Position
}

/** An entry of `sources/manifest.yaml`: a verbatim source and what is chrome in it. */
export interface SourceEntry {
  file: string
  sha256: string
  title: string
  publisher?: string
  format: 'text' | 'markdown'
  url?: string
  retrieved?: string
  rights?: string
  chrome: ChromeRule[]
  position?: import('unist').Position
  /** Where the entry's `file` is written in the manifest. */
  filePosition?: import('unist').Position
}

export interface Corpus {
  /** Absolute path of the corpus folder. */
  dir: string
  /** Folder name; the id of the implicit edition when there is no `editions/`. */
  name: string
  /** Works in file-name order. */
  works: Work[]
  editions: EditionSpec[]
  /** The manifest of verbatim sources (empty when the corpus has none). */
  sources: SourceEntry[]
  /** The manifest file, when there is one. */
  manifest?: VFile
  /** Annotations, persons, timeline and bibliography (empty when the corpus has none). */
  apparatus: ApparatusData
  /** Every file read; content problems are messages on these. */
  files: VFile[]
}

/** A node of the table of contents. */
export interface TocEntry {
  /** Id of the heading (unique in the edition). */
  id: string
  /** Work the heading is in; absent for front and back matter. */
  work?: string
  /** 1 for a work's title, 2 for its top-level sections, and so on. */
  depth: number
  /** Plain text of the heading, typography applied. */
  text: string
  children: TocEntry[]
}

/** A heading of a resolved work, in document order. */
export interface HeadingEntry {
  id: string
  depth: number
  text: string
}

export interface ResolvedWork {
  meta: WorkMeta
  /** Id of the work's start (its title); unique in the edition. */
  id: string
  /**
   * The body: typography applied, every heading with `data.id`
   * (adapters turn it into their own anchors), every link resolved (see `LinkData`).
   */
  tree: Root
  headings: HeadingEntry[]
  /** The work's notes (editor's notes, conflicts, footnotes), numbered in reading order. */
  notes: ResolvedNote[]
  /** Legacy fragment ids of the published page (`meta.anchors`), each resolved to the id it stands for. */
  legacyAnchors: Record<string, string>
  /**
   * Where the text comes from, for its end: the source's title (when retitled), link, credits beyond the
   * authors, date, rights and publication history (human dates, in date order). Empty when there is nothing
   * to say. Every format renders it after the body, like body text.
   */
  sourceNote: Root
  file: VFile
}

export interface ResolvedSection {
  id: string
  /** What the section is, for formats that say so (EPUB's `epub:type`, landmarks). */
  kind: 'preface' | 'corrections' | 'bibliography' | 'index' | 'timeline'
  title: string
  tree: Root
  /** The preface's notes (its GFM footnotes), numbered in reading order like a work's; none for generated sections. */
  notes?: ResolvedNote[]
  /** The source file (the preface's), for messages about its content; none for generated sections. */
  file?: VFile
}

export interface EditionMeta {
  id: string
  title: string
  subtitle?: string
  /** Editors of the edition, then the authors of its works (deduplicated). */
  creators: Creator[]
  language: string
  publisher?: string
  rights?: string
  description?: string
  subjects: string[]
  /** Publication date of the edition (ISO 8601), if declared. */
  date?: string
  /**
   * `date` parsed once by the model (its start, UTC): adapters use this,
   * never their own parse of `date`, so output does not depend on time zone or locale.
   */
  issued?: Date
  /** The verbatim sources behind the works, with their checksums. */
  sources: Array<SourceRef & {work: string; title: string; url?: string; rights?: string}>
  paper?: string
  /** Hyphenation exceptions for print adapters (`bu-reau-cracy`; a word without hyphens is never hyphenated). */
  hyphenation?: string[]
}

export interface ResolvedEdition {
  meta: EditionMeta
  preface?: ResolvedSection
  works: ResolvedWork[]
  /** Works (depth 1) and their headings, nested. */
  toc: TocEntry[]
  /** Generated back matter: corrections, bibliography, index of persons, timeline (those that have entries). */
  backMatter: ResolvedSection[]
  /** The apparatus, resolved: every annotation anchored, citations resolved, mentions found. */
  apparatus: Apparatus
  /**
   * What resolving found wrong (fatal messages are errors), each naming its corpus file by path: resolving
   * never writes into the corpus's files. `checkCorpus` and the CLI add them to the corpus's files.
   */
  messages: VFileMessage[]
  /** Every word the outputs show around the text, in the edition's language (adapters read them through `labelsFor`). */
  labels: Labels
  /** The local images the edition shows, each once; every `image` node that shows one names it (`data.asset`). */
  assets: ImageAsset[]
}

/** The image formats the outputs carry, as media types. */
export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/svg+xml'

/** A local image of the corpus, read once, checked by its bytes and carried by every output. */
export interface ImageAsset {
  /** Unique in the edition (an XML name: EPUB manifest ids). */
  id: string
  /** Where outputs put it, relative to the output's root (`images/x.png`): unique, safe in a URL. */
  path: string
  /** From the bytes (magic numbers; SVG by parsing), never from the name. */
  mediaType: ImageMediaType
  /** The file's bytes; for SVG, the sanitised drawing (no script, handler, foreignObject or external reference). */
  data: Uint8Array
  /** Natural size in CSS pixels (SVG: its width and height, else its viewBox, else 300 × 150). */
  width: number
  height: number
}

/** Where an internal link points: a work, and optionally an id inside it. */
export interface LinkTarget {
  work: string
  /** Id of the element pointed to; the work's own id when it points at the start. */
  id: string
}

declare module 'mdast' {
  interface ImageData {
    /** Set at load on a local image that was read: its path in the corpus (`works/images/x.png`). */
    source?: string
    /** Set by resolution: the `path` of the edition's `assets` entry it shows. */
    asset?: string
  }
  interface HtmlData {
    /** Set at load on raw HTML with local `<img>`s that were read: corpus path by `src` as written. */
    images?: Record<string, string>
    /** Set by resolution: the `path` of the edition's asset by `src` as written (adapters rewrite the `<img>`). */
    assets?: Record<string, string>
  }
  interface ParagraphData {
    /** Set by resolution on a paragraph that is one local image alone: a figure, captioned by its title (else its description). */
    figure?: {caption: string}
  }
  interface LinkData {
    /**
     * Set by resolution on links that point inside the edition.
     * `url` is then `#<id>`; adapters map the target to their own addressing.
     */
    target?: LinkTarget
    /** Set on links left pointing outside the edition (absolute URLs). */
    external?: boolean
  }
  interface Data {
    /**
     * Stable id, unique across the edition: set on every heading, and on the
     * entries of generated back matter that links point to.
     */
    id?: string
    /** Set on headings the edition adds to a work (not the work's own text). */
    editorial?: boolean
  }
}
