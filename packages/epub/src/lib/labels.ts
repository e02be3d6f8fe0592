import {defaultLabels as htmlLabels} from '@samizdat/html'
import type {EpubLabels} from './types.js'

export const defaultLabels: EpubLabels = {
  contents: 'Contents',
  landmarks: 'Landmarks',
  cover: 'Cover',
  titlePage: 'Title page',
  startOfReading: 'Start of reading',
  backMatter: 'Back matter',
  colophon: 'About this edition',
  rights: 'Rights',
  sources: 'Sources',
  fontLicence: 'Font licence',
  setIn: 'Set in {font}, used under the {licence}; its licence is printed at the end of the book.',
  identifier: 'Identifier',
  coverDescription: 'Cover: {text}',
  imageLeftOut: 'Image not included: {alt}',
  and: htmlLabels.and,
  roles: htmlLabels.roles,
  accessibilitySummary:
    'Text only, apart from a generated cover image that has a text alternative. ' +
    'Headings, a table of contents and landmarks give structure; notes are linked both ways; ' +
    'every document, and every work and passage in another language, is marked with its language. ' +
    'The text can be resized and restyled by the reading system.'
}

/** Defaults with the caller's words on top (roles merged one by one). */
/**
 * The one place the book's words are chosen: for `locale` (a BCP 47 tag;
 * undefined: the edition's language), with the caller's words on top.
 * English is the only language shipped so far, so `locale` picks English.
 */
export function labelsFor(_locale: string | undefined, labels: Partial<EpubLabels> | undefined): EpubLabels {
  return resolveLabels(labels)
}

export function resolveLabels(labels: Partial<EpubLabels> | undefined): EpubLabels {
  if (!labels) return defaultLabels
  return {...defaultLabels, ...labels, roles: {...defaultLabels.roles, ...labels.roles}}
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all)
}
