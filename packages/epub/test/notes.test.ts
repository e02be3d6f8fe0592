/**
 * Notes as EPUB 3 footnotes that reading systems show as pop-ups: a mark
 * `<a epub:type="noteref" role="doc-noteref">` pointing to an
 * `<aside epub:type="footnote" role="doc-footnote">` in the same document,
 * which links back; numbered from 1 in each work.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {build, edition, open} from './helpers/books.js'
import {attribute, collapse, elements, textOf} from './helpers/xml.js'

for (const which of ['real', 'fixture'] as const) {
  test(`footnotes (${which} edition): every note once, beside its mark, linked both ways`, async () => {
    const resolved = await edition(which)
    const book = await open(await build(which))
    let total = 0
    for (const work of resolved.works) {
      const paths = book.spine.filter((path) => path === book.base + work.id + '.xhtml' || path.startsWith(book.base + work.id + '-'))
      const numbers: string[] = []
      for (const path of paths) {
        const tree = await book.xml(path)
        const refs = elements(tree, 'a').filter((a) => attribute(a, 'epub:type') === 'noteref')
        const asides = elements(tree, 'aside')
        assert.deepEqual(asides.map((a) => attribute(a, 'epub:type')), asides.map(() => 'footnote'), path)
        assert.deepEqual(asides.map((a) => attribute(a, 'role')), asides.map(() => 'doc-footnote'), path)
        // Each mark's note is in the same document, and links back to the mark.
        assert.deepEqual(refs.map((a) => attribute(a, 'href').slice(1)), asides.map((a) => attribute(a, 'id')), path)
        for (const [index, ref] of refs.entries()) {
          assert.equal(attribute(ref, 'role'), 'doc-noteref')
          const back = elements(asides[index]!, 'a').find((a) => attribute(a, 'role') === 'doc-backlink')
          assert.equal(attribute(back, 'href'), '#' + attribute(ref, 'id'), path)
          numbers.push(collapse(textOf(ref)))
        }
      }
      assert.deepEqual(numbers, work.notes.map((note) => String(note.number)), work.id)
      assert.deepEqual(numbers, numbers.map((_, index) => String(index + 1)), work.id + ' numbered from 1')
      total += numbers.length
    }
    assert.ok(total >= (which === 'real' ? 50 : 2), `${total} notes`)
  })
}
