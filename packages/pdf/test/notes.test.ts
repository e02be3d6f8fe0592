/** Notes sit at the foot of the page of their reference, continue overleaf when long, and link both ways. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {blocksOf} from '@samizdat/model'
import {geometry} from '../src/lib/geometry.js'
import {destinationsAndLinks, fixtureEdition, fixturePdf, hasTool, pageWords, readerEdition, readerPdf, squash} from './helpers.js'
import {bodyTexts} from './text.js'

test('fixture: each footnote starts on the page of its reference, and links there and back', async (t) => {
  if (!hasTool(t, 'qpdf') || !hasTool(t, 'pdftotext')) return
  const edition = await fixtureEdition()
  const pdf = await fixturePdf()
  const {dests, links} = destinationsAndLinks(pdf)
  const pages = bodyTexts(pageWords(pdf), geometry('A5'))
  const work = edition.works[0]?.id as string
  let count = 0
  for (let number = 1; dests.has(`${work}-note-${number}`); number++) {
    const note = `${work}-note-${number}`
    const reference = `${work}-noteref-${number}`
    const page = dests.get(note) as number
    assert.equal(dests.get(reference), page, `note ${number} starts on the page of its reference`)
    assert.ok(links[page]?.has(note), `the mark of note ${number} links to it`)
    assert.ok(links[page]?.has(reference), `note ${number} links back to its reference`)
    count++
  }
  assert.equal(count, 17, 'three notes and fourteen in the series')
  // The first note is referred to twice: one note, two marks linking to it.
  assert.equal(dests.get(`${work}-noteref-1-2`), dests.get(`${work}-note-1`))
  assert.equal((pages.join(' ').match(/The first note: short, and referred to twice\./g) ?? []).length, 1)
})

test('fixture: a note longer than its page continues on the next', async (t) => {
  if (!hasTool(t, 'qpdf') || !hasTool(t, 'pdftotext')) return
  const edition = await fixtureEdition()
  const pdf = await fixturePdf()
  const {dests} = destinationsAndLinks(pdf)
  const pages = bodyTexts(pageWords(pdf), geometry('A5'))
  const page = dests.get(`${edition.works[0]?.id as string}-note-3`) as number
  assert.match(pages[page] as string, /This note is long on purpose\./)
  assert.doesNotMatch(pages[page] as string, /they end here\./)
  assert.match(pages[page + 1] as string, /they end here\./)
})

test('reader edition: every note of the apparatus on the page of its mark, its text there', async (t) => {
  if (!hasTool(t, 'qpdf') || !hasTool(t, 'pdftotext')) return
  const edition = await readerEdition()
  const pdf = await readerPdf()
  const {dests, links} = destinationsAndLinks(pdf)
  const pages = bodyTexts(pageWords(pdf), geometry('A5'))
  const notes = edition.works.flatMap((work) => work.notes)
  assert.ok(notes.length > 50)
  for (const note of notes) {
    const page = dests.get(note.id)
    assert.ok(page !== undefined && page >= 0, `note ${note.id} has a destination`)
    assert.equal(dests.get(note.refId), page, `note ${note.id} starts on the page of its mark`)
    assert.ok(links[page]?.has(note.id) && links[page]?.has(note.refId), `note ${note.id} and its mark link to each other`)
    // The start of the note's text is on that page (three words: a line may end in a hyphen).
    const first = squash(blocksOf({type: 'root', children: note.children})[0]?.text ?? '').split(' ').slice(0, 3).join(' ')
    assert.ok((pages[page] as string).includes(first), `the text of ${note.id} ("${first}") starts on its page`)
  }
})
