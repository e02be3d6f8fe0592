/**
 * Corrections in the book: the edition's reading alone, with the
 * correction's id (the list of corrections links to it) and the source's
 * reading as `title`. No `<del>`: reading systems that ignore `hidden`
 * (calibre's converter does) would read the source's reading inline.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {Correction} from '@samizdat/model'
import {build, edition, open} from './helpers/books.js'
import {attribute, elements, textOf, type XmlElement} from './helpers/xml.js'

test('every correction (real edition): its id, the edition’s reading, the source’s as title; no <del> in the book', async () => {
  const resolved = await edition('real')
  const book = await open(await build('real'))
  const spans = new Map<string, XmlElement>()
  for (const path of book.spine) {
    const tree = await book.xml(path)
    assert.deepEqual(elements(tree, 'del'), [], path)
    for (const span of elements(tree, 'span')) if (attribute(span, 'class').split(' ').includes('corr')) spans.set(attribute(span, 'id'), span)
  }
  // A passage another work quotes is shown again, corrections and all, in the quoted work's "as quoted" section.
  const checked = new Set<string>()
  for (const work of resolved.works) {
    visit(work.tree as Root, 'correction', (node: Correction) => {
      checked.add(node.id)
      const span = spans.get(node.id)
      assert.ok(span, node.id)
      assert.equal(attribute(span, 'title'), 'Source: ' + node.sic.replace(/\s+/g, ' '), node.id)
      assert.equal(textOf(span), toString(node), node.id)
      // The edition's mark (a dot unless its file says otherwise), drawn by the book's stylesheet.
      assert.ok(
        attribute(span, 'class')
          .split(' ')
          .includes(`corr-${node.mark ?? 'none'}`),
        node.id
      )
    })
  }
  assert.equal(spans.size, checked.size)
  assert.ok(checked.size >= 120, `only ${checked.size} corrections`)
  const xhtml = await book.text(book.base + 'solidarity-introduction.xhtml')
  assert.ok(xhtml.includes('<span class="corr corr-dot" id="sol-corr-10th-congress" title="Source: 101">10th</span> Congress (March 1921)'))
  assert.match(await book.text(book.base + 'style.css'), /\.corr-dot::after \{ content: "·"/)
  // The index, the timeline and the lists of the back matter: hanging indents, no bullets.
  const index = await book.text(book.base + 'index-of-persons.xhtml')
  assert.match(index, /<ul class="hanging">/)
  assert.match(await book.text(book.base + 'style.css'), /ul\.hanging \{ list-style: none;/)
})
