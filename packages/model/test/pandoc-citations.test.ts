/**
 * Citations are opt-in and standard: FAQ-style bracket citations only where an
 * edition turns them on; Pandoc's `[@key]` syntax resolved against a YAML,
 * CSL-JSON or BibTeX bibliography and rendered with the edition's CSL style.
 * Every corpus here is generated; none of its text is ours.
 */
import assert from 'node:assert/strict'
import {after, test} from 'node:test'
import type {Nodes, Parent} from 'mdast'
import {Ajv} from 'ajv'
import {apparatusJsonSchema, hasErrors, loadCorpus, resolveEdition, textOf, toApparatusJson, type ResolvedEdition} from '@samizdat/model'
import {messages, reported, scratch, writeTree} from './helpers/corpus.js'

const tmp = await scratch('cite')
after(tmp.cleanup)
let count = 0

const bibliography = `items:
  - id: brinton-control
    type: book
    title: The Bolsheviks and Workers' Control
    author: [{family: Brinton, given: Maurice}]
    issued: {date-parts: [[1970]]}
    publisher: Solidarity
  - id: carr-revolution
    type: book
    title: The Bolshevik Revolution
    author: [{family: Carr, given: Edward Hallett}]
    issued: {date-parts: [[1950]]}
`

async function build(files: Record<string, string>): Promise<{edition: ResolvedEdition; lines: string[]; errors: boolean}> {
  const dir = `c${++count}`
  await writeTree(`${tmp.dir}/${dir}`, files)
  const corpus = await loadCorpus(dir, {cwd: tmp.dir})
  const edition = resolveEdition(corpus, corpus.editions[0]!.id)
  return {edition, lines: [...messages(corpus.files), ...reported(edition)], errors: hasErrors(corpus.files) || edition.messages.some((m) => m.fatal === true)}
}

function all(type: string, tree: Nodes): Nodes[] {
  const out: Nodes[] = []
  const walk = (node: Nodes): void => {
    if (node.type === type) out.push(node)
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return out
}

const flat = (node: Nodes): string => textOf(node).replace(/\s+/g, ' ').trim()

test('a plain folder: bold text in brackets is ordinary text, no citation and no error', async () => {
  const {edition, lines, errors} = await build({
    'tool.md': '# tool(1)\n\nUsage: tool [**-f**] [**-q**] FILE\n\nThe old API [**Deprecated**] still works.\n',
    'bibliography.yaml': bibliography
  })
  assert.equal(errors, false)
  assert.deepEqual(lines, [])
  assert.deepEqual(edition.apparatus.citations, [])
  const text = flat(edition.works[0]!.tree)
  assert.match(text, /Usage: tool \[-f\] \[-q\] FILE/)
  assert.match(text, /The old API \[Deprecated\] still works\./)
  assert.deepEqual(all('citation', edition.works[0]!.tree), [])
})

test('a plain folder without a bibliography: neither brackets nor `@` mean anything', async () => {
  const {edition, lines} = await build({'readme.md': '# Read me\n\nInstall [**-g**] and ask @octocat or [@maintainers].\n'})
  assert.deepEqual(lines, [])
  assert.match(flat(edition.works[0]!.tree), /Install \[-g\] and ask @octocat or \[@maintainers\]\./)
})

test('Pandoc citations render in the edition style, Chicago author-date by default', async () => {
  const {edition, lines} = await build({
    'essay.md': [
      '# An essay',
      '',
      'Control passed to the party [@brinton-control, p. 12].',
      '',
      'Compare [see @brinton-control, pp. 3-4; @carr-revolution].',
      '',
      '@carr-revolution argues the opposite, as @brinton-control [p. 40] grants.',
      '',
      'The date alone [-@carr-revolution].',
      ''
    ].join('\n'),
    'bibliography.yaml': bibliography
  })
  assert.deepEqual(lines, [])
  const [one, two, three, four] = edition.works[0]!.tree.children.map(flat)
  assert.equal(one, 'Control passed to the party (Brinton 1970, 12).')
  assert.equal(two, 'Compare (see Brinton 1970, 3–4; Carr 1950).')
  assert.equal(three, 'Carr (1950) argues the opposite, as Brinton (1970, 40) grants.')
  assert.equal(four, 'The date alone (1950).')
  const citations = all('citation', edition.works[0]!.tree) as Array<{itemIds: string[]}>
  assert.deepEqual(
    citations.map((c) => c.itemIds),
    [['brinton-control'], ['brinton-control', 'carr-revolution'], ['carr-revolution'], ['brinton-control'], ['carr-revolution']]
  )
  assert.deepEqual(
    edition.apparatus.citations.map((c) => [c.line, c.column, c.text, c.parts.map((p) => [p.itemId, p.locator ?? null])]),
    [
      [3, 29, '@brinton-control, p. 12', [['brinton-control', 'p. 12']]],
      [
        5,
        9,
        'see @brinton-control, pp. 3-4; @carr-revolution',
        [
          ['brinton-control', 'pp. 3-4'],
          ['carr-revolution', null]
        ]
      ],
      [7, 1, '@carr-revolution', [['carr-revolution', null]]],
      [7, 42, '@brinton-control [p. 40]', [['brinton-control', 'p. 40']]],
      [9, 16, '-@carr-revolution', [['carr-revolution', null]]]
    ]
  )
  // The bibliography is in the same style, and links back to every citation of an item.
  const bib = flat(edition.backMatter.find((section) => section.kind === 'bibliography')!.tree)
  assert.match(bib, /Brinton, Maurice\. 1970\. The Bolsheviks and Workers’ Control\. Solidarity\. Cited: 1, 2, 3/)
  const json = toApparatusJson(edition)
  assert.equal((json['citations'] as unknown[]).length, 6)
  const ajv = new Ajv({strict: false})
  assert.equal(ajv.validate(apparatusJsonSchema, json), true, JSON.stringify(ajv.errors?.slice(0, 3)))
})

test('a notes style puts each citation in a footnote, numbered with the other notes', async () => {
  const {edition, lines} = await build({
    'editions/notes.yaml': 'title: Notes\ncitations: {style: chicago-notes}\n',
    'essay.md': '# An essay\n\nA claim[^1] and a source [@brinton-control, p. 12]. @carr-revolution disagrees.\n\n[^1]: The author’s own note.\n',
    'bibliography.yaml': bibliography
  })
  assert.deepEqual(lines, [])
  const work = edition.works[0]!
  assert.equal(flat(work.tree.children[0]!), 'A claim and a source. Carr disagrees.')
  assert.deepEqual(
    all('noteReference', work.tree).map((mark) => (mark as {label: string}).label),
    ['1', '2', '3']
  )
  assert.deepEqual(
    work.notes.map((note) => flat({type: 'root', children: note.children})),
    ['The author’s own note.', 'Brinton, The Bolsheviks and Workers’ Control, 12.', 'Carr, The Bolshevik Revolution.']
  )
  assert.match(
    flat(edition.backMatter.find((section) => section.kind === 'bibliography')!.tree),
    /Brinton, Maurice\. The Bolsheviks and Workers’ Control\. Solidarity, 1970\./
  )
})

test('an unknown key is a positioned warning and the text is kept as written; emails are no citations', async () => {
  const {edition, lines, errors} = await build({
    'essay.md': '# An essay\n\nWrite to editors@example.org or a@b.org.\n\nSee [@nobody, p. 3] and\n@missing-key too.\n',
    'bibliography.yaml': bibliography
  })
  assert.equal(errors, false)
  assert.deepEqual(
    lines.map((line) => line.replace(/^c\d+\//, '')),
    [
      'essay.md:5:5: Citation key `@nobody` is not in the bibliography: the text is kept as written [citation-key-unknown]',
      'essay.md:6:1: Citation key `@missing-key` is not in the bibliography: the text is kept as written [citation-key-unknown]'
    ]
  )
  const text = flat(edition.works[0]!.tree)
  assert.match(text, /Write to editors@example\.org or a@b\.org\./)
  assert.match(text, /See \[@nobody, p\. 3\] and @missing-key too\./)
  assert.deepEqual(edition.apparatus.citations, [])
})

test('a BibTeX bibliography loads: keys as written, ids made usable', async () => {
  const {edition, lines} = await build({
    'essay.md': '# An essay\n\nAs argued [@Brinton1970, p. 12] and [@carr:1950].\n',
    'bibliography.bib': [
      '@book{Brinton1970,',
      '  author = {Brinton, Maurice},',
      "  title = {The Bolsheviks and Workers' Control},",
      '  year = {1970},',
      '  publisher = {Solidarity}',
      '}',
      '@book{carr:1950, author = {Carr, Edward Hallett}, title = {The Bolshevik Revolution}, year = 1950}',
      ''
    ].join('\n')
  })
  assert.deepEqual(lines, [])
  assert.equal(flat(edition.works[0]!.tree.children[0]!), 'As argued (Brinton 1970, 12) and (Carr 1950).')
  assert.deepEqual(
    edition.apparatus.bibliography.map((item) => [item.id, item['citation-key']]),
    [
      ['brinton1970', 'Brinton1970'],
      ['carr-1950', 'carr:1950']
    ]
  )
})

test('a CSL-JSON bibliography loads, and its problems are positioned', async () => {
  const item = {
    id: 'brinton-control',
    type: 'book',
    title: 'The Bolsheviks and Workers’ Control',
    author: [{family: 'Brinton', given: 'Maurice'}],
    issued: {'date-parts': [[1970]]}
  }
  const {edition, lines} = await build({'essay.md': '# An essay\n\nAs argued [@brinton-control].\n', 'bibliography.json': JSON.stringify([item], null, 2)})
  assert.deepEqual(lines, [])
  assert.equal(flat(edition.works[0]!.tree.children[0]!), 'As argued (Brinton 1970).')

  await writeTree(`${tmp.dir}/json`, {'a.md': '# A\n', 'bibliography.json': '[\n  {"id": "x", "type": "book"}\n]\n'})
  const bad = await loadCorpus('json', {cwd: tmp.dir})
  assert.deepEqual(
    messages(bad.files).map((line) => line.replace(/: .*\[/, ': [')),
    ['json/bibliography.json:2:3: [field-missing]']
  )
})

test('an edition may name a .csl file of the corpus; an unknown style is an error at its value', async () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Key style</title><id>test-key-style</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="&lt;" suffix="&gt;" delimiter="|"><text variable="title"/><text variable="locator" prefix=" at "/></layout></citation>
  <bibliography><layout><text variable="title" text-case="uppercase"/></layout></bibliography>
</style>
`
  const {edition, lines} = await build({
    'editions/own.yaml': 'title: Own style\ncitations: {style: styles/mine.csl}\n',
    'styles/mine.csl': xml,
    'essay.md': '# An essay\n\nSee [@carr-revolution, p. 9].\n',
    'bibliography.yaml': bibliography
  })
  assert.deepEqual(lines, [])
  assert.equal(flat(edition.works[0]!.tree.children[0]!), 'See <The Bolshevik Revolution at 9>.')
  assert.match(flat(edition.backMatter.find((section) => section.kind === 'bibliography')!.tree), /THE BOLSHEVIK REVOLUTION/)

  await writeTree(`${tmp.dir}/bad`, {'editions/e.yaml': 'title: E\ncitations: {style: mla-7}\n', 'a.md': '# A\n'})
  const bad = await loadCorpus('bad', {cwd: tmp.dir})
  assert.deepEqual(messages(bad.files), [
    'bad/editions/e.yaml:2:20: Unknown citation style `mla-7`: expected one of `chicago-author-date`, `chicago-notes`, `chicago-note-bibliography`, `apa`, `vancouver`, `harvard1`, or a `.csl` file of the corpus [field-invalid]'
  ])
})

test('a style file outside the corpus is refused at the value that names it, never read', async () => {
  await writeTree(`${tmp.dir}/outside`, {'editions/e.yaml': 'title: E\ncitations: {style: /etc/passwd.csl}\n', 'a.md': '# A\n'})
  await writeTree(`${tmp.dir}/up`, {'editions/e.yaml': 'title: E\ncitations: {style: ../outside/editions/e.csl}\n', 'a.md': '# A\n'})
  for (const name of ['outside', 'up']) {
    const corpus = await loadCorpus(name, {cwd: tmp.dir})
    const lines = messages(corpus.files)
    assert.equal(lines.length, 1, lines.join('\n'))
    assert.match(lines[0]!, new RegExp(`^${name}/editions/e\\.yaml:2:20: Citation style .* \\[file-(outside|missing)\\]$`))
  }
})

test('bracket citations are on where an edition says so', async () => {
  const {edition, lines} = await build({
    'editions/faq.yaml': 'title: FAQ\ncitations: {brackets: true}\n',
    'essay.md': '# An essay\n\nA quotation [**The Bolshevik Revolution**, p. 3].\n',
    'bibliography.yaml': bibliography
  })
  assert.deepEqual(lines, [])
  assert.deepEqual(
    edition.apparatus.citations.map((c) => [c.text, c.parts[0]!.itemId]),
    [['**The Bolshevik Revolution**, p. 3', 'carr-revolution']]
  )
})

test('the bold title of a bracket citation is set in italics (typography); bold elsewhere stays bold; `typography: false` keeps it', async () => {
  const files = {
    'editions/faq.yaml': 'title: FAQ\ncitations: {brackets: true}\n',
    'essay.md': '# An essay\n\nA **real** quotation [**The Bolshevik Revolution**, p. 3].\n',
    'bibliography.yaml': bibliography
  }
  const {edition, lines} = await build(files)
  assert.deepEqual(lines, [])
  const [citation] = all('citation', edition.works[0]!.tree)
  assert.deepEqual(
    (citation as Parent).children.map((child) => [child.type, textOf(child as Nodes)]),
    [
      ['emphasis', 'The Bolshevik Revolution'],
      ['text', ', p.\u00A03']
    ]
  )
  assert.deepEqual(
    all('strong', edition.works[0]!.tree).map((node) => textOf(node)),
    ['real']
  )
  const corpus = await loadCorpus(`c${count}`, {cwd: tmp.dir})
  const plain = resolveEdition(corpus, 'faq', {typography: false})
  assert.deepEqual(
    all('strong', plain.works[0]!.tree).map((node) => textOf(node)),
    ['real', 'The Bolshevik Revolution']
  )
})
