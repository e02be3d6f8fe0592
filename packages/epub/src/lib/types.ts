/** Options of the EPUB adapter. */
import type {Labels as HtmlLabels} from '@samizdat/html'
import type {WriterOptions} from '@samizdat/model'

/** Words the book's own pages use (title page, contents, colophon); English by default. */
export interface EpubLabels {
  /** Heading of the table of contents. */
  contents: string
  /** Names of the landmarks in the navigation document. */
  landmarks: string
  cover: string
  titlePage: string
  startOfReading: string
  backMatter: string
  /** Heading of the page about the edition: rights, sources, font. */
  colophon: string
  rights: string
  sources: string
  /** Heading of the page holding the font's licence. */
  fontLicence: string
  /** Sentence on the colophon naming the font; `{font}` and `{licence}` are replaced. */
  setIn: string
  identifier: string
  /** Accessible description of the cover; `{text}` is replaced by what the cover says. */
  coverDescription: string
  /** Text standing in for an image the book cannot carry (`{alt}` is its description). */
  imageLeftOut: string
  /** Joins the last two names of a list ("A, B and C"). */
  and: string
  /** Credits on the title page by creator role (the role code when missing). */
  roles: {[role: string]: string}
  /** schema:accessibilitySummary. */
  accessibilitySummary: string
}

/**
 * `toEpub`'s options: the writer contract's (see `@samizdat/model`) and the book's own.
 * `date` is `dcterms:modified` and the time of every zip entry. `report` is told
 * of what the book cannot carry as it is (`epub-image`: an image replaced by a
 * link; `epub-link-missing`; `epub-gen-memory`: markup it dropped).
 */
export interface EpubOptions extends WriterOptions {
  /**
   * A work whose text is longer than this many characters is split into one
   * file per top-level section (default 40 000; `Infinity` never splits).
   */
  splitAbove?: number
  /** CSS appended to the book's stylesheet. */
  css?: string
  /** The words of the book's own pages (default: English). */
  labels?: Partial<EpubLabels>
  /** The words of the rendered works (metadata, note marks), as `@samizdat/html` takes them (default: English). */
  htmlLabels?: Partial<HtmlLabels>
}
