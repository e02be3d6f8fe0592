/**
 * Nothing is set outside the text block, and the text pages are even (see
 * `assertEven`): word spaces, hyphens in a row and characters a line,
 * measured from the PDF by scripts/typography-measures.ts (as `pnpm measure` prints them).
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {corpusFromFiles, resolveEdition, type ResolvedEdition, type ResolvedWork} from '@samizdat/model'
import {toPdf} from '@samizdat/pdf'
import {sharedBuild} from '../../../scripts/test-cache.js'
import {collectGarbage} from './collect.js'
import {headingsCorpus} from '../../../scripts/headings-corpus.js'
import {headingTexts, pageShapes, strandedHeadings} from '../../../scripts/pages.js'
import {typographyMeasures, type TypographySummary} from '../../../scripts/typography-measures.js'
import type {StructNode} from '../src/lib/structure.js'
import {typeset} from '../src/lib/typeset.js'
import {render} from '../src/lib/render.js'
import type {Line} from '../src/lib/types.js'
import {geometry, leftEdge, papers, type Paper} from '../src/lib/geometry.js'
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
  readmeEdition,
  root,
  squash,
  type PageWords
} from './helpers.js'

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

test('word spaces, hyphens and measure of the text pages stay within bounds (reader edition, A5)', async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const edition = await readerEdition()
  const pdf = await readerPdf()
  const pages = pageWords(pdf)
  // The works and preface, not the back matter (ragged, with monospaced readings).
  const end = edition.backMatter[0] ? destinationsAndLinks(pdf).dests.get(edition.backMatter[0].id) : undefined
  const measures = typographyMeasures(pages, 'A5', 0, end)
  assert.ok(measures.ratio.count > 10_000, `${measures.ratio.count} spaces measured`)
  assertEven(measures)
})

test('word spaces, hyphens and measure stay within bounds on prose nobody here wrote (READMEs; A5, A4, Letter)', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  for (const paper of papers) {
    const measures = typographyMeasures(pageWords(await build(`readmes-${paper}`, readmeEdition, {paper})), paper)
    assert.ok(measures.ratio.count > 1000, `${paper}: ${measures.ratio.count} spaces measured`)
    assertEven(measures, paper)
  }
})

/**
 * The bounds: a justified space shrinks to no less than three quarters of the font's and stretches to
 * no more than two of them (a little more in 1 case of 100: the last passes, for a line that cannot be set
 * otherwise, go to two and a half, then leave the line short); no more than two lines in a row end with a
 * hyphen; a full body line holds 60 to 75 characters (a book's measure), 80 at most in 95 lines of 100.
 */
function assertEven(measures: TypographySummary, label = ''): void {
  const {ratio, longestRun, charsPerLine} = measures
  assert.ok(ratio.min >= 0.74, `${label} narrowest space ${ratio.min.toFixed(2)}`)
  assert.ok(ratio.p99 <= 2.2, `${label} 99th percentile ${ratio.p99.toFixed(2)}`)
  assert.ok(ratio.max <= 2.6, `${label} widest space ${ratio.max.toFixed(2)}`)
  assert.ok(longestRun <= 2, `${label} ${longestRun} hyphenated lines in a row`)
  assert.ok(charsPerLine.median >= 60 && charsPerLine.median <= 75, `${label} ${charsPerLine.median} characters a line`)
  assert.ok(charsPerLine.p95 <= 80, `${label} ${charsPerLine.p95} characters a line (95th percentile)`)
}

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

/** The generated headings corpus (scripts/headings-corpus.ts). */
function headingsEdition(): Promise<ResolvedEdition> {
  return corpusFromFiles(headingsCorpus()).then((corpus) => resolveEdition(corpus, 'corpus'))
}

/** Is `line` a heading's, a title's or a byline's (set as display, or owned by an `H1`–`H6`)? */
function headingKind(line: Line): string | undefined {
  if (line.display) return 'display'
  for (const glyphs of line.glyphs)
    for (let node: StructNode | undefined = glyphs.struct; node; node = node.parent) if (/^H\d$/.test(node.type)) return node.type
  return undefined
}

/**
 * From the layout: pages that their section continues after and whose last heading, title or byline is
 * followed by fewer than two lines (none: it ends the page).
 */
async function strandedInLayout(edition: ResolvedEdition, paper: Paper): Promise<string[]> {
  const {pages} = await typeset(edition, {date, paper})
  const stranded: string[] = []
  pages.forEach((page, index) => {
    const next = pages[index + 1]
    if (!next || next.section !== page.section || next.first) return
    const kinds = page.body.map(({block}) => block.items.flatMap((placed) => ('line' in placed ? [headingKind(placed.line)] : [])).find(Boolean))
    const last = kinds.findLastIndex(Boolean)
    if (last >= 0 && page.body.length - 1 - last < 2) stranded.push(`page ${index + 1}: ${kinds[last]} and ${page.body.length - 1 - last} lines`)
  })
  return stranded
}

/** From the PDF's text layer, page by page: a heading, title or byline among the last two lines of a page (after the contents). */
function strandedInPdf(pdf: string, paper: Paper, edition: ResolvedEdition): Array<{page: number; line: string}> {
  const from = destinationsAndLinks(pdf).dests.get(edition.preface?.id ?? (edition.works[0] as ResolvedWork).id)
  return strandedHeadings(pageShapes(pageWords(pdf), paper), headingTexts(edition), from)
}

test('no heading, title or byline ends a page: each keeps two lines of what follows (generated corpus, A5, A4, Letter; reader edition)', async (t) => {
  const edition = await headingsEdition()
  // Before the rule (a heading kept with one line): 4, 2 and 2 pages of the generated corpus, one of the reader edition.
  for (const paper of papers) assert.deepEqual(await strandedInLayout(edition, paper), [], paper)
  assert.deepEqual(await strandedInLayout(await readerEdition(), 'A5'), [], 'reader edition')
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const pdf = await sharedBuild(
    'pdf-headings-corpus-A5',
    'pdf',
    {date, paper: 'A5'},
    [join(root, 'scripts', 'headings-corpus.ts')],
    async () => (await toPdf(edition, {date, paper: 'A5'}))[0]!.data
  )
  assert.ok(headingTexts(edition).length > 200)
  assert.deepEqual(strandedInPdf(pdf, 'A5', edition), [])
  assert.deepEqual(strandedInPdf(await readerPdf(), 'A5', await readerEdition()), [])
})

test('each page is dropped once drawn: a long book does not hold every page’s layout until the last is drawn', async () => {
  const paragraph = 'Every page of a long book holds its lines and glyphs until it is drawn, and no longer than that. '.repeat(12)
  const corpus = await corpusFromFiles({'a.md': `# A\n\n${Array.from({length: 30}, () => paragraph).join('\n\n')}\n`})
  const {doc, pages, root, geometry: g, measure, layouts} = await typeset(resolveEdition(corpus, 'corpus'), {date})
  assert.ok(pages.length > 5, `${pages.length} pages`)
  const first = new WeakRef(pages[1]!.body[0]!.block)
  layouts.release()
  render(doc, pages, g, measure, root)
  assert.equal(pages.length, 0)
  await collectGarbage()
  assert.equal(first.deref(), undefined, 'a drawn page’s blocks are still reachable')
  doc.end()
})
