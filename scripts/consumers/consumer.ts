// A TypeScript consumer of the published packages, type-checked strict under
// `module: nodenext` and `moduleResolution: bundler`, then run: load a corpus,
// resolve it, build the site, the EPUB and the PDF, and check what came out.
import assert from 'node:assert/strict'
import {hasErrors, loadCorpus, resolveEdition, type Corpus, type OutputFile, type ResolvedEdition} from '@samizdat/model'
import {toHtml} from '@samizdat/html'
import {toEpub} from '@samizdat/epub'
import {toPdf} from '@samizdat/pdf'
import {formats, type Format} from '@samizdat/cli'

const corpus: Corpus = await loadCorpus(process.argv[2] ?? 'corpus/field-notes')
assert.equal(hasErrors(corpus.files), false)
const id: string | undefined = corpus.editions[0]?.id
assert.ok(id !== undefined, 'the corpus has an edition')
const edition: ResolvedEdition = resolveEdition(corpus, id)
const titles: string[] = edition.works.map((work) => work.meta.title)
assert.deepEqual(titles, ['The First Note', 'The Second Note'])

// Every writer has one signature: (edition, {date, locale, report}) → Promise<OutputFile[]>.
const site: OutputFile[] = await toHtml(edition)
const index: OutputFile | undefined = site.find((file) => file.path === `${id}/index.html`)
assert.ok(index, 'the site has an index.html')

const [epubFile]: OutputFile[] = await toEpub(edition, {date: new Date(0)})
assert.ok(epubFile)
const epub: Uint8Array = epubFile.data
assert.equal(Buffer.from(epub.subarray(0, 2)).toString('latin1'), 'PK')

const [pdfFile]: OutputFile[] = await toPdf(edition, {date: new Date(0)})
assert.ok(pdfFile)
const pdf: Uint8Array = pdfFile.data
assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-')

const html: Format | undefined = formats['html']
assert.equal(html?.id, 'html')
console.log(`ts consumer: ${site.length} site files, EPUB ${epub.length} bytes, PDF ${pdf.length} bytes`)
