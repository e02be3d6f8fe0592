/**
 * Nothing is set outside the text block, and justified lines keep their
 * word spaces within the engine's stated range: from two thirds of the
 * font's space (full shrink) to two and a half times it (tolerance 3 on a
 * stretch of half a space); 99 in 100 spaces stay under twice it.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {geometry, leftEdge, type Paper} from '../src/lib/geometry.js'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {corpusFromFiles, resolveEdition} from '@samizdat/model'
import {toPdf} from '@samizdat/pdf'
import {
  build,
  date,
  destinationsAndLinks,
  fixtureEdition,
  fixturePdf,
  hasTool,
  outputDir,
  pageTexts,
  pageWords,
  readerEdition,
  readerPdf,
  squash,
  type PageWords
} from './helpers.js'

/** EB Garamond's word space, roman and italic, in ems; pdftotext's word boxes are 1.305 em high (ascent + descent). */
const space = 0.2
const boxHeight = 1.305
const tolerance = 0.5

function outside(pages: readonly PageWords[], paper: Paper): string[] {
  const g = geometry(paper)
  const problems: string[] = []
  pages.forEach((page, index) => {
    const left = leftEdge(g, index)
    const head = g.top - g.headRaise
    const folio = g.top + g.textHeight + g.folioDrop
    for (const line of page.lines) {
      for (const word of line) {
        // Furniture sits on its own baselines, outside the block by design.
        const furniture = (word.yMin < head && word.yMax > head - 2) || (word.yMin < folio && word.yMax > folio - 2)
        if (furniture && (word.yMax < g.top || word.yMin > g.top + g.textHeight)) continue
        if (word.xMin < left - tolerance || word.xMax > left + g.textWidth + tolerance || word.yMin < g.top - 2 || word.yMax > g.top + g.textHeight + 2) {
          problems.push(
            `page ${index + 1}: "${word.text}" at ${word.xMin.toFixed(1)}–${word.xMax.toFixed(1)} × ${word.yMin.toFixed(1)}–${word.yMax.toFixed(1)}`
          )
        }
      }
    }
  })
  return problems
}

test('no word outside the text block (reader edition, A5)', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  assert.deepEqual(outside(pageWords(await readerPdf()), 'A5'), [])
})

test('no word outside the text block: long URLs, checksums, tables (fixture, A5 and A4)', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  assert.deepEqual(outside(pageWords(await fixturePdf()), 'A5'), [])
  assert.deepEqual(outside(pageWords(await build('fixture-a4', fixtureEdition, {paper: 'A4'})), 'A4'), [])
})

test('word spaces on the text pages stay within the stated range', async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const edition = await readerEdition()
  const pdf = await readerPdf()
  const pages = pageWords(pdf)
  const g = geometry('A5')
  // The works and preface, not the back matter (ragged, with monospaced readings).
  const end = edition.backMatter[0] ? destinationsAndLinks(pdf).dests.get(edition.backMatter[0].id) : undefined
  const ratios: number[] = []
  const wide: string[] = []
  pages.slice(0, end).forEach((page, index) => {
    for (const line of page.lines) {
      const first = line[0]
      if (!first || first.yMax < g.top || first.yMin > g.top + g.textHeight) continue
      const size = (first.yMax - first.yMin) / boxHeight
      line.forEach((word, position) => {
        const previous = line[position - 1]
        if (!previous) return
        // A list label or a note number hangs before its text: not a word space.
        if (position === 1 && /^(•|\d+\.?)$/.test(previous.text)) return
        // A note's mark after a figure ("1921 ⁵"): a narrow no-break space, half a word space, by design.
        if (/\d$/.test(previous.text) && /^\d/.test(word.text) && Math.abs((word.xMin - previous.xMax) / (space * size) - 0.5) < 0.05) return
        const ratio = (word.xMin - previous.xMax) / (space * size)
        ratios.push(ratio)
        if (ratio < 0.66 || ratio > 2.51) wide.push(`page ${index + 1}: ${ratio.toFixed(2)} between "${previous.text}" and "${word.text}"`)
      })
    }
  })
  assert.ok(ratios.length > 10_000, `${ratios.length} spaces measured`)
  assert.deepEqual(wide, [])
  ratios.sort((a, b) => a - b)
  assert.ok((ratios[Math.floor(ratios.length * 0.99)] as number) < 2, 'the 99th percentile is under twice the space')
})

test('a heading of two lines is balanced: its last line is never one word alone', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  // Set to the full measure, this heading leaves "after" alone on its second line (A5).
  const heading = 'The opposition inside the unions and the party before and after'
  const edition = resolveEdition(await corpusFromFiles({'w.md': `# Work\n\n## ${heading}\n\nBody.\n`}), 'corpus')
  mkdirSync(outputDir, {recursive: true})
  const pdf = join(outputDir, 'balanced-heading.pdf')
  writeFileSync(pdf, (await toPdf(edition, {date}))[0]!.data)
  const lines = pageTexts(pdf)
    .flatMap((page) => page.split('\n'))
    .map((line) => line.trim())
  const body = lines.lastIndexOf('Body.')
  const set = lines.slice(body - 2, body)
  assert.equal(squash(set.join(' ')), heading)
  for (const line of set) assert.ok(line.split(' ').length >= 4, `"${line}" is a line of the heading`)
})
