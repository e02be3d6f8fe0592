import type {Labels} from './types.js'

export const defaultLabels: Labels = {
  skip: 'Skip to the text',
  contents: 'Contents',
  preface: 'Preface',
  previous: 'Previous',
  next: 'Next',
  siteNavigation: 'Edition',
  pageNavigation: 'Previous and next page',
  sectionLink: 'Link to this section',
  author: 'Author',
  authors: 'Authors',
  date: 'Date',
  source: 'Source',
  rights: 'Rights',
  history: 'Publication history',
  and: 'and',
  notes: 'Notes',
  note: 'Note',
  backToNote: 'Back to the text at note',
  conflict: 'Conflict of sources',
  sourceReads: 'Source:',
  showSic: 'Show the source’s readings beside the corrections',
  editorial: 'Added by the editors of this edition',
  roles: {
    aut: 'By',
    edt: 'Edited by',
    trl: 'Translated by',
    ctb: 'With contributions by',
    aui: 'Introduction by',
    pbl: 'Published by'
  }
}

/**
 * The one place the site's words are chosen: for `locale` (a BCP 47 tag;
 * undefined: the edition's language), with the caller's words on top.
 * English is the only language shipped so far, so `locale` picks English.
 */
export function labelsFor(_locale: string | undefined, labels: Partial<Labels> | undefined): Labels {
  return resolveLabels(labels)
}

/** Defaults with the caller's words on top (roles merged one by one). */
export function resolveLabels(labels: Partial<Labels> | undefined): Labels {
  if (!labels) return defaultLabels
  return {...defaultLabels, ...labels, roles: {...defaultLabels.roles, ...labels.roles}}
}
