/** Options of the EPUB adapter. */
import type {Labels as HtmlLabels} from '@samizdat/html'
import type {EpubLabels as ModelEpubLabels} from '@samizdat/model'

/**
 * Words the book's own pages use (title page, contents, colophon): the
 * model's `Labels.epub` (see `@samizdat/model`), with the credits by role.
 */
export type EpubLabels = ModelEpubLabels & {roles: {[role: string]: string}}

export interface EpubOptions {
  /**
   * Build time: `dcterms:modified` and the time of every zip entry. The CLI
   * takes it from `SOURCE_DATE_EPOCH`. Default: the edition's date, or
   * 1970-01-01T00:00:00Z; never the clock.
   */
  date?: Date
  /**
   * A work whose text is longer than this many characters is split into one
   * file per top-level section (default 40 000; `Infinity` never splits).
   */
  splitAbove?: number
  /** CSS appended to the book's stylesheet. */
  css?: string
  /** The language of the book's words (a BCP 47 tag; default: the edition's, see the model's `labelsFor`). */
  locale?: string
  /** Words of the book's own pages to use instead of the edition's. */
  labels?: Partial<EpubLabels>
  /** Words of the rendered works (metadata, note marks), as `@samizdat/html` takes them, instead of the edition's. */
  htmlLabels?: Partial<HtmlLabels>
  /**
   * Told of what the book cannot carry as it is (a remote image replaced by a
   * link, markup epub-gen-memory dropped); nothing is thrown for these.
   */
  onWarning?: (message: string) => void
}
