/**
 * Pagination: cut each section's flow into pages, section by section
 * (rectos where a section asks for one, blank versos before them).
 *
 * A page breaks where the flow allows (widows, orphans, keeps), at the
 * cheapest of the places where its text and the notes its lines reference
 * fit, looking one page ahead where notes are left waiting. Notes are placed
 * as TeX places footnotes, in order: a note starts on the page of its mark
 * and goes there whole when it fits; else it splits once, where its own
 * lines allow, two lines at least on each side, the rest coming first and
 * whole on the next page; a note that cannot start on its mark's page waits
 * for the next. Notes never take the text block below a quarter of its
 * height (the mark's line moves on, or the note waits, instead); the cost of
 * a break is the empty room it leaves, so pages stay full.
 */
import type {Geometry} from './geometry.js'
import type {Block, Flow, Note, Section} from './types.js'

interface Placed {
  y: number
  block: Block
}

export interface Page {
  /** Index in the document, from 0; even indexes are rectos. */
  index: number
  section: Section | undefined
  /** First page of its section: no running head. */
  first: boolean
  /** Page number as printed (roman in the front matter), whether printed or not. */
  label: string
  body: Placed[]
  notes: Placed[]
  /** Where the rule above the notes goes, if there are notes. */
  noteRule?: number
}

/** Height of the rule and gap above the notes, in note lines. */
const ruleLines = 1.1
const epsilon = 0.01

export function paginate(sections: readonly Section[], geometry: Geometry): Page[] {
  const pages: Page[] = []
  const ruleHeight = geometry.noteLeading * ruleLines
  for (const section of sections) {
    const parity = pages.length % 2
    if ((section.start === 'recto' && parity === 1) || (section.start === 'verso' && parity === 0)) {
      pages.push({index: pages.length, section: undefined, first: false, label: '', body: [], notes: []})
    }
    fill(section, geometry.textHeight, ruleHeight, geometry.leading).forEach((content, index) => {
      pages.push({index: pages.length, section, first: index === 0, label: '', ...content})
    })
  }
  label(pages)
  return pages
}

/** Roman numbers from the first page, arabic from the first page of an arabic section. */
function label(pages: Page[]): void {
  const firstArabic = pages.findIndex((page) => page.section?.folio === 'arabic')
  for (const page of pages) {
    page.label = firstArabic >= 0 && page.index >= firstArabic ? String(page.index - firstArabic + 1) : roman(page.index + 1)
  }
}

/** Index of the first arabic page, where the PDF's page labels switch to decimal. */
export function firstArabicPage(pages: readonly Page[]): number {
  return pages.findIndex((page) => page.section?.folio === 'arabic')
}

type Content = Pick<Page, 'body' | 'notes' | 'noteRule'>

/** The text block keeps at least this share of its height for the text when notes compete for it. */
const minBodyShare = 1 / 4
/** A split note leaves at least this many lines on each side. */
const minSplitLines = 2
/**
 * Costs of a page break, in squared empty lines: splitting a note costs as
 * much as four empty lines above the notes, a note whose text must wait for
 * the next page as eight (TeX's rule: the mark's line moves to the next
 * page with its note rather than the note waiting, unless the text block
 * would fall below its minimum; at six, two notes of the reader edition on A4
 * and two of the generated notes corpus waited where their line could move,
 * and at seven one still did; at ten, more notes wait behind a split one); a
 * note kept waiting twice, or a remainder too long
 * for the next page's share of notes (it would split again), cost more than
 * any empty room, and a text block below its minimum more than anything.
 */
const splitCost = 16
const deferCost = 64
const splitAgainCost = 100_000
const shortBodyCost = 1_000_000

interface Measures {
  capacity: number
  ruleHeight: number
  /** Height of an empty line, for costs. */
  leading: number
}

/**
 * Note text waiting for a page: the rest of a split note (it goes whole: a
 * note splits once) or a whole note whose mark was on an earlier page.
 */
interface Pending {
  blocks: Block[]
  rest: boolean
}

/** How the notes of a page are set at one candidate break. */
interface NoteLayout {
  placed: Block[]
  /** What waits for the next page, in order. */
  pending: Pending[]
  height: number
  split: boolean
  /** Notes called on this page whose text starts on the next; notes kept waiting a second time. */
  deferred: number
  deferredAgain: number
}

interface Candidate {
  /** Flow items `start..end` go on the page; the next page starts at `next`. */
  end: number
  next: number
  bodyEnd: number
  layout: NoteLayout
  cost: number
}

function fill(section: Section, capacity: number, ruleHeight: number, leading: number): Content[] {
  const {flow} = section
  const measures: Measures = {capacity, ruleHeight, leading}
  const pages: Content[] = []
  let pending: Pending[] = []
  let index = 0
  while (index < flow.length || pending.length > 0) {
    while (index < flow.length && discardedAtTop(flow[index] as Flow)) index++
    if (index >= flow.length && pending.length === 0) break

    const start = index
    const chosen = breakPage(flow, start, pending, measures)
    const content = compose(flow.slice(start, chosen.end), chosen.bodyEnd, capacity, chosen.layout, ruleHeight)
    pending = chosen.layout.pending
    pages.push(content)
    if (chosen.next === start && content.body.length === 0 && content.notes.length === 0) {
      throw new Error(`Pagination made no progress in section ${section.id} at item ${start}`)
    }
    index = chosen.next
  }
  return pages
}

/**
 * The best break for the page that starts at `start`: every place the flow
 * allows (widows, orphans, keeps) where the text and its notes fit, the notes
 * set as TeX sets footnotes; the cheapest wins, the latest among equals.
 * Where notes are left waiting, the cost of the next page's best break counts
 * too (`lookahead`, one page deep).
 */
function breakPage(flow: readonly Flow[], start: number, pending: readonly Pending[], measures: Measures, lookahead = true): Candidate {
  const {capacity} = measures
  let best: Candidate | undefined
  const consider = (end: number, next: number, bodyEnd: number, notes: readonly Note[], last: boolean): boolean => {
    const layout = layoutNotes(pending, notes, capacity - bodyEnd, measures)
    if (!layout) return false
    let cost = costOf(bodyEnd, layout, last, measures)
    // Notes left waiting shape the next page: count its best break too, so a cluster of notes shares two pages.
    if (lookahead && layout.pending.length > 0) {
      let after = next
      while (after < flow.length && discardedAtTop(flow[after] as Flow)) after++
      cost += breakPage(flow, after, layout.pending, measures, false).cost
    }
    if (!best || cost <= best.cost) best = {end, next, bodyEnd, layout, cost}
    return true
  }

  let height = 0
  let bodyEnd = 0
  let notes: Note[] = []
  let placed = false
  let position = start
  for (; position < flow.length; position++) {
    const item = flow[position] as Flow
    if (item.kind === 'break') {
      if (!placed || !consider(position, position + 1, bodyEnd, notes, true)) forced(position, position + 1)
      return best as Candidate
    }
    if (item.kind === 'space') {
      height += item.height
      continue
    }
    if (placed && item.breakBefore) consider(position, position, bodyEnd, notes, false)
    const withNotes = item.notes.length > 0 ? [...notes, ...item.notes] : notes
    if (placed && height + item.height > capacity + epsilon) break
    if (!layoutNotes(pending, withNotes, capacity - height - item.height, measures)) {
      if (placed) break
      // Only the notes carried over stand in the way: they take a page of their own.
      if (pending.length > 0) return notesOnly(pending, position, measures)
    }
    height += item.height
    bodyEnd = height
    notes = withNotes
    placed = true
  }
  if (position >= flow.length) {
    if (!placed) return notesOnly(pending, position, measures)
    if (!consider(position, position, bodyEnd, notes, true)) forced(position, position)
  } else if (!best) {
    // Nothing breaks where it fits (a block taller than the page): take it whole.
    forced(position, position)
  }
  return best as Candidate

  function forced(end: number, next: number): void {
    const queue = [...pending.flatMap((piece) => piece.blocks), ...notes.flatMap((note) => note.blocks)]
    best = {end, next, bodyEnd, layout: take(queue, capacity - bodyEnd - measures.ruleHeight), cost: 0}
  }
}

/** A page of waiting notes and no text: they fill it, splitting where they may. */
function notesOnly(pending: readonly Pending[], position: number, measures: Measures): Candidate {
  const room = measures.capacity - measures.ruleHeight
  const layout =
    layoutNotes(pending, [], measures.capacity, measures, true) ??
    take(
      pending.flatMap((piece) => piece.blocks),
      room
    )
  return {end: position, next: position, bodyEnd: 0, layout, cost: 0}
}

/**
 * The notes of a page at a break that leaves `room` below the text, or
 * undefined if they cannot be set there. In order, as TeX sets footnotes:
 * what waits from the page before, then the notes this page calls; each
 * whole while it fits; the first that does not splits where its own lines
 * allow, two lines at least on each side, or waits; those after it wait for
 * the next page. The rest of a split note goes whole (a note splits once):
 * the break is impossible when it does not fit, unless it is too long for
 * any page's share of notes. `alone`: a page of notes only.
 */
function layoutNotes(pending: readonly Pending[], notes: readonly Note[], room: number, measures: Measures, alone = false): NoteLayout | undefined {
  const pieces = [...pending, ...notes.map((note): Pending => ({blocks: note.blocks, rest: false}))]
  const layout: NoteLayout = {placed: [], pending: [], height: 0, split: false, deferred: 0, deferredAgain: 0}
  if (pieces.length === 0) return layout
  let left = room - measures.ruleHeight
  for (const [index, piece] of pieces.entries()) {
    const height = total(piece.blocks)
    if (height <= left + epsilon) {
      layout.placed.push(...piece.blocks)
      left -= height
      continue
    }
    const tooLong = height > notesBudget(measures) + epsilon || alone
    if (piece.rest && !tooLong) return undefined
    const part = split(piece.blocks, left, piece.rest || alone)
    const waiting = pieces.slice(index + 1)
    if (part) {
      layout.placed.push(...part.placed)
      layout.pending.push({blocks: part.rest, rest: true}, ...waiting)
      layout.split = true
    } else {
      if (piece.rest) return undefined
      layout.pending.push(...pieces.slice(index))
    }
    // Notes of this page that do not start on it, and notes waiting from before that wait again.
    const notStarted = part ? waiting : pieces.slice(index)
    const fromBefore = Math.max(0, pending.length - (pieces.length - notStarted.length))
    layout.deferredAgain = fromBefore
    layout.deferred = notStarted.length - fromBefore
    break
  }
  layout.height = total(layout.placed)
  return layout
}

/** Room a page's notes may take at most: the text block keeps its minimum share. */
function notesBudget(measures: Measures): number {
  return measures.capacity * (1 - minBodyShare) - measures.ruleHeight
}

/**
 * The longest head of `blocks` that fits `room` and ends where they may
 * break (a line whose paragraph allows it: no widow, no orphan, never before
 * a lone word or bullet), leaving two lines at least on each side; `anywhere`
 * (text longer than a page) drops the rules when none fits.
 */
function split(blocks: readonly Block[], room: number, anywhere: boolean): {placed: Block[]; rest: Block[]} | undefined {
  let height = 0
  let best = -1
  let fallback = -1
  for (let cut = 1; cut < blocks.length; cut++) {
    height += (blocks[cut - 1] as Block).height
    if (height > room + epsilon) break
    fallback = cut
    if ((blocks[cut] as Block).breakBefore && cut >= minSplitLines && blocks.length - cut >= minSplitLines) best = cut
  }
  const cut = best > 0 ? best : anywhere ? fallback : -1
  if (cut <= 0) return undefined
  return {placed: blocks.slice(0, cut), rest: blocks.slice(cut)}
}

/** As many blocks as fit (one at least), whatever the rules: for what nothing else can place. */
function take(blocks: readonly Block[], room: number): NoteLayout {
  const queue = [...blocks]
  const placed: Block[] = []
  let used = 0
  while (queue.length > 0 && (placed.length === 0 || used + (queue[0] as Block).height <= room + epsilon)) {
    const block = queue.shift() as Block
    placed.push(block)
    used += block.height
  }
  return {placed, pending: queue.length > 0 ? [{blocks: queue, rest: true}] : [], height: used, split: queue.length > 0, deferred: 0, deferredAgain: 0}
}

/**
 * What a break costs: the empty room above the notes (none on a section's
 * last page), a split note, a note left for the next page, a text block
 * below its minimum share (notes make it short, or widows and keeps
 * before a cluster of them), a note kept waiting twice, and a remainder too
 * long to go whole under the next page's text.
 */
function costOf(bodyEnd: number, layout: NoteLayout, last: boolean, measures: Measures): number {
  const {capacity, ruleHeight, leading} = measures
  const notesHeight = layout.placed.length > 0 ? layout.height + ruleHeight : 0
  const empty = last && layout.pending.length === 0 ? 0 : Math.max(0, capacity - bodyEnd - notesHeight) / leading
  let cost = empty * empty + layout.deferred * deferCost + layout.deferredAgain * splitAgainCost
  if (layout.split) cost += splitCost
  if (!last && bodyEnd < capacity * minBodyShare - epsilon) cost += shortBodyCost
  const rest = layout.pending[0]
  if (layout.split && rest?.rest && total(rest.blocks) > notesBudget(measures) + epsilon) cost += splitAgainCost
  return cost
}

function discardedAtTop(item: Flow): boolean {
  return item.kind === 'break' || (item.kind === 'space' && !item.keep && !item.fill)
}

function total(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + block.height, 0)
}

/** Place the page's blocks (fill spaces share the room left) and its notes at the foot. */
function compose(flow: readonly Flow[], bodyEnd: number, capacity: number, layout: NoteLayout, ruleHeight: number): Content {
  const noteBlocks = layout.placed
  const used = total(noteBlocks)

  // Trailing spaces do not count; fill spaces share what is left.
  let last = flow.length - 1
  while (last >= 0 && flow[last]?.kind !== 'block') last--
  const fills = flow.slice(0, last + 1).filter((item) => item.kind === 'space' && item.fill).length
  const notesHeight = noteBlocks.length > 0 ? used + ruleHeight : 0
  const extra = fills > 0 ? Math.max(0, capacity - bodyEnd - notesHeight) / fills : 0

  const body: Placed[] = []
  let y = 0
  for (const item of flow.slice(0, last + 1)) {
    if (item.kind === 'space') y += item.height + (item.fill ? extra : 0)
    else if (item.kind === 'block') {
      body.push({y, block: item})
      y += item.height
    }
  }

  const page: Content = {body, notes: []}
  if (noteBlocks.length > 0) {
    let noteY = capacity - used
    page.noteRule = noteY - ruleHeight
    for (const block of noteBlocks) {
      page.notes.push({y: noteY, block})
      noteY += block.height
    }
  }
  return page
}

export function roman(value: number): string {
  const numerals: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i']
  ]
  let rest = value
  let result = ''
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      result += numeral
      rest -= amount
    }
  }
  return result
}
