/** Content parity: every heading and paragraph of the resolved reader edition is in the PDF's text, in order. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {blocksOf, type NoteReference} from '@samizdat/model'
import {geometry} from '../src/lib/geometry.js'
import {fixtureEdition, fixturePdf, hasTool, pageWords, readerEdition, readerPdf} from './helpers.js'
import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {bodyTokens, findInOrder, matchAt, pagedView, withNoteNumbers, words, type Token} from './text.js'

test('every block of the reader edition appears in order', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const edition = await readerEdition()
  const tokens = bodyTokens(pageWords(await readerPdf()), geometry('A5'), 'text')
  const blocks: string[] = []
  const texts = (tree: Root): string[] => blocksOf(pagedView(tree)).map((block) => block.text)
  if (edition.preface) blocks.push(...texts(edition.preface.tree))
  for (const work of edition.works) blocks.push(work.meta.title, ...texts(work.tree))
  // Back matter whose page references the PDF sorts, merges and collapses into ranges is checked by
  // index.test.ts; the corrections' page and line are one number each, any number here.
  for (const section of edition.backMatter) {
    if (section.kind === 'corrections' || !JSON.stringify(section.tree).includes('"pageRef":true')) blocks.push(section.title, ...texts(section.tree))
  }
  assert.ok(blocks.length > 300, `the edition has ${blocks.length} blocks`)
  assert.deepEqual(findInOrder(tokens, blocks), [])
})

test('every note of the reader edition appears, in order, at the size of notes', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const edition = await readerEdition()
  const tokens = bodyTokens(pageWords(await readerPdf()), geometry('A5'), 'notes')
  const blocks = edition.works.flatMap((work) =>
    // A later place of a shared note gives the page of the note (`See note 5, p. 3.`): any page here.
    work.notes.flatMap((note) => blocksOf(pagedView({type: 'root', children: note.children})).map((block) => block.text))
  )
  assert.ok(blocks.length > 80, `${blocks.length} blocks of notes`)
  assert.deepEqual(findInOrder(tokens, blocks), [])
})

test('blocks of the fixture (lists, table cells, code, Cyrillic) appear in order', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const edition = await fixtureEdition()
  const tokens = bodyTokens(pageWords(await fixturePdf()), geometry('A5'), 'text')
  const blocks = edition.works.flatMap((work) => [work.meta.title, ...blocksOf(withNoteNumbers(withoutImages(work.tree))).map((block) => block.text)])
  assert.deepEqual(findInOrder(tokens, blocks), [])
})

/** The images the PDF draws are not text: their descriptions are `/Alt` (see images.test.ts). */
function withoutImages(tree: Root): Root {
  const copy = structuredClone(tree)
  visit(copy, 'image', (node, index, parent) => {
    if (!node.data?.asset || !parent || index === undefined) return undefined
    parent.children.splice(index, 1)
    return index
  })
  return copy
}

test('the imprint names each source by its title, as the model typesets it', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const edition = await readerEdition()
  // The imprint is the verso of the title page.
  const tokens = bodyTokens(pageWords(await readerPdf()), geometry('A5'), 'all').filter((token) => token.page === 1)
  const titles = edition.meta.sources.map((source) => source.title)
  assert.ok(titles.length > 3 && titles.some((title) => title.includes('’')), 'typeset titles (curly apostrophes)')
  // Each ends a sentence there.
  assert.deepEqual(
    findInOrder(
      tokens,
      titles.map((title) => (/[.?!…]["”’)]?$/.test(title) ? title : `${title}.`))
    ),
    []
  )
})

test('the matcher rejects lost spaces and reordered text', () => {
  const tokens = (text: string): Token[] =>
    text.split('\n').flatMap((line) => words(line).map((word, index, all) => ({text: word, page: 0, lineEnd: index === all.length - 1})))
  assert.equal(matchAt(tokens('the “Left\nCommunists” in 1918'), 0, words('the “Left Communists” in 1918')), 5)
  assert.equal(matchAt(tokens('a hyphen-\nated word'), 0, words('a hyphenated word')), 4)
  assert.equal(matchAt(tokens('the 1919-\n1922 years'), 0, words('the 1919-1922 years')), 4)
  assert.equal(matchAt(tokens('the “Left Communists”in 1918'), 0, words('the “Left Communists” in 1918')), -1)
  assert.deepEqual(
    findInOrder(tokens('second first'), ['first', 'second']).map((miss) => miss.block),
    ['second']
  )
})

test('fixture: the text of each footnote appears, in order of first reference', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const edition = await fixtureEdition()
  const tokens = bodyTokens(pageWords(await fixturePdf()), geometry('A5'), 'notes')
  const blocks: string[] = []
  for (const work of edition.works) {
    // Notes by first reference in the text; the model's numbers must say the same.
    const order: string[] = []
    visit(work.tree, 'noteReference', (node: NoteReference) => {
      if (!order.includes(node.noteId)) order.push(node.noteId)
    })
    assert.deepEqual(
      order,
      work.notes.map((note) => note.id),
      `the notes of ${work.id} are numbered in order of first reference`
    )
    for (const note of work.notes) blocks.push(...blocksOf(withNoteNumbers({type: 'root', children: note.children})).map((block) => block.text))
  }
  const footnotes = edition.works.flatMap((work) => work.notes.filter((note) => note.kind === 'footnote'))
  assert.equal(footnotes.length, 17)
  // Seventeen footnotes (the long one has two paragraphs) and the editor's note on a passage in Russian.
  assert.equal(blocks.length, 19)
  assert.deepEqual(findInOrder(tokens, blocks), [])
})
