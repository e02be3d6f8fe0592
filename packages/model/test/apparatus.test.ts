import assert from 'node:assert/strict'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import {Ajv} from 'ajv'
import type {Link, Nodes} from 'mdast'
import {apparatusJsonSchema, corpusFromFiles, loadCorpus, resolveEdition, textOf, toApparatusJson} from '@samizdat/model'
import {reported} from './helpers/corpus.js'

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url))
const corpus = await loadCorpus('apparatus', {cwd: fixtures})
const edition = resolveEdition(corpus, 'apparatus')
// Loading's messages are on the corpus files; resolving's come back with the edition, naming their file.
const messages = corpus.files.flatMap((file) =>
  [...file.messages, ...edition.messages.filter((m) => m.file === file.path)].map((m) => `${file.path}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`)
)

/** A tree as one kind of format shows it: without what only the other kind shows. */
function only<T extends Nodes>(tree: T, format: 'web' | 'paged'): T {
  const copy = structuredClone(tree)
  const walk = (node: Nodes): void => {
    if (!('children' in node)) return
    ;(node.children as Nodes[]) = (node.children as Nodes[]).filter((child) => child.data?.only === undefined || child.data.only === format)
    for (const child of node.children as Nodes[]) walk(child)
  }
  walk(copy)
  return copy
}

function find(type: string, tree: Nodes): Nodes[] {
  const out: Nodes[] = []
  const walk = (node: Nodes): void => {
    if (node.type === type) out.push(node)
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return out
}

test('anchors that match nothing, more than once, or across markup are errors with every place', () => {
  assert.deepEqual(messages, [
    'apparatus/works/essay.md:9:32: Citation not resolved: “Op. Cit.” closes a passage that names an author with no earlier citation here; the preceding citation is by someone else [citation-ambiguous]',
    'apparatus/annotations/essay.yaml:23:12: Annotation `ambiguous`: “workers of” matches 2 times in work `essay` (apparatus/works/essay.md:4:5, apparatus/works/essay.md:4:34): add a prefix or suffix [anchor-ambiguous]',
    'apparatus/annotations/essay.yaml:28:12: Annotation `missing`: “not in the text” not found in work `essay` (apparatus/works/essay.md) [anchor-missing]',
    'apparatus/annotations/essay.yaml:33:12: Annotation `across`: the quote crosses markup (emphasis, a link…); a correction must lie within one run of text [anchor-spans-markup]'
  ])
})

test('a correction shows the corrected reading and keeps the original', () => {
  const [correction] = find('correction', edition.works[0]!.tree)
  assert.deepEqual(correction, {
    type: 'correction',
    id: 'corr-1961',
    sic: '196 1',
    reason: 'OCR: a space inside the number',
    // Marked in the text (the edition's `correctionMarks`, a dot unless it says otherwise).
    mark: 'dot',
    children: [{type: 'text', value: '1961'}]
  })
})

test("correctionMarks: each corrected reading carries the edition's mark once, in its place; none leaves it unmarked", async () => {
  const marks = async (value: string) => {
    const corpus = await corpusFromFiles({
      'editions/ed.yaml': `title: Ed\ncorrectionMarks: ${value}\n`,
      'works/a.md': '---\ntitle: A\n---\nThe leter of 196 1.\n',
      'works/b.md': '---\ntitle: B\n---\nAs A wrote: the leter.\n',
      'annotations/a.yaml': [
        'annotations:',
        '  - {id: c1, work: a, kind: correction, quote: {exact: "leter"}, corr: letter, reason: typo}',
        '  - {id: c2, work: a, kind: correction, quote: {exact: "196 1"}, corr: "1961", reason: OCR}',
        '  - {id: x1, work: b, kind: crossref, quote: {exact: "the leter"}, target: {work: a, quote: {exact: "The leter of 196 1."}}, quotes: true}'
      ].join('\n')
    })
    if (corpus.editions.length === 0) return corpus.files.flatMap((file) => file.messages.map((message) => `${message.reason} [${message.ruleId}]`))
    const resolved = resolveEdition(corpus, 'ed')
    return resolved.works.flatMap((work) =>
      (find('correction', work.tree) as Array<{id: string; mark?: string}>).map((node) => `${work.meta.id}:${node.id}:${node.mark ?? '-'}`)
    )
  }
  assert.deepEqual(await marks('bracket'), ['a:c1:bracket', 'a:c2:bracket'])
  assert.deepEqual(await marks('dot'), ['a:c1:dot', 'a:c2:dot'])
  assert.deepEqual(await marks('none'), ['a:c1:-', 'a:c2:-'])
  assert.match((await marks('stars')).join(), /correctionMarks/)
})

test('notes are numbered in reading order, marked after their quote, with their body', () => {
  const work = edition.works[0]!
  assert.deepEqual(
    work.notes.map((note) => [note.id, note.refId, note.number, textOf({type: 'root', children: note.children})]),
    [['note-petrograd', 'ref-note-petrograd', 1, 'The workers of the capital.']]
  )
  const paragraph = work.tree.children[0]!
  const text = textOf(paragraph)
  assert.ok(text.startsWith('The workers'), text)
  const [mark] = find('noteReference', paragraph)
  assert.deepEqual(mark, {type: 'noteReference', id: 'ref-note-petrograd', noteId: 'note-petrograd', label: '1'})
})

test('person mentions come from the register, misspellings included', () => {
  const persons = edition.apparatus.persons.map((person) => [person.id, person.mentions.map((m) => `${m.work}:${m.line}:${m.column}`)])
  assert.deepEqual(persons, [
    ['kollontai', ['essay:5:1', 'essay:7:25']],
    ['shliapnikov', ['essay:5:26']]
  ])
})

test('citations are parsed and resolved, Op. Cit. by the credited author, Ibid. by the preceding one', () => {
  assert.deepEqual(
    edition.apparatus.citations.map((c) => [c.text, c.parts[0]!.itemId, c.parts[0]!.resolution, c.parts[0]!.locator]),
    [
      ['**Selected Writings**, p. 161', 'kollontai-selected', 'explicit', 'p. 161'],
      ['**Op. Cit.**, p. 12', undefined, 'ambiguous', 'p. 12'],
      ['**Ibid.**', 'kollontai-selected', 'ibid', undefined]
    ]
  )
})

test('crossrefs link to their target; the target gathers what quotes it', () => {
  const [annotated] = find('annotated', edition.works[0]!.tree).filter((node) => (node as {kind?: string}).kind === 'crossref')
  const [link] = find('link', annotated!)
  assert.deepEqual((link as {data?: unknown}).data, {target: {work: 'pamphlet', id: 'pamphlet'}})
  const pamphlet = edition.works[1]!
  assert.match(
    textOf(pamphlet.tree),
    /As quoted in this edition\s+“the building\s+of Communism belongs to the workers”\s—\squoted in An essay, citing p\.\s161\./
  )
})

test('back matter: corrections, bibliography with back-links, index of persons, timeline', () => {
  assert.deepEqual(
    edition.backMatter.map((section) => section.title),
    ['Corrections', 'Bibliography', 'Index of persons', 'Timeline']
  )
  const [corrections, bibliography, index, timeline] = edition.backMatter.map((section) => textOf(only(section.tree, 'web')).replace(/\s+/g, ' '))
  assert.match(corrections!, /1961 for “196 1”: OCR: a space inside the number/)
  // Chicago notes-and-bibliography, an unknown date left out (no "n.d."), whatever style the citations follow.
  assert.match(bibliography!, /Kollontai, Alexandra\. Selected Writings of Alexandra Kollontai\. Cited: 1, 2/)
  assert.doesNotMatch(bibliography!, /n\.d\./)
  assert.match(index!, /Kollontai, Alexandra \(1872–1952\), Bolshevik\. An essay Shliapnikov, Alexander\. An essay/)
  assert.match(timeline!, /1961 The meeting\. An essay/)
  // Paged formats: the place of a correction as page and line, page numbers for the rest.
  const paged = edition.backMatter.map((section) => textOf(only(section.tree, 'paged')).replace(/\s+/g, ' '))
  assert.match(paged[0]!, /p\. , l\. : 1961 for “196 1”/)
  assert.match(paged[2]!, /Bolshevik\. 1, 2 Shliapnikov/)
  // No bullets: every list of the back matter is a hanging-indent list.
  const lists = edition.backMatter.map((section) => section.tree.children.find((node) => node.type === 'list')?.data?.hanging === true)
  assert.deepEqual(lists, [true, true, true, true])
})

test('the apparatus JSON is valid against its schema', () => {
  const json = toApparatusJson(edition)
  const ajv = new Ajv({strict: false})
  const valid = ajv.validate(apparatusJsonSchema, json)
  assert.equal(valid, true, JSON.stringify(ajv.errors))
  const items = (json['annotations'] as {items: Array<{id: string; motivation: string; target: {selector: unknown[]}}>}).items
  assert.deepEqual(
    items.map((item) => [item.id, item.motivation]),
    [
      ['corr-1961', 'editing'],
      ['note-petrograd', 'commenting'],
      ['xref-building', 'linking']
    ]
  )
  assert.deepEqual(items[0]!.target.selector, [
    {type: 'TextQuoteSelector', exact: '196 1'},
    {type: 'TextPositionSelector', start: 58, end: 63}
  ])
})

test('GFM footnotes and editorial notes share one numbering in reading order', async () => {
  const footnotes = await loadCorpus('footnotes', {cwd: fixtures})
  const resolved = resolveEdition(footnotes, 'footnotes')
  const work = resolved.works[0]!
  assert.deepEqual(
    work.notes.map((note) => [note.number, note.kind, note.id, textOf({type: 'root', children: note.children})]),
    [
      [1, 'footnote', 'text-fn-a', 'The author’s first note.'],
      [2, 'note', 'note-congress', 'The editors’ note.'],
      [3, 'footnote', 'text-fn-b', 'The author’s second note.']
    ]
  )
  const marks = find('noteReference', work.tree).map((node) => [(node as {label: string}).label, (node as {noteId: string}).noteId])
  assert.deepEqual(marks, [
    ['1', 'text-fn-a'],
    ['2', 'note-congress'],
    ['3', 'text-fn-b'],
    ['1', 'text-fn-a']
  ])
  assert.deepEqual(find('footnoteDefinition', work.tree), [])
  assert.deepEqual(resolved.backMatter, [])
})

test('a language annotation marks a passage with its language tag', async () => {
  const corpus = await loadCorpus('footnotes', {cwd: fixtures})
  const work = resolveEdition(corpus, 'footnotes').works[0]!
  const [span] = find('annotated', work.tree)
  assert.deepEqual(span, {
    type: 'annotated',
    id: 'lang-edinonachalie',
    kind: 'language',
    lang: 'ru-Latn',
    children: [{type: 'text', value: 'edinonachalie', position: (span as {children: Array<{position: unknown}>}).children[0]!.position}]
  })
})

test('the apparatus is validated: unknown kind, missing field and unknown work are errors at their place', async () => {
  const bad = await loadCorpus('bad-apparatus', {cwd: fixtures})
  const reported = bad.files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`))
  assert.deepEqual(reported, [
    'bad-apparatus/annotations/bad.yaml:4:11: Unexpected value in annotation `wrong-kind` at `kind`: expected one of "note", "correction", "conflict", "crossref", "person", "language", "caption" [field-invalid]',
    'bad-apparatus/annotations/bad.yaml:6:5: Missing required field `reason` in annotation `no-reason` [field-missing]',
    'bad-apparatus/annotations/bad.yaml:12:11: Unknown work `missing` in annotation `no-such-work` [work-unknown]'
  ])
})

// A corpus of its own for the rules of issue 11: one note at several places, timeline order and dates,
// section links with short titles.
test('a note written once for several places: the first in reading order carries it, the others refer to it', async () => {
  const corpus = await corpusFromFiles({
    'works/first.md':
      '---\ntitle: The First Text of Two\nshortTitle: First\n---\n# The First Text of Two\n\n## Opening\n\nThe congress met in March.\n\n## Later\n\nThe congress met again, and the congress closed.\n',
    'works/second.md': '---\ntitle: Second\n---\n# Second\n\nA letter on the congress.\n',
    'annotations/shared.yaml': [
      'annotations:',
      '  - id: note-congress',
      '    kind: note',
      '    anchors:',
      '      - {work: second, quote: {exact: "on the congress"}}',
      '      - {work: first, quote: {exact: "again"}}',
      '      - {work: first, quote: {exact: "met in March"}}',
      '    body: "The Tenth Congress."',
      '    sources: [{credit: "Editors"}]',
      '  - id: note-single',
      '    work: second',
      '    kind: note',
      '    quote: {exact: "A letter"}',
      '    body: "A single place, written the old way."'
    ].join('\n'),
    'persons.yaml': 'persons:\n  - {id: congress, name: Congress, variants: [congress]}\n',
    'timeline.yaml': [
      'events:',
      '  - {date: "1921-03-08", label: "A day", mentions: [{work: first, quote: {exact: "met in March"}}]}',
      '  - {date: "1918-03-06/1918-03-08", label: "A range", mentions: [{work: first, quote: {exact: "closed"}}]}',
      '  - {date: "1921-03", label: "A month", mentions: [{work: second, quote: {exact: "letter"}}]}'
    ].join('\n')
  })
  const resolved = resolveEdition(corpus, corpus.editions[0]!.id)
  assert.deepEqual(reported(resolved), [])
  const notes = resolved.works.map((work) => work.notes.map((note) => [note.number, textOf(only({type: 'root', children: note.children}, 'web'))]))
  assert.deepEqual(notes, [
    [
      [1, 'The Tenth Congress.'],
      [2, 'See note 1.']
    ],
    [
      [1, 'A single place, written the old way.'],
      [2, 'See note 1 in First.']
    ]
  ])
  // Paged formats: the page of the note that carries the text (a page reference the PDF fills in).
  const [, reference] = resolved.works[1]!.notes
  // (the link's `1` is a placeholder the PDF replaces with the page number)
  assert.equal(textOf(only({type: 'root', children: reference!.children}, 'paged')), 'See note 1, p. 1.')
  const link = (find('link', {type: 'root', children: reference!.children}) as Link[]).find((node) => node.data?.pageRef === true)
  assert.deepEqual(link?.data?.target, {work: 'first', id: 'note-congress'})

  const [index, timeline] = resolved.backMatter.map((section) => textOf(only(section.tree, 'web')))
  // The index links each work by its short title, then each further section that mentions the person.
  assert.equal(index, 'Congress. First, Later; Second')
  // In French, a narrow no-break space before the semicolon between works.
  const french = resolveEdition(corpus, corpus.editions[0]!.id, {locale: 'fr'})
  assert.equal(textOf(only(french.backMatter[0]!.tree, 'web')), 'Congress. First, Later\u202F; Second')
  // In date order, a month before its days; human dates.
  assert.equal(timeline, '6–8 March 1918 A range. First\n\nMarch 1921 A month. Second\n\n8 March 1921 A day. First')
})

test('an editor’s note names at its end the bibliography items it rests on (not the editors), in the edition’s language', async () => {
  const files = {
    'editions/book.yaml': 'id: book\ntitle: Book\nlanguage: en\nworks: [essay]\n',
    'works/essay.md': '---\ntitle: Essay\n---\n\nThe sailors of Kronstadt rose; the congress met.\n\nThe sources disagree on the year.\n',
    'bibliography.yaml': [
      'items:',
      '  - {id: avrich, type: book, title: "Kronstadt 1921", author: [{family: Avrich, given: Paul}]}',
      '  - {id: pair, type: book, title: "Two Hands", author: [{family: Smith}, {family: Jones}]}',
      '  - {id: group, type: book, title: "Spartakism", author: [{literal: "Aberdeen Solidarity"}]}',
      '  - {id: theses, type: document, title: "Theses"}',
      ''
    ].join('\n'),
    'annotations/essay.yaml': [
      'annotations:',
      '  - {id: one, work: essay, kind: note, quote: {exact: Kronstadt}, body: "A fortress.", sources: [{credit: Editors}, {credit: avrich, where: "ch. 2"}]}',
      '  - {id: many, work: essay, kind: note, quote: {exact: congress}, body: "The Tenth.", sources: [{credit: pair}, {credit: group}, {credit: theses}, {credit: pair}]}',
      '  - {id: none, work: essay, kind: note, quote: {exact: sailors}, body: "Sailors.", sources: [{credit: Editors}]}',
      '  - id: clash',
      '    work: essay',
      '    kind: conflict',
      '    quote: {exact: "the year"}',
      '    body: "Which year?"',
      '    sources: [{credit: avrich}]',
      '    claims: [{claim: "1921", credit: "One"}, {claim: "1922", credit: "Other"}]',
      ''
    ].join('\n')
  }
  const corpus = await corpusFromFiles(files)
  const book = resolveEdition(corpus, 'book')
  assert.deepEqual(reported(book), [])
  const text = (edition: typeof book) => edition.works[0]!.notes.map((note) => [note.id, textOf({type: 'root', children: note.children}).replace(/\s+/g, ' ')])
  assert.deepEqual(text(book), [
    ['none', 'Sailors.'],
    ['one', 'A fortress. Source: Avrich, Kronstadt 1921.'],
    ['many', 'The Tenth. Sources: Smith and Jones, Two Hands; Aberdeen Solidarity, Spartakism; Theses.'],
    ['clash', 'The sources disagree: 1921 (One) 1922 (Other) Which year? Source: Avrich, Kronstadt 1921.']
  ])
  // The title is set as a title (in italics).
  const last = book.works[0]!.notes[1]!.children.at(-1) as {children: Nodes[]}
  assert.deepEqual(
    last.children.map((node) => node.type),
    ['text', 'text', 'emphasis', 'text']
  )
  // French words: the label with its no-break space before the colon, names joined by “et”, a narrow no-break
  // space before each semicolon.
  const french = resolveEdition(corpus, 'book', {locale: 'fr'})
  const closing = french.works[0]!.notes[2]!.children.at(-1) as Nodes
  assert.equal(textOf(closing), 'Sources\u00A0: Smith et Jones, Two Hands\u202F; Aberdeen Solidarity, Spartakism\u202F; Theses.')
})
