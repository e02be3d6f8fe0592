/**
 * The reader edition's facts and text (issue 11): each fact an independent check found wrong, each
 * missed transcription error and each missed conflict, asserted on the resolved reader edition; and
 * the `emendation` mark of corrections, on a small corpus of its own.
 */
import assert from 'node:assert/strict'
import type {Nodes} from 'mdast'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import {corpusFromFiles, formatDate, loadCorpus, resolveEdition, textOf, toApparatusJson, type ResolvedEdition} from '@samizdat/model'

const corpus = await loadCorpus(fileURLToPath(new URL('../../../corpus', import.meta.url)))
const edition = resolveEdition(corpus, 'workers-opposition')
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** The text of a note of the edition, by annotation id, with white space collapsed. */
function note(id: string): string {
  for (const work of edition.works) {
    const found = work.notes.find((candidate) => candidate.id === id)
    if (found) return flat(textOf({type: 'root', children: found.children}))
  }
  assert.fail(`no note ${id} in the edition`)
}

const annotation = (id: string) => {
  const found = edition.apparatus.annotations.find((candidate) => candidate.id === id)
  assert.ok(found, `no annotation ${id}`)
  return found
}

/** The list of corrections as the web shows it (paged formats add each place's page and line). */
const corrections = (of: ResolvedEdition): string => {
  const tree = structuredClone(of.backMatter.find((section) => section.kind === 'corrections')!.tree)
  const web = (node: Nodes): void => {
    if (!('children' in node)) return
    ;(node.children as Nodes[]) = (node.children as Nodes[]).filter((child) => child.data?.only !== 'paged')
    for (const child of node.children as Nodes[]) web(child)
  }
  web(tree)
  return flat(textOf(tree))
}

/** The places of a shared note in reading order: the text of the note each gives (the first, the note; the others, a reference). */
function places(id: string): Array<{work: string; text: string}> {
  const anchors = edition.apparatus.annotations.filter((candidate) => candidate.id === id)
  return edition.works.flatMap((work) =>
    work.notes
      .filter((candidate) => anchors.some((anchor) => anchor.anchorId === candidate.id))
      .map((found) => ({work: work.meta.id, text: flat(textOf({type: 'root', children: found.children}))}))
  )
}

test('the Appeal of the 22: Kollontai is not among the twenty-two; one note, printed once, referred to at its other places', () => {
  const [first, ...later] = places('note-appeal-22')
  assert.equal(first?.work, 'kollontai-workers-opposition')
  assert.ok(first.text.includes('among them Shliapnikov and Medvedev; Alexandra Kollontai and Zoia Shadurskaia added their signatures afterwards'), first.text)
  assert.ok(first.text.includes('the Eleventh Party Congress (March–April 1922) condemned its signatories'), first.text)
  assert.ok(!first.text.includes('Medvedev and Kollontai'), first.text)
  assert.deepEqual(
    later.map((place) => place.work),
    ['libcom-history', 'afaq-oppositions', 'related-reading']
  )
  for (const place of later) assert.match(place.text, /^See note \d+(, p\. \d+)? ?(in .*)?\.$/, place.text)
})

test('the Kronstadt notes give the resolution’s second point whole, anarchists included: one note for the four texts', () => {
  const [first, ...later] = places('note-kronstadt')
  assert.equal(first?.work, 'solidarity-introduction')
  assert.ok(first.text.includes('freedom of speech and press “for workers and peasants, for anarchists and left socialist parties”'), first.text)
  // Every fact the four notes stated: the February strikes, the slogan, the congress's delegates.
  for (const fact of [
    'After strikes in Petrograd in February',
    '“All power to the soviets” had been the Bolsheviks’ own slogan of 1917',
    'delegates to the Tenth Party Congress took part in the assault'
  ])
    assert.ok(first.text.includes(fact), fact)
  assert.deepEqual(
    later.map((place) => place.work),
    ['libcom-history', 'afaq-oppositions', 'related-reading']
  )
  for (const place of later) assert.doesNotMatch(place.text, /Kronstadt/)
})

test('across every note and conflict of the edition: no sentence puts Kollontai among the twenty-two; every Kronstadt demand of free speech names the anarchists', () => {
  const texts = edition.works.flatMap((work) => work.notes.map((found) => [found.id, flat(textOf({type: 'root', children: found.children}))] as const))
  for (const [id, text] of texts) {
    for (const sentence of text.split(/(?<=\.) /)) {
      if (/twenty-two|signatories|signed/.test(sentence) && sentence.includes('Kollontai'))
        assert.match(sentence, /added their signatures afterwards|proposal to expel/, `${id}: ${sentence}`)
      if (/Kronstadt|sailors/.test(text) && /freedom of speech and press/.test(sentence))
        assert.match(sentence, /for anarchists and left socialist parties/, `${id}: ${sentence}`)
    }
  }
  assert.ok(texts.some(([, text]) => text.includes('for anarchists and left socialist parties')))
})

test('the Kommunist note tells the Petrograd newspaper from the Moscow journal, and keeps 1918 against 1920', () => {
  const text = note('faq-note-kommunist')
  assert.ok(text.includes('a Petrograd newspaper, Kommunist, which a Petrograd city party conference ordered suspended'), text)
  assert.ok(text.includes('the Moscow theoretical journal Kommunist, meant here, whose first issue appeared in April 1918'), text)
  assert.ok(text.includes('the year is 1918, not 1920 as printed here'), text)
  assert.ok(!text.includes('was the Left Communists’ journal'), text)
})

test('the preface: libcom’s 2007 note gave 1921, and 1922 is the correction of 2025', () => {
  const text = flat(textOf(edition.preface!.tree))
  assert.ok(text.includes('from April to August 1921; the record now reads 1922, a correction of 2025'), text)
  assert.ok(
    !text.includes(
      'a note of 2007 saying that the text first appeared in Pravda on 25 January 1921, was banned in March by the Tenth Congress and was serialised in Sylvia Pankhurst’s Workers’ Dreadnought from April to August 1922'
    )
  )
})

test('Castoriadis’s pamphlet is From Bolshevism to the Bureaucracy, Solidarity Pamphlet No. 24, 1967', () => {
  assert.ok(note('sol-note-cardan').includes('From Bolshevism to the Bureaucracy (Solidarity Pamphlet No. 24, 1967)'))
  const item = edition.apparatus.bibliography.find((entry) => entry.id === 'cardan-bolshevism-bureaucracy')!
  assert.deepEqual([item.title, item['collection-number'], item['issued']], ['From Bolshevism to the Bureaucracy', 24, {'date-parts': [[1967]]}])
})

test('the note on the movements of the 1960s and 1970s no longer calls them all “after 1968”', () => {
  const text = note('sol-note-1970s-movements')
  assert.ok(!text.includes('after 1968'), text)
  assert.ok(
    text.startsWith(
      'The examples span two decades of radical movements, from the Situationist International, founded in 1957, to the Italian youth movement of 1977.'
    ),
    text
  )
})

test('Solidarity’s first reprint: a conflict note, 1961 against 1962, not a silent choice', () => {
  const conflict = annotation('conflict-first-reprint-sol')
  assert.equal(conflict.kind, 'conflict')
  if (conflict.kind !== 'conflict') return
  assert.deepEqual(
    conflict.claims.map((claim) => claim.claim),
    // Claims are quoted as the texts write them (no house typography).
    ["Solidarity republished Kollontai's text in 1961.", "1962, Solidarity Pamphlet No. 8 (the editors' summary, not a quotation)"]
  )
  assert.ok(note('conflict-first-reprint-sol').includes('the edition does not choose between them'))
  // The editor's note that stated 1961 on its own now gives both years.
  assert.ok(note('note-solidarity').includes('in 1961 according to the introduction in this edition, in 1962 according to Solidarity’s own pamphlet of 1967'))
})

test('Kollontai led the Workers’ Opposition, or sided with it: a conflict note with both sides, at both places', () => {
  for (const id of ['conflict-kollontai-role']) {
    const conflict = annotation(id)
    if (conflict.kind !== 'conflict') assert.fail(`${id} is a ${conflict.kind}`)
    assert.deepEqual(
      conflict.claims.map((claim) => claim.work),
      ['libcom-history', 'related-reading', 'related-reading', 'kollontai-workers-opposition', 'kollontai-workers-opposition']
    )
    // Led: the history and the reading list; sided with a faction led by others: Wikipedia as quoted in the comments.
    assert.ok(conflict.claims[0]!.claim.includes('Alexander Shliapnikov, Alexandra Kollontai and Sergei Medvedev'))
    assert.ok(conflict.claims[1]!.claim.includes("Leading Workers' Opposition activist"))
    assert.ok(conflict.claims[3]!.claim.includes('she publicly sided with the Workers'))
    assert.ok(conflict.claims[3]!.claim.includes('was led by Shliapnikov and by Sergei Medvedev'))
  }
})

test('corrections beyond transcription are marked as editorial emendations, and listed as such', () => {
  const marked = edition.apparatus.annotations
    .filter((candidate) => candidate.kind === 'correction' && candidate.emendation)
    .map((candidate) => candidate.id)
    .sort()
  assert.deepEqual(marked, [
    'afaq-corr-cleverer',
    'afaq-corr-engaged-in',
    'afaq-corr-in-its-opinion',
    'afaq-corr-on-this-score',
    'afaq-corr-oppositions-within',
    'afaq-corr-proletariat-was',
    'afaq-corr-revolution-failed',
    'afaq-corr-state-capitalism',
    'afaq-corr-syndicalist-deviation',
    'afaq-corr-who-is-in-charge',
    'lch-corr-independent-thought',
    'lch-corr-manifests-itself',
    'sol-corr-possibilities-and-the-cracks',
    'sol-corr-still-being-persecuted',
    'sol-corr-trade-traditional',
    'sol-corr-traditional-belief'
  ])
  const list = corrections(edition)
  assert.ok(list.includes('within for “with” (editorial emendation): “Oppositions with the Bolshevik party” may be a slip'), list)
  assert.ok(
    list.includes('“traditional” for “trade "traditional"” (editorial emendation): OCR: a stray word, removed on a guess not checked against a printed copy'),
    list
  )
  // A plain correction is listed as before.
  assert.ok(list.includes('1961 for “196 1”: OCR: space inside a number'), list)
})

test('missed transcription errors are corrections that keep the original reading', () => {
  const found = edition.apparatus.annotations
    .filter((candidate) => candidate.kind === 'correction')
    .filter((candidate) =>
      [
        'afaq-corr-proletariat-was',
        'afaq-corr-state-capitalism',
        'afaq-corr-neither-trotsky',
        'sol-corr-large-sections',
        'afaq-corr-revolution-failed',
        'sol-corr-personalities-stop'
      ].includes(candidate.id)
    )
    .map((candidate) => (candidate.kind === 'correction' ? [candidate.id, flat(candidate.quote.exact), candidate.corr] : []))
  assert.deepEqual(found, [
    ['afaq-corr-revolution-failed', 'revolution than', 'revolution failed than'],
    ['afaq-corr-state-capitalism', 'state', 'state capitalism'],
    ['afaq-corr-proletariat-was', 'as', 'was'],
    ['afaq-corr-neither-trotsky', 'Trotsky, nor the Left Opposition, supported', 'Neither Trotsky nor the Left Opposition supported'],
    ['sol-corr-large-sections', 'actions', 'sections'],
    ['sol-corr-personalities-stop', 'personalities.).', 'personalities).']
  ])
  // Found in the proofreading pass of every work against its source.
  const proofread = edition.apparatus.annotations.flatMap((candidate) =>
    candidate.kind === 'correction' &&
    ['afaq-corr-way-in-which', 'afaq-corr-demand-was', 'afaq-corr-his-supporter', 'afaq-corr-oppositions-which-were', 'rr-corr-role-women-played'].includes(
      candidate.id
    )
      ? [[candidate.id, candidate.quote.exact, candidate.corr]]
      : []
  )
  assert.deepEqual(proofread, [
    ['afaq-corr-way-in-which', 'limited way which', 'limited way in which'],
    ['afaq-corr-demand-was', 'were too much', 'was too much'],
    ['afaq-corr-his-supporter', 'his support Max Eastman', 'his supporter Max Eastman'],
    ['afaq-corr-oppositions-which-were', 'opposition which were', 'oppositions which were'],
    ['rr-corr-role-women-played', 'role in which women played in Russian Revolution', 'role which women played in the Russian Revolution']
  ])
  // In the text the edition reads the correction; the source's reading stays on the node.
  const sol = flat(textOf(edition.works.find((work) => work.id === 'solidarity-introduction')!.tree))
  assert.ok(sol.includes('The same holds true for large sections of the women’s movement.'), sol)
  const faq = flat(textOf(edition.works.find((work) => work.id === 'afaq-oppositions')!.tree))
  assert.ok(faq.includes('Neither Trotsky nor the Left Opposition supported “genuine” working-class democracy'), faq)
  assert.ok(faq.includes('“‘high’ appreciation of state capitalism” had been given'), faq)
  assert.ok(faq.includes('the dictatorship of the proletariat was the ‘dictatorship of the party.’'), faq)
  assert.ok(faq.includes('the real reasons the Russian revolution failed than'), faq)
})

test('the word-by-word proofreading of the FAQ: each error a reader stumbles over is a correction, conjectures marked as such', () => {
  const found = edition.apparatus.annotations.flatMap((candidate) =>
    candidate.kind === 'correction' &&
    [
      'afaq-corr-in-its-opinion',
      'afaq-corr-and-he-was',
      'afaq-corr-who-is-in-charge',
      'afaq-corr-ways-in-which',
      'afaq-corr-the-ruling-clique',
      'afaq-corr-engaged-in'
    ].includes(candidate.id)
      ? [[candidate.id, candidate.quote.exact, candidate.corr, candidate.emendation ?? false]]
      : []
  )
  assert.deepEqual(found, [
    ['afaq-corr-in-its-opinion', 'in its opinions', 'in its opinion', true],
    ['afaq-corr-and-he-was', 'And was true', 'And he was true', false],
    ['afaq-corr-who-is-in-charge', 'that who is in charge', 'that it is who is in charge', true],
    ['afaq-corr-ways-in-which', 'ways which supporters', 'ways in which supporters', false],
    ['afaq-corr-the-ruling-clique', 'that ruling clique', 'that the ruling clique', false],
    ['afaq-corr-engaged-in', 'engaged aggressive action', 'engaged in aggressive action', true]
  ])
  const faq = flat(textOf(edition.works.find((work) => work.id === 'afaq-oppositions')!.tree))
  for (const reading of [
    'the “basis on which, in its opinion, the dictatorship of the proletariat must rest',
    'And he was true to his word.',
    'unless you argue that it is who is in charge rather than social relationships that determine',
    'One of the ways in which supporters of Leninism seek to differentiate it',
    'They noted that the ruling clique in the party',
    'people inside the party engaged in aggressive action against the official leaders'
  ])
    assert.ok(faq.includes(reading), reading)
  // The pamphlet as quoted (gathered from the FAQ) reads the corrected text too.
  const record = flat(textOf(edition.works.find((work) => work.id === 'kollontai-workers-opposition')!.tree))
  assert.ok(record.includes('“basis on which, in its opinion, the dictatorship'), record)
})

test('near-repeated editor’s notes are one note each, printed once and referred to at their other places', () => {
  const expected: Record<string, string[]> = {
    'note-pravda': ['kollontai-workers-opposition', 'solidarity-introduction'],
    'note-tenth-congress': ['kollontai-workers-opposition', 'solidarity-introduction', 'libcom-history', 'afaq-oppositions'],
    'note-trade-union-debate': ['solidarity-introduction', 'libcom-history', 'afaq-oppositions'],
    'note-comintern': ['libcom-history', 'afaq-oppositions'],
    'note-left-opposition': ['libcom-history', 'afaq-oppositions'],
    'note-solidarity': ['kollontai-workers-opposition', 'solidarity-introduction']
  }
  for (const [id, works] of Object.entries(expected)) {
    const [first, ...later] = places(id)
    assert.deepEqual([first?.work, ...later.map((place) => place.work)], works, id)
    assert.ok(first!.text.length > 150, `${id}: ${first!.text}`)
    for (const place of later) assert.match(place.text, /^See note \d+(, p\. \d+)? ?(in .*)?\.$/, `${id}: ${place.text}`)
  }
  // The notes they replace are gone: no two editor's notes of the edition open with the same sentence.
  const firstSentences = edition.works.flatMap((work) =>
    work.notes
      .filter((found) => !/^See note /.test(flat(textOf({type: 'root', children: found.children}))))
      .map((found) => flat(textOf({type: 'root', children: found.children})).split('. ')[0]!)
  )
  const repeated = firstSentences.filter((sentence, at) => firstSentences.indexOf(sentence) !== at && !sentence.startsWith('The sources disagree'))
  assert.deepEqual(repeated, [])
  // What the merged notes said apart is kept: the tax in kind, the anachronistic party name, the ban on the
  // Workers' Opposition's ideas, the Comintern's Second Congress, the dispute over what Pravda printed.
  assert.ok(note('note-tenth-congress').includes('It replaced grain requisitioning with a tax in kind'))
  assert.ok(note('sol-note-party-name').includes('the Soviet Union was founded only in December 1922'))
  assert.ok(note('note-trade-union-debate').includes('“On the Syndicalist and Anarchist Deviation in Our Party”'))
  assert.ok(note('note-trade-union-debate').includes('Lenin’s article “The Party Crisis” (January 1921)'))
  assert.ok(note('note-comintern').includes('Its Second Congress (July–August 1920)'))
  assert.ok(note('note-pravda').includes('What exactly it printed on 25 January 1921 is disputed'))
  assert.ok(note('note-solidarity').includes('Its best-known writer was Maurice Brinton'))
})

test('every source an editor’s note names beside the editors is an item of the bibliography', () => {
  const items = new Set(edition.apparatus.bibliography.map((item) => item.id))
  const named = edition.apparatus.annotations.flatMap((candidate) => candidate.sources.map((source) => [candidate.id, source.credit]))
  const unknown = named.filter(([, credit]) => credit !== 'Samizdat editors' && !items.has(credit!))
  assert.deepEqual(unknown, [])
  // Each fact corrected above has its source.
  const sourced = (id: string): string[] => annotation(id).sources.map((source) => source.credit)
  assert.deepEqual(sourced('note-appeal-22'), ['Samizdat editors', 'allen-workers-opposition-documents', 'allen-shlyapnikov-life'])
  assert.deepEqual(sourced('note-kronstadt'), ['Samizdat editors', 'avrich-kronstadt-1921', 'goldman-further-disillusionment'])
  assert.deepEqual(sourced('faq-note-kommunist'), ['Samizdat editors', 'daniels-conscience-revolution', 'kowalski-bolshevik-party-conflict'])
  assert.deepEqual(sourced('sol-note-cardan'), ['Samizdat editors', 'cardan-bolshevism-bureaucracy'])
  // Every editor's note but three (two words' senses, a tradition no listed work covers) rests on a
  // published work it names at its end; the notes on passages that cannot be restored rest on the texts themselves.
  const unsourced = edition.apparatus.annotations
    .filter((candidate) => candidate.kind === 'note' && !candidate.id.includes('textual'))
    .filter((candidate) => !candidate.sources.some((source) => items.has(source.credit)))
    .map((candidate) => candidate.id)
  assert.deepEqual([...new Set(unsourced)].sort(), ['faq-note-komitetchina', 'faq-note-ukases', 'sol-note-left-communist'])
  assert.match(note('note-kronstadt'), /Sources: Avrich, Kronstadt 1921; Goldman, My Further Disillusionment in Russia\.$/)
  assert.match(note('note-dreadnought'), /Source: Winslow, Sylvia Pankhurst: Sexual Politics and Political Activism\.$/)
  // The merged notes cite what supports them.
  for (const id of ['note-pravda', 'note-tenth-congress', 'note-trade-union-debate', 'note-comintern', 'note-left-opposition'])
    assert.ok(sourced(id).filter((credit) => credit !== 'Samizdat editors').length >= 2, `${id}: ${sourced(id).join(', ')}`)
})

test('an emendation is marked on the node, in the list of corrections (English and French) and in the apparatus JSON', async () => {
  const files = {
    'editions/book.yaml': 'id: book\ntitle: Book\nlanguage: en\nworks: [essay]\n',
    'works/essay.md': '---\ntitle: Essay\n---\n\nThe workers of teh capital met the oppositions with the party.\n',
    'annotations/essay.yaml': [
      'annotations:',
      '  - {id: typo, work: essay, kind: correction, quote: {exact: teh}, corr: the, reason: "Letters transposed."}',
      '  - {id: guess, work: essay, kind: correction, quote: {exact: with, suffix: " the party"}, corr: within, emendation: true, reason: "A conjecture."}',
      ''
    ].join('\n')
  }
  const small = await corpusFromFiles(files)
  const book = resolveEdition(small, 'book')
  assert.deepEqual(book.messages, [])
  const nodes: unknown[] = []
  const walk = (node: {type: string; children?: unknown[]}): void => {
    if (node.type === 'correction') nodes.push(node)
    for (const child of node.children ?? []) walk(child as {type: string; children?: unknown[]})
  }
  walk(book.works[0]!.tree)
  assert.deepEqual(
    nodes.map((node) => {
      const {id, sic, emendation} = node as {id: string; sic: string; emendation?: true}
      return [id, sic, emendation]
    }),
    [
      ['typo', 'teh', undefined],
      ['guess', 'with', true]
    ]
  )
  assert.ok(corrections(book).endsWith('the for “teh”: Letters transposed. within for “with” (editorial emendation): A conjecture.'), corrections(book))
  const french = resolveEdition(small, 'book', {locale: 'fr'})
  assert.ok(corrections(french).includes('(conjecture des éditeurs)'), corrections(french))
  const json = toApparatusJson(book) as {annotations: {items: Array<{id: string; body: Array<Record<string, unknown>>}>}}
  assert.deepEqual(
    json.annotations.items.map((item) => [item.id, item.body[0]!['emendation']]),
    [
      ['typo', undefined],
      ['guess', true]
    ]
  )
})

test('the proofreading pass: a garbled OCR fragment mended as an emendation; corrections inside unchecked quotations marked as emendations', () => {
  const solidarity = flat(textOf(edition.works.find((work) => work.meta.id === 'solidarity-introduction')!.tree))
  assert.ok(
    solidarity.includes('Let us explore and exploit these possibilities and the cracks in the social structure which our wedges can widen.'),
    solidarity
  )
  const history = flat(textOf(edition.works.find((work) => work.meta.id === 'libcom-history')!.tree))
  assert.ok(history.includes('set a precedent for the domination'), history)
  for (const id of [
    'sol-corr-possibilities-and-the-cracks',
    'afaq-corr-state-capitalism',
    'afaq-corr-proletariat-was',
    'lch-corr-manifests-itself',
    'lch-corr-independent-thought'
  ]) {
    const found = annotation(id)
    assert.ok(found.kind === 'correction' && found.emendation === true, id)
  }
  assert.equal((annotation('lch-corr-precedent') as {emendation?: boolean}).emendation, undefined)
})

// The apparatus, readable (issue 11), on the reader edition.
const section = (kind: string) => edition.backMatter.find((candidate) => candidate.kind === kind)!.tree
const links = (tree: Nodes): Array<{text: string; data: Record<string, unknown>}> => {
  const out: Array<{text: string; data: Record<string, unknown>}> = []
  const walk = (node: Nodes): void => {
    if (node.type === 'link') out.push({text: textOf(node), data: (node.data ?? {}) as Record<string, unknown>})
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child)
  }
  walk(tree)
  return out
}

test('reader edition: every correction is listed with its page and line for paged formats, a link to its place for the web', () => {
  const corrections = edition.apparatus.annotations.filter((candidate) => candidate.kind === 'correction')
  const all = links(section('corrections'))
  for (const kind of [true, 'line']) {
    const refs = all.filter((link) => link.data['pageRef'] === kind && link.data['only'] === 'paged')
    assert.deepEqual(new Set(refs.map((link) => (link.data['target'] as {id: string}).id)), new Set(corrections.map((c) => c.anchorId)), String(kind))
  }
  assert.ok(corrections.length >= 120, `${corrections.length} corrections`)
})

test('reader edition: the timeline is in date order; the index has no per-work counters; the bibliography no "n.d."', () => {
  const dates = edition.apparatus.timeline.filter((event) => event.anchors.length > 0).map((event) => event.date)
  const printed = (section('timeline').children[0] as {children: Nodes[]}).children.map((item) => textOf(item))
  assert.equal(printed.length, dates.length)
  // In date order (ISO dates sort as text; a month before its days), whatever the order of the file.
  const sorted = [...dates].sort()
  assert.notDeepEqual(dates, sorted, 'the file is not in date order: the test can fail')
  // Each entry opens with its human date ("6–8 March 1918", "March 1921"), in that order.
  sorted.forEach((date, at) => assert.ok(flat(printed[at]!).startsWith(flat(formatDate(date, edition.labels.language)) + ' '), `${printed[at]} is ${date}`))
  // The web's references are the works' titles and their sections, never bare numbers ("1, 2, … 18").
  const web = links(section('index')).filter((link) => link.data['only'] === 'web')
  assert.ok(web.length > 100)
  assert.deepEqual(
    web.filter((link) => /^\d+$/.test(link.text)),
    []
  )
  assert.doesNotMatch(textOf(section('bibliography')), /n\.d\./)
})
