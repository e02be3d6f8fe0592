/** `toPdf`'s options, checked and defaulted. */
import {UsageError, type ResolvedEdition} from '@samizdat/model'
import {geometry, paperOf, type Geometry, type Paper} from './geometry.js'
import {bookWords, type Labels, type Words} from './labels.js'
import type {OnWarning} from './warnings.js'

export interface PdfOptions {
  /**
   * Build date, stamped in the imprint and the document's metadata. The
   * caller derives it from `SOURCE_DATE_EPOCH`; default: the edition's date,
   * else the epoch. Never the current time: builds are reproducible.
   */
  date?: Date
  /** Paper size; default: the edition's `paper`, else A5. */
  paper?: Paper | string
  /** The language of the printed words (a BCP 47 tag; default: the edition's, see the model's `labelsFor`). */
  locale?: string
  /** Words printed around the text (contents, imprint) to use instead of the edition's. */
  labels?: Partial<Labels>
  /** Compress content streams (default true); off for inspecting the PDF. */
  compress?: boolean
  /**
   * Told of what the PDF leaves out of a source (a script in raw HTML, an
   * image without `alt`): a vfile message at the node's place, `ruleId`
   * `html-omitted`. Nothing is thrown for these.
   */
  onWarning?: OnWarning
}

export interface Settings {
  date: Date
  geometry: Geometry
  labels: Words
  compress: boolean
  onWarning: OnWarning | undefined
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
    onWarning: options.onWarning
  }
}
