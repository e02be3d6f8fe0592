import assert from 'node:assert/strict'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import type {Link, Root} from 'mdast'
import {loadCorpus, resolveEdition, type TocEntry, corpusFromFiles} from '@samizdat/model'

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url))

function links(tree: Root): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = []
  const walk = (node: {type: string; children?: unknown[]}): void => {
    if (node.type === 'link') found.push([(node as Link).url, (node as Link).data])
    for (const child of node.children ?? []) walk(child as {type: string})
  }
  walk(tree)
  return found
}

const outline = (entries: TocEntry[]): unknown[] => entries.map((entry) => [entry.id, entry.depth, entry.text, outline(entry.children)])

test('ids are unique across the edition, and the contents nest works and headings', async () => {
  const corpus = await loadCorpus('plain-folder', {cwd: fixtures})
  const edition = resolveEdition(corpus, 'plain-folder')
  assert.deepEqual(outline(edition.toc), [
    [
      'a-first',
      1,
      'First essay',
      [
        ['a-section', 2, 'A section', []],
        ['a-section-1', 2, 'A section', []]
      ]
    ],
    ['b-second', 1, 'Second essay', []]
  ])
})

test('links between plain Markdown files resolve to internal targets', async () => {
  const corpus = await loadCorpus('plain-folder', {cwd: fixtures})
  const edition = resolveEdition(corpus, 'plain-folder')
  assert.deepEqual(links(edition.works[1]!.tree), [['#a-section', {target: {work: 'a-first', id: 'a-section'}}]])
})

test('typography is applied to text and titles, never to the corpus as loaded', async () => {
  const corpus = await loadCorpus('plain-folder', {cwd: fixtures})
  const edition = resolveEdition(corpus, 'plain-folder')
  const paragraph = edition.works[0]!.tree.children[1] as {children: Array<{value: string}>}
  assert.equal(paragraph.children[0]!.value, 'Text\u00A0— with a dash… and an apostrophe’s.')
  const original = corpus.works[0]!.tree.children[1] as {children: Array<{value: string}>}
  assert.equal(original.children[0]!.value, "Text -- with a dash... and an apostrophe's.")
})

test("takeTrees: the corpus's trees become the edition's, uncloned, and the edition is the one a clone gives", async () => {
  const corpus = await loadCorpus('plain-folder', {cwd: fixtures})
  const cloned = resolveEdition(corpus, 'plain-folder')
  const trees = corpus.works.map((work) => work.tree)
  const taken = resolveEdition(corpus, 'plain-folder', {takeTrees: true})
  assert.deepEqual(
    taken.works.map((work) => trees.indexOf(work.tree)),
    trees.map((_, index) => index)
  )
  assert.ok(cloned.works.every((work) => !trees.includes(work.tree)))
  assert.deepEqual(JSON.parse(JSON.stringify(taken.works)), JSON.parse(JSON.stringify(cloned.works)))
})

test('base URL, canonical URLs and legacy anchors decide what is internal', async () => {
  const corpus = await loadCorpus('links', {cwd: fixtures})
  const edition = resolveEdition(corpus, 'links')
  assert.deepEqual(links(edition.works[0]!.tree), [
    ['#second-part', {target: {work: 'one', id: 'second-part'}}],
    ['#two', {target: {work: 'two', id: 'two'}}],
    ['https://example.org/texts/three.html#x', {external: true}],
    ['https://example.org/about.html', {external: true}],
    ['#second-part', {target: {work: 'one', id: 'second-part'}}]
  ])
  // A link to a heading that does not exist cannot work: its text stands unlinked, its address kept for the apparatus JSON.
  assert.deepEqual(
    edition.apparatus.unlinked.map(({work, url, rule, line, column}) => [work, url, rule, line, column]),
    [
      ['one', '#missing', 'anchor-missing', 10, 56],
      ['two', 'javascript:alert(1)', 'link-scheme', 11, 3]
    ]
  )
  // The same heading text in another work gets its own id.
  // A link with a refused scheme is unlinked: its text stays, no adapter can make it clickable.
  assert.deepEqual(links(edition.works[1]!.tree), [['#second-part', {target: {work: 'one', id: 'second-part'}}]])
  assert.equal(edition.works[1]!.headings[0]!.id, 'second-part-1')
  // Resolving's messages come back with the edition, naming their file.
  const reported = edition.messages.map((m) => `${m.file}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`)
  assert.deepEqual(reported, [
    'links/works/one.md:7:8: Anchor `bad` names `No such heading`, which is no heading of this work [anchor-target-missing]',
    'links/works/one.md:10:56: Link to `#missing` in `one`, which has no such heading or anchor: its text stands unlinked [anchor-missing]',
    'links/works/two.md:11:3: Link `javascript:alert(1)` uses the scheme `javascript:`, which the edition does not follow: its text stands unlinked [link-scheme]'
  ])
})

test('an unknown edition is a usage error naming the known ones', async () => {
  const corpus = await loadCorpus('plain-folder', {cwd: fixtures})
  assert.throws(() => resolveEdition(corpus, 'nope'), {name: 'UsageError', message: 'Unknown edition `nope`: expected one of `plain-folder`'})
})

test('the reader edition: order, contents and the FAQ link to its own section 4', async () => {
  const corpus = await loadCorpus(fileURLToPath(new URL('../../../corpus', import.meta.url)))
  const edition = resolveEdition(corpus, 'workers-opposition')
  // The works in the order the edition file lists them, however many it lists.
  const spec = corpus.editions.find((entry) => entry.id === 'workers-opposition')!
  assert.ok(spec.works.length > 1)
  assert.deepEqual(
    edition.works.map((work) => work.id),
    spec.works
  )
  assert.equal(edition.preface?.title, 'Editor’s preface')
  assert.equal(edition.meta.title, 'The Workers’ Opposition')
  const solidarity = edition.works.find((work) => work.id === 'solidarity-introduction')!
  assert.match(solidarity.meta.publicationHistory[0]!.event, /Kollontai’s text/)
  const faq = edition.works.find((work) => work.id === 'afaq-oppositions')!
  const section4 = links(faq.tree).find(([url]) => url.startsWith('#4-'))
  assert.deepEqual(section4?.[1], {target: {work: 'afaq-oppositions', id: '4-what-do-these-oppositions-tell-us-about-the-essence-of-leninism'}})
  // No relative link is left: every link is internal or absolute.
  for (const work of edition.works) {
    for (const [url, data] of links(work.tree)) assert.ok(url.startsWith('#') || /^https?:\/\//.test(url), `${work.id}: ${url} ${JSON.stringify(data)}`)
  }
  assert.equal(
    corpus.files.some((file) => file.messages.length > 0),
    false
  )
})

test('legacy anchors are resolved once, for every adapter', async () => {
  const corpus = await loadCorpus(fileURLToPath(new URL('../../../corpus', import.meta.url)))
  const faq = resolveEdition(corpus, 'workers-opposition').works.find((work) => work.id === 'afaq-oppositions')!
  assert.deepEqual(faq.legacyAnchors, {app4: '4-what-do-these-oppositions-tell-us-about-the-essence-of-leninism'})
})

test('resolving leaves the corpus as read: no tree, work or file changes, and the same edition twice', async () => {
  // The apparatus fixture anchors marks into trees and reports problems (anchors, citations) while resolving.
  const corpus = await loadCorpus('apparatus', {cwd: fixtures})
  const trees = structuredClone(corpus.works.map((work) => ({meta: work.meta, tree: work.tree})))
  const apparatus = structuredClone(corpus.apparatus.annotations.map(({file: _file, ...annotation}) => annotation))
  const counts = corpus.files.map((file) => file.messages.length)
  const first = resolveEdition(corpus, 'apparatus')
  const second = resolveEdition(corpus, 'apparatus')
  assert.deepEqual(
    corpus.works.map((work) => ({meta: work.meta, tree: work.tree})),
    trees
  )
  assert.deepEqual(
    corpus.apparatus.annotations.map(({file: _file, ...annotation}) => annotation),
    apparatus
  )
  assert.deepEqual(
    corpus.files.map((file) => file.messages.length),
    counts
  )
  // The messages come back with each resolution, naming their file.
  const shown = (edition: typeof first) => edition.messages.map((m) => `${m.file}:${m.line}:${m.column} [${m.ruleId}]`)
  assert.deepEqual(shown(first), [
    'apparatus/works/essay.md:9:32 [citation-ambiguous]',
    'apparatus/annotations/essay.yaml:23:12 [anchor-ambiguous]',
    'apparatus/annotations/essay.yaml:28:12 [anchor-missing]',
    'apparatus/annotations/essay.yaml:33:12 [anchor-spans-markup]'
  ])
  assert.deepEqual(shown(second), shown(first))
  const {messages: _first, ...one} = first
  const {messages: _second, ...two} = second
  assert.deepEqual(two, one)
})

// Found by the property test (profile html): a heading in a footnote was a contents entry the EPUB had no target for (RSC-012).
test('a heading inside a footnote has an id but no entry in the contents', async () => {
  const corpus = await corpusFromFiles({'a.md': '# A\n\n## Part\n\nText.[^n]\n\n[^n]: 1. In a list:\n\n       # In the note\n'})
  const edition = resolveEdition(corpus, 'corpus')
  const entries = JSON.stringify(edition.toc)
  assert.match(entries, /"Part"/)
  assert.doesNotMatch(entries, /In the note/)
})

/** A paragraph's text with its marks shown as ⟨label⟩. */
function marked(node: {type: string; value?: string; label?: string; children?: unknown[]}): string {
  if (node.type === 'noteReference') return `⟨${node.label}⟩`
  return node.value ?? (node.children ?? []).map((child) => marked(child as typeof node)).join('')
}

test("a note's mark goes after closing quotes and punctuation, and a narrow no-break space parts it from a figure", async () => {
  const corpus = await corpusFromFiles({
    'a.md': [
      '# A',
      '',
      '## Appeal of the 22[^a] and *of the 23*[^i]',
      '',
      'Called "one-man management[^b]." Then _emphasis_[^c], and "quoted[^d]"[^e]: Trotsky[^f]’s and 1921[^g] — or (inside[^h]).',
      '',
      ...'abcdefghi'.split('').map((id) => `[^${id}]: Note ${id}.`),
      ''
    ].join('\n')
  })
  const {tree} = resolveEdition(corpus, 'corpus').works[0]!
  const [heading, paragraph] = tree.children.filter((node) => node.type === 'heading' || node.type === 'paragraph')
  assert.equal(marked(heading!), 'Appeal of the 22\u202F⟨1⟩ and of the 23\u202F⟨2⟩')
  assert.equal(
    marked(paragraph!),
    'Called “one-man management.”⟨3⟩ Then emphasis,⟨4⟩ and “quoted”:⟨5⟩⟨6⟩ Trotsky⟨7⟩’s and 1921\u202F⟨8⟩\u00A0— or (inside⟨9⟩).'
  )
})
