/** Page references (the index of persons, the timeline): each number is the page of the mention it links to. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {destinationsAndLinks, folios, hasTool, pageTexts, pdfObjects, readerEdition, readerPdf} from './helpers.js'

test('every page reference shows the page of its target', async (t) => {
  if (!hasTool(t, 'qpdf') || !hasTool(t, 'pdftotext')) return
  const edition = await readerEdition()
  const pdf = await readerPdf()
  const {dests} = destinationsAndLinks(pdf)
  const printed = folios(pageTexts(pdf, true))
  const objects = pdfObjects(pdf)
  let checked = 0
  for (const value of Object.values(objects)) {
    const annotation = value as Record<string, unknown> | null
    const contents = /^u:page (\S+)$/.exec(String(annotation?.['/Contents']))
    if (!contents) continue
    const action = objects[String(annotation?.['/A'])] as Record<string, unknown>
    const target = String(action['/D']).replace(/^u:/, '')
    const page = dests.get(target)
    assert.ok(page !== undefined, `the target ${target} exists`)
    assert.equal(printed[page], contents[1], `${target} is on page ${contents[1]}`)
    checked++
  }
  const sections = edition.backMatter.map((section) => JSON.stringify(section.tree))
  assert.ok(
    sections.some((tree) => tree.includes('"pageRef":true')),
    'the reader edition has page references'
  )
  assert.ok(checked > 100, `${checked} page references checked`)
})
