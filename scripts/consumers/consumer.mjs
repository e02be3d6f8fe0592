// A plain JavaScript consumer of the published packages: load a corpus, resolve
// it, build the site, the EPUB and the PDF, and check what came out.
import assert from 'node:assert/strict'
import {hasErrors, loadCorpus, resolveEdition} from '@samizdat/model'
import {toHtml} from '@samizdat/html'
import {toEpub} from '@samizdat/epub'
import {toPdf} from '@samizdat/pdf'
import {formats} from '@samizdat/cli'

const corpus = await loadCorpus(process.argv[2] ?? 'corpus/field-notes')
assert.equal(hasErrors(corpus.files), false, String(corpus.files.flatMap((file) => file.messages)))
const edition = resolveEdition(corpus, corpus.editions[0].id)

// Every writer has one signature: (edition, {date, locale, report}) → Promise<OutputFile[]>.
const site = await toHtml(edition)
const index = site.find((file) => file.path === `${edition.meta.id}/index.html`)
assert.ok(index, 'the site has an index.html')
assert.match(new TextDecoder().decode(index.data), /The First Note/)

const [{data: epub}] = await toEpub(edition, {date: new Date(0)})
assert.equal(Buffer.from(epub.subarray(0, 2)).toString('latin1'), 'PK')

const [{data: pdf}] = await toPdf(edition, {date: new Date(0)})
assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-')

assert.deepEqual(Object.keys(formats), ['html', 'epub', 'pdf'])
console.log(`js consumer: ${site.length} site files, EPUB ${epub.length} bytes, PDF ${pdf.length} bytes`)
