/**
 * Options and results of the HTML adapter.
 */
import type {Handler} from 'mdast-util-to-hast'
import type {VFile} from 'vfile'
import type {TextPlaces} from './places.js'
import type {WorkStore} from './work-cache.js'
import type {HtmlLabels, ImageAsset, LinkTarget, Reporter, WriterOptions} from '@samizdat/model'

/**
 * Words the templates put on every page: the model's `Labels.html` (see
 * `@samizdat/model`), with the credits by creator role. Any given here are
 * laid over the edition's, in its language, by the model's resolver.
 */
export type Labels = HtmlLabels & {roles: {[role: string]: string}}

/** `toHtml`'s options: the writer contract's (`date` is not used: a page carries no build time), and the site's own. */
export interface HtmlOptions extends WriterOptions {
  /** Words to use instead of the edition's. */
  labels?: Partial<Labels>
  /** CSS appended to the default `style.css`. */
  css?: string
  /**
   * The other formats built with the site, offered for download on the index page: each a format and its `href`
   * relative to the site's folder (`../edition.epub`). The caller knows what it builds; default: none.
   */
  downloads?: ReadonlyArray<{format: 'epub' | 'pdf'; href: string}>
  /** Where each work's rendering is kept between builds (the CLI's `.samizdat-cache/works/`); used only with `report`. */
  works?: WorkStore | undefined
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
  /** Words for the self-links, note marks and corrections (default: those of `locale`). */
  labels?: Partial<Labels>
  /** The language of the words and of lists of names (a BCP 47 tag; default English). */
  locale?: string
  /** Extra or replacement handlers per mdast node type (for node types the apparatus adds). */
  handlers?: Record<string, NodeHandler>
  /**
   * Write for an EPUB content document: `epub:type` on note marks and sections, corrections
   * without the `<del hidden>` (the source's reading as `title`), no `data-*` attributes (default: false).
   */
  epub?: boolean
  /**
   * More ids for headings, by heading id (e.g. `{'part-four': ['app4']}`): each
   * becomes an empty element at the start of the heading, so that old
   * addresses (`page.html#app4`) still land there.
   */
  aliases?: Record<string, string[]>
  /**
   * The source file of the tree (`ResolvedWork.file`): raw HTML left out with
   * its content (`[html-dropped]`) and remote images (`[image-remote]`) are
   * reported at their place in it: to `report` when given, else as messages
   * on the file itself. Without either nothing is reported.
   */
  file?: VFile
  /** Where the warnings go, as the writers' `report` (see `WriterOptions` in `@samizdat/model`). */
  report?: Reporter | undefined
  /**
   * The edition's images (`edition.assets`): a local image's `<img>` shows its copy (`images/x.png`, a path
   * relative to the page, so the caller puts the files beside the pages) with its width and height.
   */
  assets?: readonly ImageAsset[] | undefined
  /**
   * Names for text nodes of the tree, to find them in the result without rendering again (the EPUB marks
   * the print edition's page starts in them once they are known): each final hast text node holding named
   * text gets `data.places`, a list of `[name, start, length]` within its value. Only where that is exact:
   * with raw HTML in the tree, or text the pipeline changed, nothing is tagged.
   */
  places?: TextPlaces | undefined
}

/** How `renderNotes` lays out a work's notes. */
export interface NotesOptions {
  /**
   * `endnotes` (default): a section with a heading and an ordered list, for the
   * end of a web page. `footnotes`: one `<aside epub:type="footnote">` per note,
   * for EPUB reading systems to show as pop-ups.
   */
  style?: 'endnotes' | 'footnotes'
  /** Rank of the endnotes' heading (default 2). */
  headingRank?: number
}
