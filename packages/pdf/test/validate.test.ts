/** The PDF passes qpdf's check, is tagged, has the right page size, embeds every font, and carries its metadata. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {build, fixtureEdition, fixturePdf, hasTool, readerPdf, run} from './helpers.js'

const mm = 72 / 25.4

test('qpdf --check finds no errors', async (t) => {
  if (!hasTool(t, 'qpdf')) return
  for (const pdf of [await readerPdf(), await fixturePdf()]) {
    const output = run('qpdf', ['--check', pdf])
    assert.match(output, /No syntax or stream encoding errors found/)
    assert.doesNotMatch(output, /WARNING/)
  }
})

test('pdfinfo: tagged, PDF 1.7, A5 by default, metadata from the edition', async (t) => {
  if (!hasTool(t, 'pdfinfo')) return
  const info = run('pdfinfo', [await readerPdf()])
  assert.match(info, /^Tagged:\s+yes$/m)
  assert.match(info, /^PDF version:\s+1\.7$/m)
  assert.match(info, /^Page size:\s+419\.5\d* x 595\.2\d* pts/m)
  assert.match(info, /^Title:\s+The Workers’ Opposition: Alexandra Kollontai’s pamphlet of 1921 and its readers$/m)
  assert.match(info, /^Author:\s+The Samizdat editors; libcom.org; Theleme Anarres;/m)
  assert.match(info, /^Keywords:\s+Workers' Opposition; Russian Revolution;/m)
  assert.match(info, /^Subject:\s+Five texts on the Workers’ Opposition/m)
  assert.match(info, /^CreationDate:\s+Wed May {1,2}1 00:00:00 2024 UTC$/m)
  assert.match(info, /^ModDate:\s+Wed May {1,2}1 00:00:00 2024 UTC$/m)
})

test('the paper option sets A4 and US Letter', async (t) => {
  if (!hasTool(t, 'pdfinfo')) return
  const a4 = run('pdfinfo', [await build('fixture-a4', fixtureEdition, {paper: 'A4'})])
  assert.match(a4, new RegExp(`^Page size:\\s+${(210 * mm).toFixed(2).slice(0, -1)}\\d* x ${(297 * mm).toFixed(2).slice(0, -1)}\\d* pts`, 'm'))
  const letter = run('pdfinfo', [await build('fixture-letter', fixtureEdition, {paper: 'letter'})])
  assert.match(letter, /^Page size:\s+612 x 792 pts \(letter\)$/m)
})

test('pdffonts: every font embedded and subset, with a Unicode map', async (t) => {
  if (!hasTool(t, 'pdffonts')) return
  for (const pdf of [await readerPdf(), await fixturePdf()]) {
    const rows = run('pdffonts', [pdf]).trim().split('\n').slice(2)
    assert.ok(rows.length >= 3, 'several faces are used')
    for (const row of rows) {
      const [name, ...rest] = row.split(/\s+/)
      assert.match(name as string, /^[A-Z]{6}\+(EBGaramond|PTMono)-/, row)
      // emb sub uni: the three columns before the object id.
      assert.deepEqual(rest.slice(-5, -2), ['yes', 'yes', 'yes'], row)
    }
  }
})

test('XMP metadata: title, creators, subjects, language, escaped', async (t) => {
  if (!hasTool(t, 'pdfinfo')) return
  const xmp = run('pdfinfo', ['-meta', await readerPdf()])
  assert.match(
    xmp,
    /<dc:title><rdf:Alt><rdf:li xml:lang="x-default">The Workers’ Opposition: Alexandra Kollontai’s pamphlet of 1921 and its readers<\/rdf:li><\/rdf:Alt><\/dc:title>/
  )
  assert.match(xmp, /<dc:creator><rdf:Seq><rdf:li>The Samizdat editors<\/rdf:li><rdf:li>libcom.org<\/rdf:li>/)
  assert.match(xmp, /<dc:subject><rdf:Bag><rdf:li>Workers' Opposition<\/rdf:li>/)
  assert.match(xmp, /<dc:language><rdf:Bag><rdf:li>en<\/rdf:li><\/rdf:Bag><\/dc:language>/)
  assert.match(xmp, /<xmp:CreateDate>2024-05-01T00:00:00Z<\/xmp:CreateDate>/)
  assert.doesNotMatch(xmp, /&(?!amp;|lt;|gt;|quot;)/, 'ampersands are escaped')
})
