/** Words the book prints around the text, in English; `PdfOptions.labels` replaces any of them. */
export interface Labels {
  contents: string
  /** Before the edition's editors on the title page and in the imprint. */
  editedBy: string
  publishedBy: string
  sources: string
  /** Before the date of the build, in the imprint. */
  built: string
  /** The colophon line naming the fonts. */
  typeset: string
  checksum: string
  retrieved: string
  and: string
  /** Text of note reference links, for screen readers: `Note 3`. */
  note: string
  /** Text of a note's link back to its reference. */
  backToText: string
  /** Text of a page reference's link, for screen readers: `page 12`. */
  page: string
}

export const defaultLabels: Labels = {
  contents: 'Contents',
  editedBy: 'Edited by',
  publishedBy: 'Published by',
  sources: 'Sources',
  built: 'This edition was built on',
  typeset: 'Set in EB Garamond and PT Mono.',
  checksum: 'SHA-256',
  retrieved: 'retrieved',
  and: 'and',
  note: 'Note',
  backToText: 'Back to the text of note',
  page: 'page'
}


/**
 * The one place the PDF's words are chosen: for `locale` (a BCP 47 tag;
 * undefined: the edition's language), with the caller's words on top.
 * English is the only language shipped so far, so `locale` picks English.
 */
export function labelsFor(_locale: string | undefined, labels: Partial<Labels> | undefined): Labels {
  return {...defaultLabels, ...labels}
}
