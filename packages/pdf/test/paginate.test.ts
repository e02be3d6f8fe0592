/** Pagination: capacity, widows and orphans, keeps, rectos and blanks, notes at the foot and continued. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {geometry} from '../src/lib/geometry.js'
import {paginate, roman} from '../src/lib/paginate.js'
import {structRoot} from '../src/lib/structure.js'
import type {Block, Flow, Note, Section} from '../src/lib/types.js'
import {waitingNotes} from './waiting.js'

const g = {...geometry('A5'), textHeight: 100, noteLeading: 10}
const line = (name: string, breakBefore = true, notes: Note[] = []): Block => ({kind: 'block', height: 10, items: [], breakBefore, notes, marks: [{id: name}]})
const section = (id: string, flow: Flow[], start: Section['start'] = 'next', folio: Section['folio'] = 'arabic'): Section => ({id, flow, start, folio})
const names = (blocks: Array<{block: Block}>): string[] => blocks.map(({block}) => block.marks[0]?.id as string)
const note = (id: string, lines: number): Note => ({
  id,
  referenceId: `ref-${id}`,
  label: id,
  struct: structRoot('Note'),
  blocks: Array.from({length: lines}, (_, index) => line(`${id}.${index + 1}`))
})

/** A paragraph of `count` lines with widow and orphan control, as `State.emit` makes it. */
function paragraph(prefix: string, count: number): Block[] {
  return Array.from({length: count}, (_, index) => line(`${prefix}${index + 1}`, index === 0 || !(index === 1 || index === count - 1)))
}

test('a page holds what fits', () => {
  const pages = paginate([section('s', paragraph('a', 25))], g)
  assert.deepEqual(
    pages.map((page) => page.body.length),
    [10, 10, 5]
  )
})

test('no orphan and no widow: the break moves', () => {
  // 9 lines, then a paragraph of 3: its first line alone would be an orphan.
  const pages = paginate([section('s', [...paragraph('a', 9), ...paragraph('b', 3)])], g)
  assert.deepEqual(names(pages[0]?.body ?? []), ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'])
  // 11 lines: the 11th alone would be a widow; the page gives up its last line.
  const widow = paginate([section('s', paragraph('c', 11))], g)
  assert.deepEqual(
    widow.map((page) => page.body.length),
    [9, 2]
  )
})

test('a heading stays with what follows', () => {
  const heading = line('h')
  const first = {...line('p1'), breakBefore: false}
  const pages = paginate([section('s', [...paragraph('a', 9), heading, first, ...paragraph('q', 4).slice(1)])], g)
  assert.deepEqual(names(pages[1]?.body ?? []).slice(0, 2), ['h', 'p1'])
})

test('sections open on rectos, with a blank verso before when needed; labels roman then arabic', () => {
  const pages = paginate([section('front', paragraph('f', 5), 'recto', 'roman'), section('work', paragraph('w', 5), 'recto')], g)
  assert.equal(pages.length, 3)
  assert.equal(pages[1]?.section, undefined, 'a blank page')
  assert.equal(pages[2]?.index, 2)
  assert.deepEqual(
    pages.map((page) => page.label),
    ['i', 'ii', '1']
  )
  assert.equal(roman(1994), 'mcmxciv')
})

test('a note goes on the page of its reference, room reserved', () => {
  // 8 lines of text; the 8th refers to a 3-line note: 8 + rule + 3 > 10, so the break comes earlier.
  const flow = [...paragraph('a', 7).map((block) => ({...block, breakBefore: true})), line('r', true, [note('n', 3)]), ...paragraph('b', 3)]
  const pages = paginate([section('s', flow)], g)
  const holder = pages.find((page) => page.body.some(({block}) => block.marks[0]?.id === 'r'))
  assert.ok(holder)
  assert.deepEqual(names(holder.notes), ['n.1', 'n.2', 'n.3'])
  assert.ok((holder.noteRule as number) >= (holder.body.at(-1)?.y as number) + 10, 'the rule is below the text')
  const bottom = (holder.notes.at(-1)?.y as number) + 10
  assert.ok(Math.abs(bottom - g.textHeight) < 0.01, 'notes end at the foot of the text block')
})

test("a note too long for its page starts there and continues on the next, before that page's notes", () => {
  const flow = [
    line('r1', true, [note('long', 14)]),
    ...paragraph('a', 4).map((block) => ({...block, breakBefore: true})),
    line('r2', true, [note('short', 1)])
  ]
  const pages = paginate([section('s', flow)], g)
  const first = pages[0]
  assert.equal(first?.body[0]?.block.marks[0]?.id, 'r1')
  assert.ok((first?.notes.length ?? 0) >= 2)
  assert.equal(first?.notes[0]?.block.marks[0]?.id, 'long.1')
  const rest = pages.slice(1).flatMap((page) => names(page.notes))
  assert.equal(rest[0], `long.${(first?.notes.length ?? 0) + 1}`)
  // Notes keep their order: the short note comes after the long one ends, never before.
  const order = pages.flatMap((page) => names(page.notes))
  assert.ok(order.indexOf('short.1') > order.indexOf('long.14'))
})

/** A note's lines as a paragraph sets them: no break after its first line or before its last. */
const paragraphNote = (id: string, lines: number): Note => ({
  ...note(id, lines),
  blocks: Array.from({length: lines}, (_, index) => line(`${id}.${index + 1}`, index === 0 || !(index === 1 || index === lines - 1)))
})

/** A deterministic mix: paragraphs of 2 to 12 lines, a fifth of the lines calling notes of 1 to 14 lines. */
function notedFlow(seed: number, paragraphs: number): {flow: Flow[]; notes: Note[]} {
  let state = seed
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
  const flow: Flow[] = []
  const notes: Note[] = []
  for (let p = 0; p < paragraphs; p++) {
    const lines = paragraph(`p${p}.`, 2 + Math.floor(next() * 11))
    for (const block of lines) {
      if (next() < 0.2) {
        const made = paragraphNote(`n${notes.length + 1}`, next() < 0.15 ? 6 + Math.floor(next() * 9) : 1 + Math.floor(next() * 4))
        notes.push(made)
        block.notes = [made]
      }
    }
    flow.push(...lines)
  }
  return {flow, notes}
}

test('notes on the page as TeX sets them: whole when they fit, split once with two lines a side at a place their lines allow, in order, the text block a quarter of the page at least', () => {
  const big = {...g, textHeight: 300}
  let textPages = 0
  let onMarkPage = 0
  let noteCount = 0
  const short: string[] = []
  const unexplained: string[] = []
  for (let seed = 1; seed <= 30; seed++) {
    const {flow, notes} = notedFlow(seed, 40)
    const pages = paginate([section('s', flow)], big)
    noteCount += notes.length
    const order = pages.flatMap((page) => names(page.notes))
    assert.deepEqual(
      order,
      notes.flatMap((made) => made.blocks.map((block) => block.marks[0]?.id as string)),
      `seed ${seed}: every line of every note, once, in order`
    )
    for (const made of notes) {
      const pieces = pages.map((page) => page.notes.filter(({block}) => block.marks[0]?.id.startsWith(`${made.id}.`)).length).filter((count) => count > 0)
      const first = pages.findIndex((page) => names(page.notes).includes(`${made.id}.1`))
      const markPage = pages.findIndex((page) => page.body.some(({block}) => block.notes.includes(made)))
      assert.ok(first >= markPage && first <= markPage + 2, `seed ${seed}: ${made.id} starts on its mark's page or soon after`)
      if (first === markPage) onMarkPage++
      assert.ok(pieces.length <= 2, `seed ${seed}: ${made.id} splits once at most (${pieces.join('/')})`)
      if (pieces.length === 2) {
        assert.ok(Math.min(...pieces) >= 2, `seed ${seed}: ${made.id} leaves two lines a side (${pieces.join('/')})`)
        const cut = made.blocks[pieces[0] as number] as Block
        assert.ok(cut.breakBefore, `seed ${seed}: ${made.id} splits where its lines allow`)
      }
    }
    // Every page but the last: the text takes a quarter of the block at least. Under a cluster of
    // long notes (three of 13 lines called in six lines) nothing can: one page in a hundred at most.
    pages.slice(0, -1).forEach((page, index) => {
      textPages++
      const depth = (page.body.at(-1)?.y ?? 0) + 10
      if (depth < big.textHeight / 4) short.push(`seed ${seed}, page ${index + 1}: ${page.body.length} lines`)
    })
    // A note waits only behind a split or waiting note, or where its mark's line cannot move (test/waiting.ts).
    unexplained.push(
      ...waitingNotes(pages, big.textHeight, big.noteLeading * 1.1, big.leading)
        .filter((wait) => wait.reason === 'unexplained')
        .map((wait) => `seed ${seed}: ${wait.id}`)
    )
  }
  assert.ok(short.length <= textPages / 100, `${short.length} short pages of ${textPages}: ${short.join('; ')}`)
  assert.deepEqual(unexplained, [])
  // A note waits only where it cannot start beside its mark without squeezing the text.
  assert.ok(onMarkPage >= noteCount * 0.95, `${onMarkPage} of ${noteCount} notes start on their mark's page`)
})

test('a short note is not split: its mark moves on, or the note waits whole for the next page', () => {
  // The sixth line calls a 3-line note that does not fit whole: split 2/1 would leave one line alone.
  const flow = [...paragraph('a', 5).map((block) => ({...block, breakBefore: true})), line('r', true, [paragraphNote('n', 3)]), ...paragraph('z', 6)]
  const pages = paginate([section('s', flow)], g)
  for (const page of pages) {
    const count = names(page.notes).filter((name) => name.startsWith('n.')).length
    assert.ok(count === 0 || count === 3, `the note is whole on one page (${count} lines here)`)
  }
})

test('the rest of a split note goes whole on the next page, however full of text that page is', () => {
  // A 16-line note, longer than a page's share of notes, called on page 1; then text without notes.
  const big = {...g, textHeight: 200}
  const flow = [...paragraph('a', 5).map((block) => ({...block, breakBefore: true})), line('r', true, [paragraphNote('long', 16)]), ...paragraph('b', 60)]
  const pages = paginate([section('s', flow)], big)
  const pieces = pages.map((page) => names(page.notes).filter((name) => name.startsWith('long.')).length).filter((count) => count > 0)
  assert.equal(pieces.length, 2, `two pieces (${pieces.join('/')})`)
  assert.ok(Math.min(...pieces) >= 2)
})
