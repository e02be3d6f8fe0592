/**
 * The book's words come from the model (`Labels.pdf`, in the edition's
 * language); `PdfOptions.labels` lays others over them through its resolver.
 */
import {labelsFor, type PdfLabels, type ResolvedEdition} from '@samizdat/model'

/** Words printed around the text: the model's `Labels.pdf`. */
export type Labels = PdfLabels

/** What the book reads: the words, and the language of lists of names and dates. */
export interface Words extends Labels {
  /** BCP 47 tag for `listNames` and `formatDate`. */
  language: string
}

export function bookWords(edition: ResolvedEdition, locale: string | undefined, labels: Partial<Labels> | undefined): Words {
  const all = labelsFor(edition, locale, labels ? {pdf: labels} : undefined)
  return {...all.pdf, language: all.language}
}
