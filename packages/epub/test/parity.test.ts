/**
 * Content parity: every heading, paragraph, table cell and note of the
 * resolved edition is in the text the book's content documents show
 * (`hidden` elements left out), in reading order.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {build, edition, open} from './helpers/books.js'
import {expectedText, missingInOrder} from './helpers/expected.js'
import {shownText} from './helpers/xml.js'

for (const which of ['real', 'fixture'] as const) {
  test(`content parity (${which} edition): the main flow, in reading order`, async () => {
    const resolved = await edition(which)
    const book = await open(await build(which))
    const text = (await Promise.all(book.spine.map(async (path) => shownText(await book.xml(path))))).join(' ')
    const expected = expectedText(resolved)
    assert.ok(expected.flow.length > (which === 'real' ? 300 : 20), 'blocks to look for: ' + expected.flow.length)
    assert.deepEqual(missingInOrder(text, expected.flow), [])
  })

  test(`content parity (${which} edition): every note, in its work, in order`, async () => {
    const resolved = await edition(which)
    const book = await open(await build(which))
    const expected = expectedText(resolved)
    let count = 0
    for (const work of resolved.works) {
      const paths = book.spine.filter((path) => path === book.base + work.id + '.xhtml' || path.startsWith(book.base + work.id + '-'))
      const text = (await Promise.all(paths.map(async (path) => shownText(await book.xml(path))))).join(' ')
      const notes = expected.notes.get(work.id) ?? []
      count += notes.length
      assert.deepEqual(missingInOrder(text, notes), [], work.id)
    }
    assert.ok(count > 0, 'notes to look for')
  })
}
