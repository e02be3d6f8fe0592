/**
 * Page sizes, margins and the type scale. Text blocks hold a whole number
 * of body lines; the inner margin is narrower than the outer one, and the
 * foot deeper than the head, as in a printed book.
 */
import {UsageError} from '@samizdat/model'

/** `HalfLetter` (5.5 × 8.5 in) is the page of a booklet on Letter sheets: A5's design, fitted to it, nothing scaled. */
export type Paper = 'A5' | 'A4' | 'Letter' | 'HalfLetter'

/** The papers a reader chooses (`--paper`); `HalfLetter` is the booklet's, and `toPdf` takes it too. */
export const papers: readonly Paper[] = ['A5', 'A4', 'Letter']
const allPapers: readonly Paper[] = [...papers, 'HalfLetter']

export interface Geometry {
  paper: Paper
  width: number
  height: number
  /** Margin at the spine. */
  inner: number
  outer: number
  top: number
  textWidth: number
  textHeight: number
  /** Body type size and leading. */
  size: number
  leading: number
  noteSize: number
  noteLeading: number
  /** Baseline of the running head, above the text block. */
  headRaise: number
  /** Baseline of the folio, below the text block. */
  folioDrop: number
}

interface Design {
  width: number
  height: number
  inner: number
  outer: number
  top: number
  lines: number
  size: number
  leading: number
}

const mm = 72 / 25.4

const designs: Readonly<Record<Paper, Design>> = {
  // The reading pack: about 72 characters a line (EB Garamond is narrow), 34 lines a page.
  A5: {width: 148 * mm, height: 210 * mm, inner: 16 * mm, outer: 22 * mm, top: 19 * mm, lines: 34, size: 11, leading: 14},
  // A4 and Letter keep a book's measure (about 66 characters, not 90) with larger type and wide margins,
  // the outer one wide enough for a reader's notes.
  A4: {width: 210 * mm, height: 297 * mm, inner: 36 * mm, outer: 54 * mm, top: 25 * mm, lines: 38, size: 13.5, leading: 18},
  Letter: {width: 8.5 * 72, height: 11 * 72, inner: 38 * mm, outer: 58 * mm, top: 24 * mm, lines: 35, size: 13.5, leading: 18},
  // Half a Letter sheet, for the booklet on Letter: A5's type on a text block 12 pt narrower (about 70 characters a line) and a line deeper.
  HalfLetter: {width: 5.5 * 72, height: 8.5 * 72, inner: 15 * mm, outer: 19 * mm, top: 19 * mm, lines: 35, size: 11, leading: 14}
}

/** The paper named by an option or the edition (case-insensitive); throws on anything else. */
export function paperOf(value: string): Paper {
  const paper = allPapers.find((name) => name.toLowerCase() === value.trim().toLowerCase())
  if (!paper) throw new UsageError(`Unknown paper \`${value}\`: expected one of ${papers.map((name) => `\`${name}\``).join(', ')}`)
  return paper
}

export function geometry(paper: Paper): Geometry {
  const design = designs[paper]
  const noteSize = Math.round(design.size * 0.82 * 4) / 4
  return {
    paper,
    width: design.width,
    height: design.height,
    inner: design.inner,
    outer: design.outer,
    top: design.top,
    textWidth: design.width - design.inner - design.outer,
    textHeight: design.lines * design.leading,
    size: design.size,
    leading: design.leading,
    noteSize,
    noteLeading: Math.round(noteSize * 1.25 * 2) / 2,
    headRaise: design.leading * 1.6,
    folioDrop: design.leading * 2.2
  }
}

/** Left edge of the text block: the inner margin is on the left of a recto (even index, odd number). */
export function leftEdge(geometry: Geometry, pageIndex: number): number {
  return pageIndex % 2 === 0 ? geometry.inner : geometry.outer
}
