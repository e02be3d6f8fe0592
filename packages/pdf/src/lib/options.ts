/** `toPdf`'s options, checked and defaulted. */
import {UsageError, type PageStart, type ResolvedEdition, type Reporter, type WriterOptions} from '@samizdat/model'
import {geometry, paperOf, type Geometry, type Paper} from './geometry.js'
import {bookWords, type Labels, type Words} from './labels.js'

/**
 * `toPdf`'s options: the writer contract's (see `@samizdat/model`) and the PDF's own.
 * `date` is stamped in the imprint and the document's metadata. `report` is
 * told of what the PDF leaves out of a source (a script in raw HTML, an image
 * without `alt`): `ruleId` `html-omitted`, at the node's place.
 */
export interface PdfOptions extends WriterOptions {
  /** Paper size; default: the edition's `paper`, else A5. */
  paper?: Paper | string
  /** Words printed around the text (contents, imprint) to use instead of the edition's. */
  labels?: Partial<Labels>
  /** Compress content streams (default true); off for inspecting the PDF. */
  compress?: boolean
  /** Where to keep each work's layout between runs (the CLI's `.samizdat-cache/`): an edit lays out its work only. */
  layouts?: LayoutStore | undefined
  /**
   * Told, once the book is laid out, where each page starts in the edition's text: the first word of the
   * text printed on it (a page may start mid-paragraph, even mid-word). Pages without any (blank, title
   * page, contents) are left out. `toEpub`'s `pages` takes this list, for its page-list.
   */
  pageStarts?: (starts: PageStart[]) => void
}

export interface Settings {
  date: Date
  geometry: Geometry
  labels: Words
  compress: boolean
  report: Reporter | undefined
  pageStarts: ((starts: PageStart[]) => void) | undefined
}

export function settings(edition: ResolvedEdition, options: PdfOptions): Settings {
  const {meta} = edition
  if (options.date !== undefined && (!(options.date instanceof Date) || Number.isNaN(options.date.getTime()))) {
    throw new UsageError(`Invalid \`date\` option: expected a valid Date, got \`${String(options.date)}\``)
  }
  return {
    // The model parsed the edition's date once (UTC): no time zone or locale can change it.
    date: options.date ?? meta.issued ?? new Date(0),
    geometry: geometry(paperOf(options.paper ?? meta.paper ?? 'A5')),
    labels: bookWords(edition, options.locale, options.labels),
    compress: options.compress ?? true,
    report: options.report,
    pageStarts: options.pageStarts
  }
}

/**
 * Where `toPdf` may keep each work's layout between runs: bytes by a key the store makes from values (a hash of
 * them, which must tell apart any two that differ, and take in the code that lays out).
 */
export interface LayoutStore {
  key(parts: readonly unknown[]): string
  get(key: string): Uint8Array | undefined
  set(key: string, data: Uint8Array): void
  /**
   * What `decode` makes of the entry's bytes, which a store kept in memory (a loop's, between its builds) may
   * give back as it was made the first time instead of decoding the bytes again: `toPdf` never changes it.
   */
  decoded?<T>(key: string, decode: (data: Uint8Array) => T | undefined): T | undefined
  /** `set`, with the value the bytes are of: what `decoded` may give back for them. */
  setDecoded?(key: string, data: Uint8Array, value: unknown): void
}
