/**
 * Options and results of the HTML adapter.
 */
import type {Handler} from 'mdast-util-to-hast'
import type {LinkTarget} from '@samizdat/model'

/** One file of a generated site, its path relative to the edition's folder. */
export interface HtmlFile {
  path: string
  contents: string
}

/** What `toHtml` returns: the files of the web edition, in a stable order. */
export interface HtmlSite {
  files: HtmlFile[]
}

/** Words the templates put on every page; override them for other languages. */
export interface Labels {
  /** The skip link's text. */
  skip: string
  /** Heading of the table of contents, and the name of the link back to it. */
  contents: string
  /** Heading of the preface when the edition gives none. */
  preface: string
  previous: string
  next: string
  /** Accessible name of the navigation landmarks. */
  siteNavigation: string
  pageNavigation: string
  /** Accessible name of a heading's self-link, followed by `: ` and the heading text. */
  sectionLink: string
  /** Labels of the work metadata list. */
  author: string
  authors: string
  date: string
  source: string
  rights: string
  history: string
  /** Joins the last two names of a list ("A, B and C"). */
  and: string
  /** Credits on the title page, by creator role (the role code when missing). */
  roles: {[role: string]: string}
}

export interface HtmlOptions {
  /** Words used by the templates (default: English). */
  labels?: Partial<Labels>
  /** CSS appended to the default `style.css`. */
  css?: string
}

/** Maps an internal link target to an `href`: the seam the EPUB adapter plugs its chapters into. */
export type HrefFor = (target: LinkTarget) => string

/** A handler for one mdast node type, as `mdast-util-to-hast` defines it. */
export type NodeHandler = Handler

export interface FragmentOptions {
  /** Map link targets (`link.data.target`) to hrefs; without it, links keep their `url`. */
  hrefFor?: HrefFor
  /** Add a visible, accessible self-link after each heading (default: true). */
  anchors?: boolean
  /** Shift heading ranks by this much (capped at h6), e.g. 1 to render a `##` as `<h3>`. */
  headingOffset?: number
  /** Words for the self-links (`sectionLink`). */
  labels?: Partial<Labels>
  /** Extra or replacement handlers per mdast node type (for node types the apparatus adds). */
  handlers?: Record<string, NodeHandler>
}
