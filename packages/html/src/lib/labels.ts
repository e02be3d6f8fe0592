/**
 * The words of the pages come from the model (`Labels.html` and the credits
 * by role, in the edition's language); this adapter keeps no words of its own.
 * Its `labels` options are overrides, laid over the model's by its resolver.
 */
import {labelsFor, resolveLabels, type LabelOverrides, type Labels as AllLabels, type ResolvedEdition} from '@samizdat/model'
import type {Labels} from './types.js'

/** What the templates read: the page words, the credits, and the language of lists and dates. */
export interface Words extends Labels {
  /** BCP 47 tag for `listNames` and dates. */
  language: string
  /** Between a label and its value (`: `; French puts a no-break space before). */
  colon: string
}

/** The adapter's `labels` option as the model's overrides. */
function overrides(labels: Partial<Labels> | undefined): LabelOverrides | undefined {
  if (!labels) return undefined
  const {roles, language, colon, ...html} = labels as Partial<Words>
  return {html, ...(roles ? {roles} : {}), ...(language ? {language} : {}), ...(colon ? {colon} : {})}
}

function words(all: AllLabels): Words {
  return {...all.html, roles: all.roles, language: all.language, colon: all.colon}
}

/** A site's words: the edition's (or `locale`'s), with the caller's on top. */
export function editionWords(edition: ResolvedEdition, locale: string | undefined, labels: Partial<Labels> | undefined): Words {
  return words(labelsFor(edition, locale, overrides(labels)))
}

/** A fragment rendered on its own: the words of `locale` (default English), with the caller's on top. */
export function fragmentWords(options: {labels?: Partial<Labels> | undefined; locale?: string | undefined}): Words {
  return words(resolveLabels(options.locale, overrides(options.labels)))
}
