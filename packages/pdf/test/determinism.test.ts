/** Reproducible builds: the same edition and date give the same bytes; the date comes only from the caller or the edition. */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {toPdf} from '@samizdat/pdf'
import {date, fixtureEdition, hasTool, readerEdition, readerPdf, run} from './helpers.js'
import {join} from 'node:path'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'

test('two builds of the reader edition are byte-identical', async () => {
  const first = readFileSync(await readerPdf())
  const second = (await toPdf(await readerEdition(), {date}))[0]!.data
  assert.equal(Buffer.compare(first, Buffer.from(second)), 0)
})

test('the date changes the bytes, and only where it is written', async () => {
  const edition = await fixtureEdition()
  const a = (await toPdf(edition, {date}))[0]!.data
  const b = (await toPdf(edition, {date: new Date('2025-01-02T00:00:00Z')}))[0]!.data
  assert.notEqual(Buffer.compare(Buffer.from(a), Buffer.from(b)), 0)
  assert.equal(Buffer.compare(Buffer.from(a), Buffer.from((await toPdf(edition, {date}))[0]!.data)), 0)
})

test('without a date: the edition has none, so the epoch, never the clock', async (t) => {
  if (!hasTool(t, 'pdfinfo')) return
  const edition = await fixtureEdition()
  assert.equal(edition.meta.date, undefined)
  const file = join(mkdtempSync(join(tmpdir(), 'samizdat-pdf-')), 'undated.pdf')
  writeFileSync(file, (await toPdf(edition))[0]!.data)
  assert.match(run('pdfinfo', [file]), /^CreationDate:\s+Thu Jan {1,2}1 00:00:00 1970 UTC$/m)
  // The model parses `date` once into `issued`; the PDF uses that, never a parse of its own.
  const dated = {...edition, meta: {...edition.meta, date: '2023-06-15', issued: new Date(Date.UTC(2023, 5, 15))}}
  writeFileSync(file, (await toPdf(dated))[0]!.data)
  assert.match(run('pdfinfo', [file]), /^CreationDate:\s+Thu Jun 15 00:00:00 2023 UTC$/m)
})
