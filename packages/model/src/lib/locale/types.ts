/**
 * Every word an edition shows its readers, in one object per language: the
 * words the model writes into the text (`model`), and those each output puts
 * around it (`html`, `epub`, `pdf`). Credits by role are shared by all. Ids
 * never come from these words: they stay the same in every language.
 */
export interface Labels {
  /** The BCP 47 tag these words are in: lists of names and dates are formatted for it (`Intl`). */
  language: string
  /** Between a label and what it labels, `Source: …` (French sets a no-break space before the colon). */
  colon: string
  /** Between the items of a list that hold commas themselves, `Avrich, Kronstadt; Goldman, …` (French: a narrow no-break space before it). */
  semicolon: string
  /** Credits by creator role, before a list of names: `Edited by A and B` (the role code when missing). */
  roles: {[role: string]: string}
  model: ModelLabels
  html: HtmlLabels
  epub: EpubLabels
  pdf: PdfLabels
}

/** The words the model writes into the edition: back matter, "as quoted" sections, notes. */
export interface ModelLabels {
  /** Title of the preface when its file gives none. */
  preface: string
  /** Title of the list of corrections. */
  corrections: string
  /** The sentence that opens the list of corrections. */
  correctionsIntro: string
  /** Between a correction's reading and the source's reading: `reading for “original”: reason`. */
  correctionFor: string
  /** Beside a correction in the list that is the editors' conjecture (`corr` for “sic” (editorial emendation): reason). */
  emendation: string
  bibliography: string
  /** Before the places a bibliography entry is cited: `Cited: 1, 2`. */
  cited: string
  /** Title of the index of persons. */
  index: string
  timeline: string
  /** Heading of the section appended to a work that others quote (an edition's `quotedHeading` overrides it). */
  quotedHeading: string
  /** Between a quoted passage and the work quoting it: `“…” — quoted in Work`. */
  quotedIn: string
  /** Before the page reference a quotation gives: `, citing p. 3`. */
  citing: string
  /** A note given in full at an earlier place: `See note 5, p. 3` (paged), `See note 5 in Title` (web). */
  seeNote: string
  /** Between the note and the work that gives it: `See note 5 in Title`. */
  inWork: string
  /** Before a page number (`p. 3`) and a line number (`l. 12`) in a reference. */
  pageAbbr: string
  lineAbbr: string
  /** Before the claims of a note on which the sources disagree. */
  sourcesDisagree: string
  /** Before the published works an editor's note rests on, when there are several: `Sources: A, Title; B, Title.` (one: `sourceNote`). */
  noteSources: string
  /** Quotation marks around quoted readings (French ones carry their narrow no-break spaces). */
  openQuote: string
  closeQuote: string
  /** Opens a work's source note, at its end: `Source: Title, URL.`; and names the one published work an editor's note rests on. */
  sourceNote: string
  /** Before the source's own title, where the edition retitles a work. */
  sourceTitle: string
  /**
   * How readers see a source (source notes, the colophon's sources, `dc:source`): the work's `{title}` as the
   * source gives it and the source's `{publisher}`. Never the manifest's `title`, which describes the file
   * for the corpus's keepers (`An Anarchist FAQ, appendix page append45: …`).
   */
  sourceName: string
  /** Before the work's date in its source note: `Dated 1921.` */
  dated: string
  /** Heading of the publication history in a work's source note. */
  history: string
  /** Before a dropped image caption, in the editorial note that replaces it. */
  captionDropped: string
}

/** Words the web pages put around the text. */
export interface HtmlLabels {
  /** The skip link's text. */
  skip: string
  /** Heading of the table of contents, and the name of the link back to it. */
  contents: string
  previous: string
  next: string
  /** Accessible name of the navigation landmarks. */
  siteNavigation: string
  pageNavigation: string
  /** Accessible name of a heading's self-link, followed by `: ` and the heading text. */
  sectionLink: string
  /** Labels of the work metadata list. */
  author: string
  authors: string
  date: string
  source: string
  rights: string
  history: string
  /** Heading of a work's endnotes. */
  notes: string
  /** Accessible name of a note mark, followed by a space and its number ("Note 3"). */
  note: string
  /** Accessible name of a note's way back to its mark, followed by a space and its number. */
  backToNote: string
  /** Visible label of a note on which the sources disagree. */
  conflict: string
  /** Before the source's reading, where a correction shows it. */
  sourceReads: string
  /** The switch that shows the source's readings beside the corrections. */
  showSic: string
  /** Says that a section of a work was added by the edition. */
  editorial: string
  /** Heading of the index page's downloads, and the names of the formats offered there. */
  download: string
  downloadEpub: string
  downloadPdf: string
  /** The search page's title, and the link to it in the banner. */
  search: string
  /** Label of the search field. */
  searchField: string
  /** Said where the browser runs no script. */
  searchNoScript: string
  /** The count of pages found (`{count}`), or that none were. */
  searchFound: string
  searchNone: string
}

/** Words the e-book's own pages use (title page, contents, colophon, landmarks). */
export interface EpubLabels {
  /** Heading of the table of contents. */
  contents: string
  /** Names of the landmarks in the navigation document. */
  landmarks: string
  /** Heading of the list of the print edition's pages (`page-list`). */
  pageList: string
  /** The print edition the page-list follows (`dc:source`): `{title}` and its `{file}`. */
  printEdition: string
  cover: string
  titlePage: string
  startOfReading: string
  backMatter: string
  /** Heading of the page about the edition: rights, sources, font. */
  colophon: string
  rights: string
  sources: string
  /** Heading of the page holding the font's licence. */
  fontLicence: string
  /** Sentence on the colophon naming the font; `{font}` and `{licence}` are replaced. */
  setIn: string
  identifier: string
  /** Accessible description of the cover; `{text}` is replaced by what the cover says. */
  coverDescription: string
  /** Text standing in for an image the book cannot carry (`{alt}` is its description). */
  imageLeftOut: string
  /** schema:accessibilitySummary. */
  accessibilitySummary: string
  /** schema:accessibilitySummary of a book that carries images from its sources. */
  accessibilitySummaryImages: string
}

/** Words the printed book puts around the text. */
export interface PdfLabels {
  contents: string
  /** Before the edition's editors on the title page and in the imprint. */
  editedBy: string
  publishedBy: string
  sources: string
  /** The colophon line naming the fonts. */
  typeset: string
  retrieved: string
  /** Text of note reference links, for screen readers: `Note 3`. */
  note: string
  /** Text of a note's link back to its reference. */
  backToText: string
  /** Text of a page reference's link, for screen readers: `page 12`. */
  page: string
}

/** Any words to lay over a language's own, group by group. */
export interface LabelOverrides {
  language?: string
  colon?: string
  semicolon?: string
  roles?: {[role: string]: string}
  model?: Partial<ModelLabels>
  html?: Partial<HtmlLabels>
  epub?: Partial<EpubLabels>
  pdf?: Partial<PdfLabels>
}
