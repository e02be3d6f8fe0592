/**
 * A chapter as readers meet it (issue 11): its title (editorial, short, the source's kept), its opening
 * (title and authors only), its source note at the end (human dates in order, references to other works by
 * title, no internal id), captions of images it does not carry, and a preface and imprint written for
 * readers. Each rule on a small corpus of its own, then on the reader edition.
 */
import assert from 'node:assert/strict'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import {checkCorpus, corpusFromFiles, hasErrors, loadCorpus, resolveEdition, textOf, toApparatusJson, type ResolvedEdition} from '@samizdat/model'
import {reported} from './helpers/corpus.js'

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim()
const noteOf = (edition: ResolvedEdition, id: string): string => flat(textOf(edition.works.find((work) => work.meta.id === id)!.sourceNote))
const bodyOf = (edition: ResolvedEdition, id: string): string => flat(textOf(edition.works.find((work) => work.meta.id === id)!.tree))

const small = {
  'editions/book.yaml': 'id: book\ntitle: Book\nlanguage: en\nworks: [first-letter, second-letter]\n',
  'works/first-letter.md': [
    '---',
    'title: "The Leter"',
    'subtitle: "(from the parish book no.3)"',
    'editorialTitle: "The Letter of the Parish"',
    'editorialSubtitle: "(from the parish book no. 3)"',
    'shortTitle: "The parish letter"',
    'authors: ["Ann Example"]',
    'contributors: [{name: "Ben Example", role: trl}]',
    'date: "1740-05"',
    'rights: "Free to copy; see [[second-letter]]."',
    'publicationHistory:',
    '  - {date: "1741-02-03", event: "Printed, with [[second-letter]]."}',
    '  - {date: "1741", event: "Answered in the year.", source: "the reply"}',
    '  - {date: "1740-05-01/1740-05-03", event: "Read out."}',
    '  - {date: "1741-02", event: "Copied."}',
    '---',
    '',
    '*A view of the parish, 1740*',
    '',
    'The text of the letter.',
    ''
  ].join('\n'),
  'works/second-letter.md':
    '---\ntitle: The Reply\npublicationHistory:\n  - {date: "1742", event: "Answers second-letter and [[no-such-work]]."}\n---\n\nThe reply.\n',
  'annotations/first-letter.captions.yaml': 'annotations:\n  - {id: view, work: first-letter, kind: caption, quote: {exact: "A view of the parish, 1740"}}\n'
}

test('titles: the editorial title is the title readers see, the source’s is kept for the source note, the short one for heads and references', async () => {
  const book = resolveEdition(await corpusFromFiles(small), 'book')
  const first = book.works[0]!
  assert.equal(first.meta.title, 'The Letter of the Parish')
  assert.equal(first.meta.subtitle, '(from the parish book no.\u00A03)')
  assert.equal(first.meta.sourceTitle, '(from the parish book no.3)'.replace(/^/, 'The Leter '))
  assert.equal(first.meta.shortTitle, 'The parish letter')
  // A work without a short title is referred to by its title.
  assert.equal(book.works[1]!.meta.shortTitle, 'The Reply')
  assert.deepEqual(
    book.toc.map((entry) => entry.text),
    ['The Letter of the Parish', 'The Reply']
  )
  // The source's title still reads as the source does: fidelity compares that, not the editorial one.
  const corpus = await corpusFromFiles(small)
  assert.equal(corpus.works[0]!.meta.title, 'The Leter')
})

test('source note: credits beyond the authors, human dates, history in date order (a year before its months, a month before its days), references by title', async () => {
  const book = resolveEdition(await corpusFromFiles(small), 'book')
  assert.equal(
    noteOf(book, 'first-letter'),
    'Source: Title in the source: “The Leter (from the parish book no.3)”. Translated by Ben Example. Dated May 1740. Free to copy; see The Reply. ' +
      'Publication history: 1–3 May 1740: Read out. 1741: Answered in the year. (the reply) February 1741: Copied. 3 February 1741: Printed, with The Reply.'
  )
  const french = resolveEdition(await corpusFromFiles(small), 'book', {locale: 'fr'})
  assert.ok(noteOf(french, 'first-letter').includes('Historique de publication : 1–3 mai 1740 : Read out. 1741 : Answered'), noteOf(french, 'first-letter'))
  // The head of the chapter no longer carries any of it: the body starts with the text.
  assert.ok(!bodyOf(book, 'first-letter').includes('Read out'))
})

test('an internal id never reaches the reader: `[[id]]` names an unknown work, or an id is written bare: a warning at the field', async () => {
  const book = resolveEdition(await corpusFromFiles(small), 'book')
  assert.deepEqual(reported(book), [
    'works/second-letter.md:4:27: Reference `[[no-such-work]]` names no work of this edition: printed as `no-such-work` [reference-unknown]',
    "works/second-letter.md:4:27: The internal id `second-letter` would be printed as it is: write `[[second-letter]]` to print the work's title [reference-bare]"
  ])
  assert.equal(noteOf(book, 'second-letter'), 'Publication history: 1742: Answers second-letter and no-such-work.')
})

test('captions of images the edition does not carry: kept inside a bracketed editorial note, recorded in the apparatus', async () => {
  const book = resolveEdition(await corpusFromFiles(small), 'book')
  assert.equal(bodyOf(book, 'first-letter'), '[Image not reproduced; its caption in the source reads “A view of the parish, 1740”.] The text of the letter.')
  // The caption keeps the source's italics, inside the upright note.
  const paragraph = book.works[0]!.tree.children[0] as {children: Array<{type: string; kind?: string; children: Array<{type: string}>}>}
  assert.deepEqual(
    paragraph.children.map((node) => [node.type, node.kind, node.children.map((child) => child.type)]),
    [['annotated', 'caption', ['text', 'emphasis', 'text']]]
  )
  const french = resolveEdition(await corpusFromFiles(small), 'book', {locale: 'fr'})
  assert.ok(bodyOf(french, 'first-letter').startsWith('[Image non reproduite ; sa légende dans la source est « A view'), bodyOf(french, 'first-letter'))
  const json = toApparatusJson(book) as {annotations: {items: Array<{id: string; motivation: string}>}}
  assert.deepEqual(
    json.annotations.items.filter((item) => item.id === 'view').map((item) => item.motivation),
    ['describing']
  )
})

// The reader edition.
const corpus = await loadCorpus(fileURLToPath(new URL('../../../corpus', import.meta.url)))
const edition = resolveEdition(corpus, 'workers-opposition')

test('reader edition: three works once titled alike are told apart in the contents and running heads; the record is libcom.org’s', () => {
  assert.deepEqual(
    edition.works.map((work) => [work.meta.title, work.meta.shortTitle]),
    [
      ['The Workers’ Opposition: the libcom.org record', 'The libcom.org record'],
      ['The Workers’ Opposition: introduction to the Solidarity edition', 'The Solidarity introduction'],
      ['1919–1922: The Workers’ Opposition', 'The libcom.org history'],
      ['Were any of the Bolshevik oppositions a real alternative?', 'An Anarchist FAQ'],
      ['Workers’ Opposition: further reading on libcom.org', 'Further reading']
    ]
  )
  const record = edition.works[0]!.meta
  assert.deepEqual(
    record.creators.map((creator) => [creator.role, creator.name]),
    [
      ['aut', 'libcom.org'],
      ['ctb', 'Ed'],
      ['ctb', 'Fozzie'],
      ['ctb', 'adri']
    ]
  )
  const solidarity = edition.works[1]!.meta
  assert.equal(solidarity.subtitle, '(Taken from Solidarity (London) Pamphlet no.\u00A07)')
  assert.equal(solidarity.sourceTitle, 'The Workers Opposition (Taken from Solidarity(London)Pamphlet no.7)')
})

test('reader edition: source notes in date order with human dates and no internal id; the reader comments credited', () => {
  const solidarity = noteOf(edition, 'solidarity-introduction')
  assert.ok(solidarity.includes('(the year is 1922 according to a libcom.org comment; see The libcom.org record)'), solidarity)
  assert.ok(solidarity.includes('Title in the source: “The Workers Opposition (Taken from Solidarity(London)Pamphlet no.7)”'), solidarity)
  const record = noteOf(edition, 'kollontai-workers-opposition')
  assert.ok(record.includes('With contributions by Ed, Fozzie and adri. Dated 4 September 2007.'), record)
  assert.ok(record.indexOf('February 1921: Kollontai works') < record.indexOf('March 1921: Banned'), record)
  assert.ok(record.indexOf('25 January 1921') < record.indexOf('28 January 1921'), record)
  const ids = edition.works.map((work) => work.meta.id)
  for (const work of edition.works) {
    const text = noteOf(edition, work.meta.id)
    for (const id of ids) assert.ok(!text.includes(id), `${work.meta.id}'s source note prints ${id}`)
  }
  assert.deepEqual(
    reported(edition).filter((line) => /reference-/.test(line)),
    []
  )
})

test('reader edition: sources are named for readers, by the work’s title and its publisher (the locale’s words), never by the manifest’s file descriptions', () => {
  const names = [
    'The Workers’ Opposition (libcom.org)',
    'The Workers Opposition (Solidarity [London], via a web transcription)',
    '1919–1922: The Workers’ Opposition (libcom.org)',
    'Were any of the Bolshevik oppositions a real alternative? (An Anarchist FAQ)',
    'Workers Opposition (libcom.org)'
  ]
  assert.deepEqual(
    edition.meta.sources.map((source) => source.title),
    names
  )
  const french = resolveEdition(corpus, 'workers-opposition', {locale: 'fr'})
  assert.deepEqual(
    french.meta.sources.map((source) => source.title),
    names
  )
  const faq = noteOf(edition, 'afaq-oppositions')
  assert.ok(faq.startsWith('Source: Were any of the Bolshevik oppositions a real alternative? (An Anarchist FAQ).'), faq)
  for (const developer of ['append45', 'appendix page', 'library record', 'tag listing', 'libcom.org history']) {
    for (const work of edition.works) assert.ok(!noteOf(edition, work.meta.id).includes(developer), `${work.meta.id}'s source note says “${developer}”`)
    for (const source of edition.meta.sources) assert.ok(!source.title.includes(developer), source.title)
  }
  // The words are the locale's: an edition may write them otherwise.
  const other = resolveEdition(corpus, 'workers-opposition', {labels: {model: {sourceName: '{publisher}: {title}'}}})
  assert.equal(other.meta.sources[3]!.title, 'An Anarchist FAQ: Were any of the Bolshevik oppositions a real alternative?')
  // Brackets within brackets alternate, round then square (Chicago 6.101), at any depth, whichever part brings
  // them; square brackets written as such and a parenthesis that does not pair stay as they are.
  const named = (sourceName: string): string[] =>
    resolveEdition(corpus, 'workers-opposition', {labels: {model: {sourceName}}}).meta.sources.map((source) => source.title)
  assert.deepEqual(named('({publisher} ({title} (copy (of a copy))))').slice(1, 4), [
    '(Solidarity [London], via a web transcription [The Workers Opposition (copy [of a copy])])',
    '(libcom.org [1919–1922: The Workers’ Opposition (copy [of a copy])])',
    '(An Anarchist FAQ [Were any of the Bolshevik oppositions a real alternative? (copy [of a copy])])'
  ])
  assert.deepEqual(named('{title} [{publisher}] (see (1) :-)').slice(1, 2), [
    'The Workers Opposition [Solidarity (London), via a web transcription] (see [1] :-)'
  ])
  assert.deepEqual(named('{title} ({publisher} :-(').slice(1, 2), ['The Workers Opposition (Solidarity (London), via a web transcription :-('])
  assert.equal(noteOf(edition, 'solidarity-introduction').includes('(Solidarity [London], via a web transcription)'), true)
})

test('reader edition: the captions whose images the corpus lacks are editorial notes, nothing silently dropped; fidelity stays green', async () => {
  const record = bodyOf(edition, 'kollontai-workers-opposition')
  assert.ok(
    record.startsWith('[Image not reproduced; its caption in the source reads “Alexandra Kollontai at the International Women’s Conference, 1921”.]'),
    record
  )
  const reading = bodyOf(edition, 'related-reading')
  assert.equal(reading.match(/\[Image not reproduced; its caption in the source reads/g)?.length, 7)
  assert.equal(edition.apparatus.annotations.filter((annotation) => annotation.kind === 'caption').length, 8)
  const checked = await loadCorpus(fileURLToPath(new URL('../../../corpus', import.meta.url)))
  await checkCorpus(checked)
  assert.equal(hasErrors(checked.files), false)
})

test('reader edition: the preface is written for readers, no folders, checksums or build steps', () => {
  const preface = flat(textOf(edition.preface!.tree))
  for (const developer of ['sources/', 'SHA-256', 'manifest', 'standoff', 'work files', 'build time', 'built on']) {
    assert.ok(!preface.includes(developer), `the preface says “${developer}”`)
  }
  assert.ok(preface.includes('the checksums of those copies are published with the edition’s data'), preface)
})

test('reader edition: the sources’ checksums, out of the book, are in the apparatus JSON', () => {
  const json = toApparatusJson(edition) as {sources: Array<{work: string; file: string; sha256: string}>}
  assert.deepEqual(
    json.sources.map((source) => [source.work, source.file, source.sha256.length]),
    [
      ['kollontai-workers-opposition', '000_18439898bf096fe7.txt', 64],
      ['solidarity-introduction', '002_a6ada37ac24b90a3.txt', 64],
      ['libcom-history', '003_3f338e899216165a.txt', 64],
      ['afaq-oppositions', '004_cc4ce99e224b8650.txt', 64],
      ['related-reading', '001_0dbd461c35781ac4.txt', 64]
    ]
  )
})
