/** Pagination: capacity, widows and orphans, keeps, rectos and blanks, notes at the foot and continued. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {geometry} from '../src/lib/geometry.js'
import {paginate, roman} from '../src/lib/paginate.js'
import {structRoot} from '../src/lib/structure.js'
import type {Block, Flow, Note, Section} from '../src/lib/types.js'

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
  const shortPage = pages.findIndex((page) => page.body.some(({block}) => block.marks[0]?.id === 'r2'))
  const shortNotes = names(pages[shortPage]?.notes ?? [])
  assert.ok(shortNotes.includes('short.1'), "the short note is on its reference's page")
  assert.ok(shortNotes.indexOf('short.1') > shortNotes.findIndex((name) => name.startsWith('long.')) || !shortNotes.some((name) => name.startsWith('long.')))
})
