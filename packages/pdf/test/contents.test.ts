/** The contents: every entry, each with the page on which its heading really is. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {geometry} from '../src/lib/geometry.js'
import {contentsText, folios, hasTool, pageTexts, pageWords, readerEdition, readerPdf, squash} from './helpers.js'
import {bodyTexts} from './text.js'

test('each contents entry names the page its heading is on', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const edition = await readerEdition()
  const pdf = await readerPdf()
  const contents = contentsText(pdf)
  // Running heads repeat titles: only the text block counts.
  const pages = bodyTexts(pageWords(pdf), geometry('A5'))
  const printed = folios(pageTexts(pdf, true))

  const entries: string[] = []
  if (edition.preface) entries.push(edition.preface.title)
  for (const work of edition.toc) entries.push(work.text, ...work.children.map((child) => child.text))
  for (const section of edition.backMatter) entries.push(section.title)

  let cursor = 0
  const checked: string[] = []
  for (const entry of entries) {
    const at = contents.indexOf(`${squash(entry)} ⟦`, cursor)
    assert.ok(at >= 0, `contents entry "${entry}" with a page number, after position ${cursor}`)
    const number = /⟦([^⟧]+)⟧/.exec(contents.slice(at))?.[1] as string
    cursor = at + entry.length
    const page = printed.indexOf(number)
    assert.ok(page >= 0, `a page numbered ${number} (for "${entry}")`)
    // The heading may carry note marks: digits may follow any word (after a narrow space when it ends in a figure).
    const heading = new RegExp(
      squash(entry)
        .split(' ')
        .map((word) => `${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d*(?:\\s\\d+)?`)
        .join('\\s+')
    )
    assert.match(squash(pages[page] as string), heading, `"${entry}" is on page ${number}`)
    checked.push(entry)
  }
  assert.equal(checked.length, entries.length)
  assert.ok(checked.length > 20)
})

test('page numbers are roman in the front matter and arabic from the first work', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const printed = folios(pageTexts(await readerPdf(), true))
  const numbered = printed.filter((label): label is string => label !== undefined)
  const firstArabic = numbered.findIndex((label) => /^\d+$/.test(label))
  assert.ok(numbered.slice(0, firstArabic).every((label) => /^[ivxlcdm]+$/.test(label)))
  assert.equal(numbered[firstArabic], '1')
  // Title page and imprint carry no folio; the contents opens on page iii.
  assert.deepEqual(printed.slice(0, 3), [undefined, undefined, 'iii'])
  // Page 1 is a recto: an odd page of the document.
  assert.equal(printed.indexOf('1') % 2, 0)
})
