/**
 * The book's words come from the model (`Labels.epub` for its own pages,
 * `Labels.html` for the rendered texts, the credits by role), in the
 * edition's language; the `labels` and `htmlLabels` options are overrides.
 */
import {labelsFor, type Labels as AllLabels, type LabelOverrides, type ResolvedEdition} from '@samizdat/model'
import type {Labels as HtmlLabels} from '@samizdat/html'
import type {EpubLabels, EpubOptions} from './types.js'

/** What the book's own pages read: their words, the credits, and the language of lists and dates. */
export interface Words extends EpubLabels {
  /** BCP 47 tag for `listNames`. */
  language: string
  /** Between a label and its value (`: `; French puts a no-break space before). */
  colon: string
}

export interface BookLabels {
  words: Words
  /** For `@samizdat/html`'s renderers, with `locale`. */
  html: HtmlLabels
}

export function bookLabels(edition: ResolvedEdition, options: Pick<EpubOptions, 'locale' | 'labels' | 'htmlLabels'>): BookLabels {
  const all: AllLabels = labelsFor(edition, options.locale, overrides(options))
  return {
    words: {...all.epub, roles: all.roles, language: all.language, colon: all.colon},
    html: {...all.html, roles: all.roles}
  }
}

/** The options' words as the model's overrides: the book's roles win over the texts' (both are credits). */
function overrides(options: Pick<EpubOptions, 'labels' | 'htmlLabels'>): LabelOverrides | undefined {
  if (!options.labels && !options.htmlLabels) return undefined
  const {roles: bookRoles, ...epub} = options.labels ?? {}
  const {roles: textRoles, ...html} = options.htmlLabels ?? {}
  return {epub, html, roles: {...textRoles, ...bookRoles}}
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all)
}
