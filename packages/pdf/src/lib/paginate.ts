/**
 * Pagination: cut each section's flow into pages, section by section
 * (rectos where a section asks for one, blank versos before them).
 *
 * A page takes blocks until the next one would not fit with the notes its
 * lines reference; it then breaks at the last place the blocks allow
 * (widows, orphans, keeps). Room for notes is reserved as lines are added:
 * every note referenced on the page must fit whole, except the last, which
 * needs only its first two lines there and continues on the next page; text
 * carried over from the previous page's notes comes first.
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
    fill(section, geometry.textHeight, ruleHeight).forEach((content, index) => {
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

function fill(section: Section, capacity: number, ruleHeight: number): Content[] {
  const {flow} = section
  const pages: Content[] = []
  let carry: Block[] = []
  let index = 0
  while (index < flow.length || carry.length > 0) {
    while (index < flow.length && discardedAtTop(flow[index] as Flow)) index++
    if (index >= flow.length && carry.length === 0) break

    const start = index
    let height = 0
    let bodyEnd = 0
    let notes: Note[] = []
    let placed = false
    let best: {index: number; bodyEnd: number; notes: Note[]} | undefined
    let end = flow.length
    let next = flow.length
    for (let position = start; position < flow.length; position++) {
      const item = flow[position] as Flow
      if (item.kind === 'break') {
        end = position
        next = position + 1
        break
      }
      if (item.kind === 'space') {
        height += item.height
        continue
      }
      if (placed && item.breakBefore) best = {index: position, bodyEnd, notes}
      const withNotes = item.notes.length > 0 ? [...notes, ...item.notes] : notes
      const overflows = height + item.height + notesNeed(carry, withNotes, ruleHeight) > capacity + epsilon
      if (overflows && placed) {
        const cut = best ?? {index: position, bodyEnd, notes}
        end = cut.index
        next = cut.index
        bodyEnd = cut.bodyEnd
        notes = cut.notes
        break
      }
      if (overflows && carry.length > 0 && height + item.height + notesNeed([], withNotes, ruleHeight) <= capacity + epsilon) {
        // Only the notes carried over stand in the way: give them a page of their own.
        end = position
        next = position
        break
      }
      height += item.height
      bodyEnd = height
      notes = withNotes
      placed = true
    }

    const content = compose(flow.slice(start, end), bodyEnd, capacity, carry, notes, ruleHeight)
    carry = content.carry
    pages.push(content.page)
    if (next === start && content.page.body.length === 0 && content.page.notes.length === 0) {
      throw new Error(`Pagination made no progress in section ${section.id} at item ${start}`)
    }
    index = next
  }
  return pages
}

function discardedAtTop(item: Flow): boolean {
  return item.kind === 'break' || (item.kind === 'space' && !item.keep && !item.fill)
}

/**
 * Room the notes need: all whole but the last, of which two lines (one if
 * it has only one); text carried over whole, unless no note follows it.
 */
function notesNeed(carry: readonly Block[], notes: readonly Note[], ruleHeight: number): number {
  if (carry.length === 0 && notes.length === 0) return 0
  if (notes.length === 0) return ruleHeight + (carry[0]?.height ?? 0)
  let need = ruleHeight + total(carry)
  notes.forEach((note, index) => {
    need += index === notes.length - 1 ? total(note.blocks.slice(0, 2)) : total(note.blocks)
  })
  return need
}

function total(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + block.height, 0)
}

/** Place the page's blocks (fill spaces share the room left) and as much note text as fits. */
function compose(
  flow: readonly Flow[],
  bodyEnd: number,
  capacity: number,
  carry: readonly Block[],
  notes: readonly Note[],
  ruleHeight: number
): {page: Content; carry: Block[]} {
  const queue = [...carry, ...notes.flatMap((note) => note.blocks)]
  const room = capacity - bodyEnd - (queue.length > 0 ? ruleHeight : 0)
  const noteBlocks: Block[] = []
  let used = 0
  while (queue.length > 0 && used + (queue[0] as Block).height <= room + epsilon) {
    const block = queue.shift() as Block
    noteBlocks.push(block)
    used += block.height
  }

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
  return {page, carry: queue}
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
