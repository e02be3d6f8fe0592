/**
 * `pnpm measure [--pages] [corpus-folder edition-id]`: the printed page, measured from
 * the PDF itself, for each paper (`--pages`: and the typography of each page). By default the reader edition,
 * the generated notes and headings corpora (scripts/notes-corpus.ts, headings-corpus.ts) and a generated corpus of prose nobody here wrote (the
 * READMEs of the PDF package's dependencies). Each measure is a column
 * of the table: a title and a function of the PDF's pages; add one to
 * `columns` to measure something more.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {corpusFromFiles, loadCorpus, resolveEdition, type ResolvedEdition} from '@samizdat/model'
import {papers, toPdf, type Paper} from '@samizdat/pdf'
import {destinationsAndLinks, pageWords, readmeEdition, type PageWords} from '../packages/pdf/test/helpers.js'
import {headingsCorpus} from './headings-corpus.js'
import {headingTexts, noteMeasures, pageShapes, strandedHeadings, type PageShape} from './pages.js'
import {notesCorpus} from './notes-corpus.js'
import {pageLines, typographyColumns} from './typography-measures.js'

/** What a column sees of one PDF. */
interface Printed {
  paper: Paper
  edition: ResolvedEdition
  words: PageWords[]
  shapes: PageShape[]
  /** Page index of each named destination (qpdf). */
  dests: Map<string, number>
}

interface Column {
  title: string
  value: (printed: Printed) => string
}

const columns: Column[] = [
  {title: 'pages', value: ({words}) => String(words.length)},
  {title: 'carried-over note starts', value: ({shapes}) => String(noteMeasures(shapes).carried)},
  {
    title: 'longest note split (lines a piece)',
    value: ({shapes}) => {
      const {longest} = noteMeasures(shapes)
      return longest ? `note ${longest.label}: ${longest.pieces.join('/')}` : 'none'
    }
  },
  {title: 'shortest piece', value: ({shapes}) => String(noteMeasures(shapes).shortestPiece ?? '–')},
  {
    title: 'body lines min/median',
    value: ({shapes}) => {
      const {bodyMin, bodyMedian} = noteMeasures(shapes)
      return `${bodyMin}/${bodyMedian}`
    }
  },
  {
    title: "notes after their mark's page",
    value: ({edition, dests}) => {
      const notes = edition.works.flatMap((work) => work.notes)
      return `${notes.filter((note) => dests.get(note.id) !== dests.get(note.refId)).length} of ${notes.length}`
    }
  },
  {
    title: 'stranded headings',
    value: ({edition, shapes, dests}) => {
      const from = dests.get(edition.preface?.id ?? edition.works[0]?.id ?? '')
      return String(strandedHeadings(shapes, headingTexts(edition), from).length)
    }
  },
  ...typographyColumns
]

const args = process.argv.slice(2).filter((arg) => arg !== '--pages')
const perPage = process.argv.includes('--pages')
const date = new Date('2024-05-01T00:00:00Z')
const out = mkdtempSync(join(tmpdir(), 'samizdat-measure-'))

async function editions(): Promise<Array<[string, ResolvedEdition]>> {
  const [dir, id] = args
  if (dir) return [[id ?? dir, resolveEdition(await loadCorpus(dir), id ?? 'corpus')]]
  const corpusDir = fileURLToPath(new URL('../corpus', import.meta.url))
  return [
    ['reader edition', resolveEdition(await loadCorpus(corpusDir), 'workers-opposition')],
    ['generated notes corpus', resolveEdition(await corpusFromFiles(notesCorpus()), 'corpus')],
    ['generated headings corpus', resolveEdition(await corpusFromFiles(headingsCorpus()), 'corpus')],
    ['generated corpus (READMEs)', await readmeEdition()]
  ]
}

for (const [name, edition] of await editions()) {
  console.log(`\n${name}`)
  const rows = [['paper', ...columns.map((column) => column.title)]]
  for (const paper of papers) {
    const pdf = join(out, `${edition.meta.id}-${paper}.pdf`)
    writeFileSync(pdf, (await toPdf(edition, {date, paper}))[0]!.data)
    const words = pageWords(pdf)
    const printed = {paper, edition, words, shapes: pageShapes(words, paper), dests: destinationsAndLinks(pdf).dests}
    rows.push([paper, ...columns.map((column) => column.value(printed))])
    if (perPage) console.log([`${paper}:`, ...pageLines(words, paper)].join('\n'))
  }
  const widths = (rows[0] as string[]).map((_, index) => Math.max(...rows.map((row) => (row[index] as string).length)))
  for (const row of rows) console.log(row.map((cell, index) => cell.padEnd(widths[index] as number)).join('  '))
}
console.log(`\nPDFs in ${out}`)
