/**
 * The words the model itself writes into an edition (the back matter, the
 * "as quoted" sections, the heading of a conflict's claims), gathered in one
 * object with English defaults, so that another language replaces them
 * together. Section ids do not come from these words: they stay the same in
 * every language (see `reservedIds`).
 */
export interface ModelLabels {
  /** Title of the list of corrections. */
  corrections: string
  /** The sentence that opens the list of corrections. */
  correctionsIntro: string
  /** Between a correction's reading and the source's reading: `reading for “original”: reason`. */
  correctionFor: string
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
  /** Before the claims of a note on which the sources disagree. */
  sourcesDisagree: string
  /** Quotation marks around quoted readings. */
  openQuote: string
  closeQuote: string
}

const defaultModelLabels: Readonly<ModelLabels> = Object.freeze({
  corrections: 'Corrections',
  correctionsIntro: 'The edition’s reading, linked to its place in the text, then the reading of the source and the reason for the change.',
  correctionFor: 'for',
  bibliography: 'Bibliography',
  cited: 'Cited:',
  index: 'Index of persons',
  timeline: 'Timeline',
  quotedHeading: 'As quoted in this edition',
  quotedIn: 'quoted in',
  citing: 'citing',
  sourcesDisagree: 'The sources disagree:',
  openQuote: '“',
  closeQuote: '”'
})

/** The defaults with `labels` laid over them. */
export function resolveModelLabels(labels: Partial<ModelLabels> | undefined): ModelLabels {
  return {...defaultModelLabels, ...labels}
}
