/**
 * Notes that start after their mark's page, each with the reason the page
 * breaker had, read from the layout (`paginate`'s pages). TeX's rule: a note
 * starts on its mark's page, split if need be (two lines a side), unless the
 * minimum text block forbids it, and then the mark's line moves to the next
 * page with it. So a note may wait only
 * - `behind a split note`: a note before it on that page is split, and its
 *   rest goes first on the next page (notes keep their order);
 * - `behind a waiting note`: a note before it waits too;
 * - `text block minimum`: it does not fit below the text (whole, or its first
 *   two lines where it may split), and the last place the text may break
 *   before the mark's line leaves less than the minimum text block;
 * - `page left short`: it does not fit either, and moving the mark's line
 *   (with what must go with it, and the notes marked there) would leave more
 *   than eight lines empty above the notes: the breaker counts a note that
 *   waits as eight empty lines (paginate.ts's `deferCost`, squared lines).
 * Anything else is `unexplained`: a bug of the breaker.
 */
import type {Page} from '../src/lib/paginate.js'
import type {Block, Note} from '../src/lib/types.js'

export interface Waiting {
  id: string
  /** Page indexes of the mark and of the note's first line. */
  markPage: number
  notePage: number
  reason: 'behind a split note' | 'behind a waiting note' | 'text block minimum' | 'page left short' | 'unexplained'
}

/** The text block keeps a quarter of its height (paginate.ts's `minBodyShare`). */
const minBodyShare = 1 / 4
/** Empty lines a waiting note is worth to the breaker (the square root of paginate.ts's `deferCost`). */
const waitLines = 8

export function waitingNotes(pages: readonly Page[], capacity: number, ruleHeight: number, leading: number): Waiting[] {
  const pageOf = new Map<Block, number>()
  pages.forEach((page, index) => {
    for (const {block} of page.notes) pageOf.set(block, index)
  })
  const waiting: Waiting[] = []
  const seen = new Set<Note>()
  pages.forEach((page, markPage) => {
    const waitedHere: Note[] = []
    page.body.forEach(({block, y}, position) => {
      for (const note of block.notes) {
        if (seen.has(note)) continue
        seen.add(note)
        const notePage = pageOf.get(note.blocks[0] as Block) ?? -1
        if (notePage === markPage) continue
        const reason = reasonOf(page, position, y, note, waitedHere.length > 0, pageOf, markPage, capacity, ruleHeight, leading)
        waitedHere.push(note)
        waiting.push({id: note.id, markPage, notePage, reason})
      }
    })
  })
  return waiting
}

function reasonOf(
  page: Page,
  position: number,
  markTop: number,
  note: Note,
  afterWaiting: boolean,
  pageOf: ReadonlyMap<Block, number>,
  markPage: number,
  capacity: number,
  ruleHeight: number,
  leading: number
): Waiting['reason'] {
  // The last note piece on the page is split: what follows it waits for its rest.
  const lastNote = page.notes.at(-1)?.block
  const owner = lastNote && page.body.flatMap(({block}) => block.notes).find((candidate) => candidate.blocks.includes(lastNote))
  const splitHere = lastNote !== undefined && (owner === undefined || pageOf.get(owner.blocks.at(-1) as Block) !== markPage)
  if (splitHere) return 'behind a split note'
  if (afterWaiting) return 'behind a waiting note'
  const last = page.body.at(-1)
  const bodyEnd = last ? last.y + last.block.height : 0
  const notesHeight = page.notes.reduce((sum, {block}) => sum + block.height, 0) + (page.notes.length > 0 ? ruleHeight : 0)
  const piece = note.blocks.length >= 4 ? (note.blocks[0] as Block).height + (note.blocks[1] as Block).height : total(note.blocks)
  const room = capacity - bodyEnd - notesHeight - (page.notes.length > 0 ? 0 : ruleHeight)
  if (piece <= room + 0.01) return 'unexplained'
  // Where the page could end instead, the mark's line moving on: the last break the text allows before it.
  let breakAt = position
  while (breakAt > 0 && !(page.body[breakAt] as {block: Block}).block.breakBefore) breakAt--
  const depth = breakAt > 0 ? (page.body[breakAt] as {y: number}).y : 0
  if (depth < capacity * minBodyShare - 0.01 || markTop < capacity * minBodyShare) return 'text block minimum'
  // The notes that would stay: all but those marked in the lines that move.
  const moving = new Set(page.body.slice(breakAt).flatMap(({block}) => block.notes.flatMap((marked) => marked.blocks)))
  const staying = page.notes.filter(({block}) => !moving.has(block))
  const kept = staying.reduce((sum, {block}) => sum + block.height, 0) + (staying.length > 0 ? ruleHeight : 0)
  return (capacity - depth - kept) / leading > waitLines ? 'page left short' : 'unexplained'
}

function total(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + block.height, 0)
}
