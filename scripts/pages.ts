/**
 * What a printed page shows, read back from the PDF itself (pdftotext's word
 * boxes), not from the layout engine: the text's lines and the notes' lines
 * inside the text block, told apart by their size, and the pieces of notes
 * at the foot (a note's number hangs left of its text; a line of note text
 * that opens the notes without one is a note carried over). `pnpm measure`
 * and the pagination tests share it.
 */
import {listNames, textOf, type ResolvedEdition} from '@samizdat/model'
import {geometry as geometryOf, leftEdge, type Geometry, type Paper} from '../packages/pdf/src/lib/geometry.js'
import type {PageWords, Word} from '../packages/pdf/test/helpers.js'

/** pdftotext's word boxes for EB Garamond are ascent + descent high: 1.305 em. */
const boxHeight = 1.305

/** A piece of a note at a page's foot: its number, or none when it is carried over from the page before. */
export interface NotePiece {
  label: string | undefined
  lines: number
}

export interface PageShape {
  index: number
  /** The page has a running head: not the first page of a section (nor a blank). */
  head: boolean
  /** Lines of text (not notes) in the text block, and how far down the last one reaches, in points from its top. */
  bodyLines: number
  bodyDepth: number
  /** The first words of the body's first line, for messages. */
  opening: string
  /** The body's last two lines, last line last: their text, and whether each is centred in the text block. */
  tail: Array<{text: string; centred: boolean}>
  notes: NotePiece[]
}

/** One row of words on a shared baseline, left to right. */
type Row = Word[]

export function pageShapes(pages: readonly PageWords[], paper: Paper): PageShape[] {
  const g = geometryOf(paper)
  return pages.map((page, index) => shapeOf(page, index, g))
}

function shapeOf(page: PageWords, index: number, g: Geometry): PageShape {
  const words = page.lines.flat()
  const head = words.some((word) => word.yMax < g.top - 2 && word.yMax > g.top - g.headRaise - 4)
  const inside = words.filter((word) => word.yMin > g.top - 4 && word.yMax < g.top + g.textHeight + 4)
  const rows = rowsOf(inside)
  const noteHeight = g.noteSize * boxHeight
  const isNote = (row: Row): boolean => Math.abs(Math.max(...row.map((word) => word.yMax - word.yMin)) - noteHeight) < 0.3
  const body = rows.filter((row) => !isNote(row))
  const left = leftEdge(g, index)
  // The number hangs in the notes' indent, right-aligned close to the text (see handlers/note-reference.ts).
  const textStart = left + g.noteSize * 1.6
  const notes: NotePiece[] = []
  for (const row of rows.filter(isNote)) {
    const first = row[0] as Word
    if (/^\d+$/.test(first.text) && first.xMax < textStart - g.noteSize * 0.2) notes.push({label: first.text, lines: 1})
    else if (notes.length > 0) (notes.at(-1) as NotePiece).lines++
    else notes.push({label: undefined, lines: 1})
  }
  const last = body.at(-1)
  return {
    index,
    head,
    bodyLines: body.length,
    bodyDepth: last ? Math.max(...last.map((word) => word.yMax)) - g.top : 0,
    opening: (body[0] ?? [])
      .slice(0, 4)
      .map((word) => word.text)
      .join(' '),
    tail: body.slice(-2).map((row) => {
      const before = (row[0] as Word).xMin - left
      const after = left + g.textWidth - (row.at(-1) as Word).xMax
      return {text: row.map((word) => word.text).join(' '), centred: before > g.size && Math.abs(before - after) < 3}
    }),
    notes
  }
}

/** Words grouped by baseline (pdftotext may cut a line into several, e.g. a note's number). */
function rowsOf(words: readonly Word[]): Row[] {
  const rows: Row[] = []
  for (const word of [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin)) {
    const row = rows.at(-1)
    if (row && Math.abs((row[0] as Word).yMax - word.yMax) < 1.5) row.push(word)
    else rows.push([word])
  }
  for (const row of rows) row.sort((a, b) => a.xMin - b.xMin)
  return rows
}

/** A note as the reader meets it: its number and the lines of each of its pieces, page after page. */
export interface NoteRun {
  label: string
  /** Page index of its first piece. */
  page: number
  pieces: number[]
}

/** Notes across pages: a carried piece continues the last note of the page before. */
export function noteRuns(shapes: readonly PageShape[]): NoteRun[] {
  const runs: NoteRun[] = []
  let open: NoteRun | undefined
  for (const shape of shapes) {
    for (const [position, piece] of shape.notes.entries()) {
      if (piece.label === undefined && position === 0 && open) open.pieces.push(piece.lines)
      else {
        open = {label: piece.label ?? '?', page: shape.index, pieces: [piece.lines]}
        runs.push(open)
      }
    }
    if (shape.notes.length === 0 && shape.bodyLines > 0) open = undefined
  }
  return runs
}

/**
 * Text pages that are neither the first nor the last of their section: a
 * running head on them and on the page after. Only there must the text
 * block be full.
 */
export function middlePages(shapes: readonly PageShape[]): PageShape[] {
  return shapes.filter((shape, index) => shape.head && shapes[index + 1]?.head === true && shape.bodyLines > 0)
}

export interface NoteMeasures {
  /** Pages whose notes start with a piece carried over. */
  carried: number
  /** The note in the most pieces, and its pieces' lines. */
  longest: NoteRun | undefined
  /** The fewest lines a piece of a split note has. */
  shortestPiece: number | undefined
  /** Lines of text on the middle pages: fewest and median. */
  bodyMin: number
  bodyMedian: number
}

export function noteMeasures(shapes: readonly PageShape[]): NoteMeasures {
  const runs = noteRuns(shapes)
  const split = runs.filter((run) => run.pieces.length > 1)
  const longest = split.reduce<NoteRun | undefined>((best, run) => (!best || run.pieces.length > best.pieces.length ? run : best), undefined)
  const lines = middlePages(shapes)
    .map((shape) => shape.bodyLines)
    .sort((a, b) => a - b)
  return {
    carried: shapes.filter((shape) => shape.notes[0]?.label === undefined && shape.notes.length > 0).length,
    longest,
    shortestPiece: split.length > 0 ? Math.min(...split.flatMap((run) => run.pieces)) : undefined,
    bodyMin: lines[0] ?? 0,
    bodyMedian: lines[Math.floor(lines.length / 2)] ?? 0
  }
}

/** Letters and digits only, in lower case: a heading's text as the page shows it, whatever its small capitals or breaks. */
function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/**
 * What a page may not end with, read from the printed page: a heading, a
 * title or a byline (any of `headings`, the texts the edition sets as such)
 * among the last two lines of a page that its section continues after,
 * from page index `from` (after the contents, which lists titles and
 * bylines). A line is one of them when its letters and digits are a whole
 * heading's (a note's number after them), or
 * when it is centred and twelve or more of its letters run inside one (a
 * heading set on several lines); a heading of level 4 is set flush left, and
 * only read whole.
 */
export function strandedHeadings(shapes: readonly PageShape[], headings: readonly string[], from = 0): Array<{page: number; line: string}> {
  const known = headings.map(letters).filter((text) => text.length >= 4)
  const isHeading = ({text, centred}: {text: string; centred: boolean}): boolean => {
    const own = letters(text)
    // A heading's note mark follows it: "Appeal of the 22" and its mark 3 read "appealofthe223".
    const whole = (heading: string): boolean => own === heading || (own.startsWith(heading) && /^\d+$/.test(own.slice(heading.length)))
    return own.length > 0 && known.some((heading) => whole(heading) || (centred && own.length >= 12 && heading.includes(own)))
  }
  const stranded: Array<{page: number; line: string}> = []
  shapes.forEach((shape, index) => {
    if (index < from || shapes[index + 1]?.head !== true) return
    const line = shape.tail.find(isHeading)
    if (line !== undefined) stranded.push({page: index, line: line.text})
  })
  return stranded
}

/** The texts an edition sets as headings, titles and bylines (the openings' and the contents'), for `strandedHeadings`. */
export function headingTexts(edition: ResolvedEdition): string[] {
  const texts: string[] = []
  for (const section of [...(edition.preface ? [edition.preface] : []), ...edition.works, ...(edition.backMatter ?? [])]) {
    // The tree's nodes, typed as the model's `textOf` takes them (mdast is not a dependency of the scripts).
    type Node = Parameters<typeof textOf>[0]
    const walk = (node: Node): void => {
      if (node.type === 'heading') texts.push(textOf(node))
      else if ('children' in node) for (const child of node.children) walk(child as Node)
    }
    walk(section.tree)
  }
  for (const work of edition.works) {
    const authors = work.meta.creators.filter((creator) => creator.role === 'aut').map((creator) => creator.name)
    texts.push(work.meta.title, work.meta.subtitle ?? '', listNames(authors, edition.meta.language))
  }
  return texts.filter((text) => text.length > 0)
}
