import type {Labels} from './types.js'

/** English, the default: British usage (no serial comma in lists, day before month in dates). */
export const english: Labels = {
  language: 'en-GB',
  colon: ': ',
  semicolon: '; ',
  roles: {
    aut: 'By',
    edt: 'Edited by',
    trl: 'Translated by',
    ctb: 'With contributions by',
    aui: 'Introduction by',
    pbl: 'Published by'
  },
  model: {
    preface: 'Preface',
    corrections: 'Corrections',
    correctionsIntro: 'The edition’s reading, linked to its place in the text, then the reading of the source and the reason for the change.',
    correctionFor: 'for',
    emendation: 'editorial emendation',
    bibliography: 'Bibliography',
    cited: 'Cited:',
    index: 'Index of persons',
    timeline: 'Timeline',
    quotedHeading: 'As quoted in this edition',
    quotedIn: 'quoted in',
    citing: 'citing',
    seeNote: 'See note',
    inWork: 'in',
    pageAbbr: 'p.',
    lineAbbr: 'l.',
    sourcesDisagree: 'The sources disagree:',
    noteSources: 'Sources',
    openQuote: '“',
    closeQuote: '”',
    sourceNote: 'Source',
    sourceTitle: 'Title in the source',
    sourceName: '{title} ({publisher})',
    dated: 'Dated',
    history: 'Publication history',
    captionDropped: 'Image not reproduced; its caption in the source reads'
  },
  html: {
    skip: 'Skip to the text',
    contents: 'Contents',
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
    notes: 'Notes',
    note: 'Note',
    backToNote: 'Back to the text at note',
    conflict: 'Conflict of sources',
    sourceReads: 'Source:',
    showSic: 'Show the source’s readings beside the corrections',
    editorial: 'Added by the editors of this edition',
    download: 'Download',
    downloadEpub: 'EPUB (e-book)',
    downloadPdf: 'PDF (print edition)',
    search: 'Search',
    searchField: 'Words to find',
    searchNoScript: 'The search runs in your browser: it needs JavaScript.',
    searchFound: 'Passages found: {count}',
    searchNone: 'Nothing found.'
  },
  epub: {
    contents: 'Contents',
    landmarks: 'Landmarks',
    pageList: 'Pages of the print edition',
    printEdition: '{title}, print edition ({file})',
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
    accessibilitySummary:
      'Text only, apart from a generated cover image that has a text alternative. ' +
      'Headings, a table of contents and landmarks give structure; notes are linked both ways; ' +
      'every document, and every work and passage in another language, is marked with its language. ' +
      'The text can be resized and restyled by the reading system.',
    accessibilitySummaryImages:
      'Text, with the images of its sources, each with the description its source gives it, and a generated cover image that has a text alternative. ' +
      'Headings, a table of contents and landmarks give structure; notes are linked both ways; ' +
      'every document, and every work and passage in another language, is marked with its language. ' +
      'The text can be resized and restyled by the reading system.'
  },
  pdf: {
    contents: 'Contents',
    editedBy: 'Edited by',
    publishedBy: 'Published by',
    sources: 'Sources',
    typeset: 'Set in EB Garamond and PT Mono.',
    retrieved: 'retrieved',
    note: 'Note',
    backToText: 'Back to the text of note',
    page: 'page'
  }
}
