/** Options of the EPUB adapter. */
import type {Labels as HtmlLabels, WorkStore} from '@samizdat/html'
import type {EpubLabels as ModelEpubLabels, PageStart, WriterOptions} from '@samizdat/model'

/**
 * Words the book's own pages use (title page, contents, colophon): the
 * model's `Labels.epub` (see `@samizdat/model`), with the credits by role.
 */
export type EpubLabels = ModelEpubLabels & {roles: {[role: string]: string}}

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
  /** Words of the book's own pages to use instead of the edition's. */
  labels?: Partial<EpubLabels>
  /** Words of the rendered works (metadata, note marks), as `@samizdat/html` takes them, instead of the edition's. */
  htmlLabels?: Partial<HtmlLabels>
  /**
   * Where each page of the print edition starts (`toPdf`'s `pageStarts`): a page break is marked before
   * the first word of each, listed in a `page-list`, and the print edition named as the source of the
   * pagination. Without it, the book has no page-list. Or a function giving them, called once the works'
   * chapters are rendered (they do not depend on the page starts), so that the PDF is laid out meanwhile.
   */
  pages?: readonly PageStart[] | (() => Promise<readonly PageStart[]>)
  /** Where each work's chapters, and the cover's PNG, are kept between builds (the CLI's `.samizdat-cache/works/`; see `@samizdat/html`'s `WorkStore`). */
  works?: WorkStore | undefined
  /** Where each chapter's zip entry (deflated, with its CRC) is kept between builds, by a digest of what goes into it (the CLI's `.samizdat-cache/chapters/`). */
  chapters?: WorkStore | undefined
}
