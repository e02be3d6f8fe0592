/** The public surface of @samizdat/pdf, and how it refuses bad options. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as pdf from '@samizdat/pdf'
import {UsageError} from '@samizdat/model'
import {fixtureEdition} from './helpers.js'
import {typeExports, valueExports} from '../../../scripts/exports.js'

test('the runtime exports of @samizdat/pdf are exactly these, each of this kind', () => {
  assert.deepEqual(valueExports(pdf), {
    papers: 'array',
    toBooklet: 'function',
    toPdf: 'function'
  })
  assert.deepEqual(pdf.papers, ['A5', 'A4', 'Letter'])
})

test('the type-only exports of @samizdat/pdf are exactly these', () => {
  assert.deepEqual(typeExports('pdf'), {
    BookletOptions: 'interface',
    Labels: 'type',
    Paper: 'type',
    PdfOptions: 'interface'
  })
})

test('toPdf follows the writer contract: one file, `<edition id>.pdf`, the bytes of a PDF', async () => {
  const edition = await fixtureEdition()
  const files = await pdf.toPdf(edition, {date: new Date(0)})
  assert.deepEqual(
    files.map((file) => file.path),
    [`${edition.meta.id}.pdf`]
  )
  const bytes = files[0]!.data
  assert.ok(bytes instanceof Uint8Array)
  assert.equal(Buffer.from(bytes.subarray(0, 8)).toString('latin1'), '%PDF-1.7')
  assert.match(Buffer.from(bytes.subarray(-6)).toString('latin1'), /%%EOF\s*$/)
})

test('an unknown paper or an invalid date is a usage error that quotes it', async () => {
  const edition = await fixtureEdition()
  await assert.rejects(pdf.toPdf(edition, {paper: 'B5'}), (error: unknown) => error instanceof UsageError && /`B5`/.test(error.message))
  await assert.rejects(
    pdf.toPdf({...edition, meta: {...edition.meta, paper: 'folio'}}),
    (error: unknown) => error instanceof UsageError && /`folio`/.test(error.message)
  )
  await assert.rejects(pdf.toPdf(edition, {date: new Date('not a date')}), (error: unknown) => error instanceof UsageError && /date/.test(error.message))
})

test('labels replace the printed words', async () => {
  const bytes = (await pdf.toPdf(await fixtureEdition(), {date: new Date(0), labels: {contents: 'Inhalt'}, compress: false}))[0]!.data
  const text = Buffer.from(bytes).toString('latin1')
  assert.match(text, /\/Title \(Inhalt\)|Inhalt/)
})
