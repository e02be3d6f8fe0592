/**
 * One resolver for every output's words: the language's defaults, then any
 * overrides, group by group. The language comes from a BCP 47 tag: any `fr`
 * tag gives French, anything else English (an edition in a language we ship
 * no words for still builds, in English).
 */
import {UsageError} from '../errors.js'
import type {ResolvedEdition} from '../types.js'
import {english} from './en.js'
import {french} from './fr.js'
import type {LabelOverrides, Labels} from './types.js'

/** The languages shipped, by primary language subtag. */
export const locales: Readonly<Record<string, Labels>> = Object.freeze({en: english, fr: french})

/**
 * The words for `locale` (a BCP 47 tag; default English) with `overrides`
 * laid over them. A tag with a region (`fr-CA`, `en-US`) keeps it for lists
 * and dates; a bare one takes the house's (`fr` → `fr-FR`, `en` → `en-GB`).
 * Throws `UsageError` for a string that is no BCP 47 tag.
 */
export function resolveLabels(locale?: string, overrides?: LabelOverrides): Labels {
  return mergeLabels(localeLabels(locale, true), overrides)
}

/**
 * The labels an adapter must use for `edition`: the edition's own (its
 * language, and what `resolveEdition` was given), or those of `locale` when
 * it names another language, with `overrides` on top. The model's words are
 * already in the edition's text: a `locale` here changes only the adapter's.
 */
export function labelsFor(edition: Pick<ResolvedEdition, 'labels'>, locale?: string, overrides?: LabelOverrides): Labels {
  const own = edition.labels
  const base = locale === undefined ? own : localeLabels(locale, true)
  return mergeLabels(base.language === own.language ? own : base, overrides)
}

/** The language's words for a tag; a malformed tag is a usage error when `strict`, English otherwise. */
export function localeLabels(tag: string | undefined, strict: boolean): Labels {
  if (tag === undefined) return english
  let canonical: string
  try {
    canonical = Intl.getCanonicalLocales(tag)[0] as string
  } catch {
    if (strict) throw new UsageError(`Expected a BCP 47 language tag for the locale (e.g. \`fr\`, \`en-GB\`), not \`${tag}\``)
    return english
  }
  const primary = (canonical.split('-')[0] as string).toLowerCase()
  const base = locales[primary] ?? english
  // Keep the reader's region (fr-CA) for Intl; a bare or foreign tag takes the house default.
  const language = locales[primary] && canonical.includes('-') ? canonical : base.language
  return language === base.language ? base : {...base, language}
}

function mergeLabels(base: Labels, overrides: LabelOverrides | undefined): Labels {
  if (!overrides) return base
  return {
    language: overrides.language ?? base.language,
    colon: overrides.colon ?? base.colon,
    semicolon: overrides.semicolon ?? base.semicolon,
    roles: {...base.roles, ...overrides.roles},
    model: {...base.model, ...overrides.model},
    html: {...base.html, ...overrides.html},
    epub: {...base.epub, ...overrides.epub},
    pdf: {...base.pdf, ...overrides.pdf}
  }
}
