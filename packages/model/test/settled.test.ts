/**
 * The model settles meaning once, for every adapter: a title repeated as the
 * body's first heading is dropped, the preface's footnotes become notes like a
 * work's, and `typography: false` reaches every text the edition shows.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {Link, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {hasErrors, loadCorpus, resolveEdition, textOf, type ResolvedEdition} from '@samizdat/model'
import {messages, scratch, writeTree} from './helpers/corpus.js'

const sha = 'a'.repeat(64)

const files: Record<string, string> = {
  'works/alpha.md': [
    '---',
    'title: "The Alpha Text\'s \\"Quoted\\" Part"',
    `source: {file: alpha.txt, sha256: "${sha}"}`,
    '---',
    '',
    '## The alpha text’s “quoted” part',
    '',
    'A body paragraph with a note.[^a]',
    '',
    '## Section "One"',
    '',
    'More text.',
    '',
    "[^a]: A work's footnote.",
    ''
  ].join('\n'),
  'works/beta.md': [
    '---',
    'title: "Beta"',
    '---',
    '',
    'Before any heading.',
    '',
    '# Beta',
    '',
    'See [the alpha title](alpha.md#the-alpha-texts-quoted-part).',
    ''
  ].join('\n'),
  'editions/ed.yaml': 'id: ed\ntitle: "Test Edition"\nlanguage: en\nworks: [alpha, beta]\npreface: preface.md\n',
  'editions/preface.md': '# Preface\n\nA preface sentence with a footnote.[^p] And [a link](beta.md).\n\n[^p]: The preface\'s own "footnote".\n'
}

async function resolve(options: {typography?: boolean} = {}): Promise<ResolvedEdition> {
  const {dir, cleanup} = await scratch('settled')
  try {
    await writeTree(dir, files)
    const corpus = await loadCorpus(dir)
    const edition = resolveEdition(corpus, 'ed', options)
    assert.deepEqual(messages(corpus.files), [])
    assert.equal(hasErrors(corpus.files), false)
    return edition
  } finally {
    await cleanup()
  }
}

function types(tree: Root): string[] {
  const found: string[] = []
  visit(tree, (node) => {
    found.push(node.type)
  })
  return found
}

test('a title repeated as the first heading of the body (any depth) is dropped once, in the model', async () => {
  const edition = await resolve()
  const [alpha, beta] = edition.works
  assert.deepEqual(
    alpha!.tree.children.map((node) => node.type),
    ['paragraph', 'heading', 'paragraph']
  )
  assert.deepEqual(alpha!.headings, [{id: 'section-one', depth: 2, text: 'Section “One”'}])
  assert.deepEqual(
    edition.toc.map((entry) => [entry.id, entry.text, entry.children.map((child) => child.text)]),
    [
      ['alpha', 'The Alpha Text’s “Quoted” Part', ['Section “One”']],
      ['beta', 'Beta', ['Beta']]
    ]
  )
  // A heading with the title's text that is not the body's first block is the author's: it stays.
  assert.deepEqual(
    beta!.tree.children.map((node) => node.type),
    ['paragraph', 'heading', 'paragraph']
  )
  // A link to the dropped heading lands on the work's start.
  const links: Link[] = []
  visit(beta!.tree, 'link', (node: Link) => {
    links.push(node)
  })
  assert.deepEqual(
    links.map((link) => link.data?.target),
    [{work: 'alpha', id: 'alpha'}]
  )
})

test("the preface's footnotes are notes, numbered and collected like a work's", async () => {
  const edition = await resolve()
  const preface = edition.preface!
  assert.deepEqual(
    preface.notes?.map((note) => [note.id, note.refId, note.number, note.kind, textOf({type: 'root', children: note.children})]),
    [['preface-fn-p', 'preface-fnref-p', 1, 'footnote', 'The preface’s own “footnote”.']]
  )
  const kinds = types(preface.tree)
  assert.ok(kinds.includes('noteReference'))
  assert.ok(!kinds.includes('footnoteReference') && !kinds.includes('footnoteDefinition'), kinds.join(' '))
  // The work's own footnote keeps its own numbering.
  assert.deepEqual(
    edition.works[0]!.notes.map((note) => [note.id, note.number]),
    [['alpha-fn-a', 1]]
  )
})

test('typography: false is one decision: no text of the edition is typeset, source titles included', async () => {
  const edition = await resolve({typography: false})
  assert.equal(edition.meta.sources[0]!.title, 'The Alpha Text\'s "Quoted" Part')
  assert.equal(edition.works[0]!.meta.title, 'The Alpha Text\'s "Quoted" Part')
  assert.equal(edition.works[0]!.headings[0]!.text, 'Section "One"')
  assert.equal(textOf({type: 'root', children: edition.works[0]!.notes[0]!.children}), "A work's footnote.")
  assert.equal(textOf({type: 'root', children: edition.preface!.notes![0]!.children}), 'The preface\'s own "footnote".')
  // And with typography on (the default), the same source title is typeset like every other title.
  const typeset = await resolve()
  assert.equal(typeset.meta.sources[0]!.title, 'The Alpha Text’s “Quoted” Part')
})

test('the words the model writes come from one labels object: English by default, replaced together', async () => {
  const {dir, cleanup} = await scratch('labels')
  try {
    await writeTree(dir, {
      'works/a.md': '---\ntitle: A\n---\n\nText with a typo here.\n',
      'annotations/a.yaml': [
        'annotations:',
        '  - {id: fix, kind: correction, work: a, quote: {exact: "typo"}, corr: "word", reason: "misprint"}',
        '  - {id: dis, kind: conflict, work: a, quote: {exact: "Text"}, body: "Two accounts.", sources: [{credit: "Editors"}], claims: [{claim: "One", credit: "s1"}, {claim: "Two", credit: "s2"}]}',
        ''
      ].join('\n')
    })
    const corpus = await loadCorpus(dir)
    const english = resolveEdition(corpus, corpus.editions[0]!.id)
    assert.deepEqual(messages(corpus.files), [])
    assert.deepEqual(
      english.backMatter.map((section) => [section.id, section.title]),
      [['corrections', 'Corrections']]
    )
    // `p. , l. `: the page and line of the correction, which paged formats fill in.
    assert.equal(
      textOf(english.backMatter[0]!.tree),
      'The edition’s reading, linked to its place in the text, then the reading of the source and the reason for the change.\n\nA\n\np. , l. : word for “typo”: misprint'
    )
    assert.match(textOf({type: 'root', children: english.works[0]!.notes[0]!.children}), /^The sources disagree:/)
    const other = resolveEdition(corpus, corpus.editions[0]!.id, {
      labels: {
        model: {
          corrections: 'Исправления',
          correctionsIntro: 'Чтение издания.',
          correctionFor: 'вместо',
          openQuote: '«',
          closeQuote: '»',
          sourcesDisagree: 'Источники расходятся:'
        }
      }
    })
    // Titles change with the language; ids (reserved) do not.
    assert.deepEqual(
      other.backMatter.map((section) => [section.id, section.title]),
      [['corrections', 'Исправления']]
    )
    assert.equal(textOf(other.backMatter[0]!.tree), 'Чтение издания.\n\nA\n\np. , l. : word вместо «typo»: misprint')
    assert.match(textOf({type: 'root', children: other.works[0]!.notes[0]!.children}), /^Источники расходятся:/)
  } finally {
    await cleanup()
  }
})
