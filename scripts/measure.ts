/**
 * `pnpm measure [--pages] [corpus-folder edition-id]`: the printed page, measured from
 * the PDF itself, for each paper (`--pages`: and the typography of each page). By default the reader edition and a
 * generated corpus of prose nobody here wrote (the READMEs of the PDF
 * package's dependencies). Each measure is a column of the table: a title and
 * a function of the PDF's pages; add one to `columns` to measure something more.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadCorpus, resolveEdition, type ResolvedEdition} from '@samizdat/model'
import {papers, toPdf, type Paper} from '@samizdat/pdf'
import {pageWords, readmeEdition, type PageWords} from '../packages/pdf/test/helpers.js'
import {pageLines, typographyColumns} from './typography-measures.js'

/** What a column sees of one PDF. */
interface Printed {
  paper: Paper
  words: PageWords[]
}

interface Column {
  title: string
  value: (printed: Printed) => string
}

const columns: Column[] = [{title: 'pages', value: ({words}) => String(words.length)}, ...typographyColumns]

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
    ['generated corpus (READMEs)', await readmeEdition()]
  ]
}

for (const [name, edition] of await editions()) {
  console.log(`\n${name}`)
  const rows = [['paper', ...columns.map((column) => column.title)]]
  for (const paper of papers) {
    const pdf = join(out, `${edition.meta.id}-${paper}.pdf`)
    writeFileSync(pdf, (await toPdf(edition, {date, paper}))[0]!.data)
    const printed = {paper, words: pageWords(pdf)}
    rows.push([paper, ...columns.map((column) => column.value(printed))])
    if (perPage) console.log([`${paper}:`, ...pageLines(printed.words, paper)].join('\n'))
  }
  const widths = (rows[0] as string[]).map((_, index) => Math.max(...rows.map((row) => (row[index] as string).length)))
  for (const row of rows) console.log(row.map((cell, index) => cell.padEnd(widths[index] as number)).join('  '))
}
console.log(`\nPDFs in ${out}`)
