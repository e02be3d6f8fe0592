/**
 * Pages rendered to PNG in `test-output/` for a person to look at (title
 * page, contents, a block quotation, notes), and checked here for ink:
 * a page that renders blank or black fails.
 */
import assert from 'node:assert/strict'
import {mkdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {geometry} from '../src/lib/geometry.js'
import {destinationsAndLinks, fixtureEdition, fixturePdf, hasTool, outputDir, pageWords, readerEdition, readerPdf, run} from './helpers.js'
import {bodyTexts} from './text.js'

/** Share of dark pixels on a page rendered to greyscale. */
function ink(pdf: string, page: number, name: string): number {
  mkdirSync(outputDir, {recursive: true})
  const base = join(outputDir, name)
  run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '110', '-png', '-singlefile', pdf, base])
  run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '40', '-gray', '-singlefile', pdf, base])
  const pgm = readFileSync(`${base}.pgm`)
  // Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))
  assert.ok(header, 'a binary PGM')
  const pixels = pgm.subarray(header[0].length)
  let dark = 0
  for (const value of pixels) if (value < 128) dark++
  return dark / pixels.length
}

test('title page, contents, a block quotation and notes render with ink', async (t) => {
  if (!hasTool(t, 'pdftoppm') || !hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const reader = await readerPdf()
  const edition = await readerEdition()
  const texts = bodyTexts(pageWords(reader), geometry('A5'))
  const quotation = texts.findIndex((text) => text.includes('Kollontai increasingly became an internal critic'))
  assert.ok(quotation >= 0)
  const fixture = await fixturePdf()
  // The fixture's third note is longer than a page.
  const long = (await fixtureEdition()).works[0]?.notes[2]
  assert.match(JSON.stringify(long?.children), /This note is long on purpose/)
  const notes = destinationsAndLinks(fixture).dests.get(long?.id as string) as number
  const readerNotes = destinationsAndLinks(reader).dests.get(edition.works[1]?.notes[0]?.id as string) as number

  const pages: Array<[string, string, number]> = [
    [reader, 'title-page', 1],
    [reader, 'contents', 3],
    [reader, 'block-quotation', quotation + 1],
    [reader, 'notes', readerNotes + 1],
    [fixture, 'fixture-long-note', notes + 1],
    [fixture, 'fixture-long-note-continued', notes + 2]
  ]
  for (const [pdf, name, page] of pages) {
    const share = ink(pdf, page, name)
    assert.ok(share > 0.002 && share < 0.2, `${name} (page ${page}) has ink on ${(share * 100).toFixed(2)}% of it`)
  }
})
