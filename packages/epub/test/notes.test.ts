/**
 * Notes as EPUB 3 footnotes that reading systems show as pop-ups: a mark
 * `<a epub:type="noteref" role="doc-noteref">` pointing to an
 * `<aside epub:type="footnote" role="doc-footnote">` in the same document,
 * which links back; numbered from 1 in each work.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {build, edition, fixtureOptions, open} from './helpers/books.js'
import {attribute, collapse, elements, textOf, type XmlElement} from './helpers/xml.js'

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
        assert.deepEqual(
          asides.map((a) => attribute(a, 'epub:type')),
          asides.map(() => 'footnote'),
          path
        )
        assert.deepEqual(
          asides.map((a) => attribute(a, 'role')),
          asides.map(() => 'doc-footnote'),
          path
        )
        // Each mark's note is in the same document, and links back to the mark.
        assert.deepEqual(
          refs.map((a) => attribute(a, 'href').slice(1)),
          asides.map((a) => attribute(a, 'id')),
          path
        )
        for (const [index, ref] of refs.entries()) {
          assert.equal(attribute(ref, 'role'), 'doc-noteref')
          const back = elements(asides[index]!, 'a').find((a) => attribute(a, 'role') === 'doc-backlink')
          assert.equal(attribute(back, 'href'), '#' + attribute(ref, 'id'), path)
          numbers.push(collapse(textOf(ref)))
        }
      }
      assert.deepEqual(
        numbers,
        work.notes.map((note) => String(note.number)),
        work.id
      )
      assert.deepEqual(
        numbers,
        numbers.map((_, index) => String(index + 1)),
        work.id + ' numbered from 1'
      )
      total += numbers.length
    }
    assert.ok(total >= (which === 'real' ? 50 : 2), `${total} notes`)
  })
}

test('GFM footnotes (fixture edition): numbered with the other notes, an aside like theirs, no footnotes section of their own', async () => {
  const resolved = await edition('fixture')
  const letter = resolved.works.find((work) => work.id === 'letter')!
  assert.deepEqual(
    letter.notes.map((note) => [note.id, note.kind, note.number]),
    [
      ['letter-fn-parish', 'footnote', 1],
      ['letter-note-stint', 'note', 2]
    ]
  )
  const book = await open(await build('fixture'))
  const xhtml = await book.text(book.base + 'letter.xhtml')
  assert.ok(
    xhtml.includes(
      'argued over often.<a href="#letter-fn-parish" id="letter-fnref-parish" class="noteref" role="doc-noteref" aria-label="Note 1" epub:type="noteref"><sup>1</sup></a></p>'
    )
  )
  assert.ok(
    xhtml.includes(
      '<aside id="letter-fn-parish" class="note note-footnote" epub:type="footnote" role="doc-footnote"><p><span class="note-number">' +
        '<a href="#letter-fnref-parish" class="backlink" role="doc-backlink" aria-label="Back to the text at note 1">1</a>. </span>' +
        'As the parish book has them; the letter is written for these tests.</p></aside>'
    )
  )
  for (const which of ['fixture', 'real'] as const) {
    const opened = await open(await build(which))
    for (const path of opened.spine) assert.doesNotMatch(await opened.text(path), /data-footnote|footnote-label|class="footnotes"/, path)
  }
})

test('a chapter’s notes follow a heading of their own, in the book’s language (“Notes”, or the htmlLabels’ word)', async () => {
  for (const [options, word] of [
    [undefined, 'Notes'],
    [{...fixtureOptions, htmlLabels: {notes: 'Anmerkungen'}}, 'Anmerkungen']
  ] as const) {
    const book = await open(await build('fixture', options))
    let sections = 0
    for (const path of book.spine) {
      const tree = await book.xml(path)
      const asides = elements(tree, 'aside').filter((a) => attribute(a, 'epub:type') === 'footnote')
      const notes = elements(tree, 'section').filter((section) => attribute(section, 'class') === 'notes')
      if (path.endsWith('preface.xhtml')) continue
      assert.equal(notes.length, asides.length > 0 ? 1 : 0, path)
      if (asides.length === 0) continue
      sections++
      const [heading, ...rest] = notes[0]!.children.filter((child): child is XmlElement => child.type === 'element')
      assert.equal(heading!.name, 'h2', path)
      assert.equal(textOf(heading!), word, path)
      assert.equal(attribute(notes[0], 'aria-label'), word, path)
      // Every footnote of the document, and only they, under it.
      assert.deepEqual(rest, asides, path)
    }
    assert.ok(sections >= 2, `${sections} documents with notes`)
  }
})
