/**
 * The model on careless and hostile Markdown: no note lost, no refused link
 * left clickable, no remote image left to load, and raw HTML that would
 * swallow the rest of a work reported where it starts.
 */
import assert from 'node:assert/strict'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import type {Image, Link, Nodes, Root} from 'mdast'
import {loadCorpus, resolveEdition, textOf} from '@samizdat/model'

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url))
const corpus = await loadCorpus('hostile', {cwd: fixtures})
const edition = resolveEdition(corpus, 'hostile')
const work = (id: string) => edition.works.find((w) => w.meta.id === id)!

function all<T extends Nodes>(tree: Nodes, type: T['type']): T[] {
  const found: T[] = []
  const walk = (node: Nodes) => {
    if (node.type === type) found.push(node as T)
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return found
}

function messages(id: string, rule: string): string[] {
  const file = corpus.files.find((f) => f.stem === id)!
  // Resolving's messages come back with the edition, not on the corpus's files.
  return edition.messages.filter((m) => m.file === file.path && m.ruleId === rule).map((m) => `${m.line}:${m.column}: ${m.reason}`)
}

test('a footnote referenced only inside another footnote gets its number, next in reading order', () => {
  const {notes, tree} = work('notes')
  assert.deepEqual(
    notes.map((note) => [note.number, note.id, textOf({type: 'root', children: note.children} as Root)]),
    [
      [1, 'notes-fn-outer', 'The outer note, which calls another.'],
      [2, 'notes-fn-inner', 'The inner note, referenced only from the outer one.'],
      [3, 'notes-fn-second', 'The second note.']
    ]
  )
  // The mark inside the outer note is a note mark like any other.
  const inner = all<Nodes & {type: 'noteReference'; noteId: string; label: string}>(
    {type: 'root', children: notes[0]!.children} as Root,
    'noteReference' as never
  )
  assert.deepEqual(
    inner.map((mark) => [mark.noteId, mark.label]),
    [['notes-fn-inner', '2']]
  )
  assert.deepEqual(all(tree, 'footnoteReference'), [])
})

test('a footnote definition nobody references is reported, not dropped silently', () => {
  assert.deepEqual(messages('notes', 'footnote-unused'), ['10:1: Footnote `[^unused]` is defined but never referenced: it is left out'])
})

test('links with a refused scheme are unlinked, whatever their case, whitespace or entities; their text stays', () => {
  const links = all<Link>(work('notes').tree, 'link').map((link) => link.url)
  assert.deepEqual(
    links.filter((url) => !/^https?:/.test(url) && !url.startsWith('#')),
    []
  )
  const text = textOf(work('notes').tree)
  for (const words of ['js', 'JS', 'entity', 'tab', 'vb', 'data', 'file', 'by reference'])
    assert.match(text, new RegExp(`\\b${words},|${words} \\[|${words}\\]|${words}, `), words)
  const schemes = messages('notes', 'link-scheme').map((m) =>
    m.replace(/: Link `.*` uses the scheme (`[a-z]+:`).*/, ' $1').replace(/: Image `.*` uses the scheme (`[a-z]+:`).*/, ' image $1')
  )
  assert.deepEqual(schemes, [
    '12:8 `javascript:`',
    '12:35 `javascript:`',
    '12:62 `javascript:`',
    '13:1 `javascript:`',
    '13:32 `vbscript:`',
    '13:58 `data:`',
    '13:84 `file:`',
    '14:1 `vbscript:`',
    '17:1 image `data:`'
  ])
})

test('a malformed escape in a fragment of a link into the edition is an anchor warning, not a crash', () => {
  assert.deepEqual(messages('notes', 'anchor-missing'), [
    '14:52: Link to `#%E0%A4%A` in `notes`, which has no such heading or anchor: its text stands unlinked'
  ])
})

test('remote images become links to them, reported; a local image stays', () => {
  const tree = work('notes').tree
  // A relative image in a work with a base URL lives on the source's site: remote too.
  assert.deepEqual(all<Image>(tree, 'image'), [])
  const links = all<Link>(tree, 'link').filter((link) => /tracker|drawing/.test(link.url))
  assert.deepEqual(
    links.map((link) => [link.url, textOf(link), link.data?.external]),
    [
      ['https://tracker.example/pixel.png', 'remote', true],
      ['https://tracker.example/p.png', 'https://tracker.example/p.png', true],
      ['https://example.org/drawing.png', 'local', true]
    ]
  )
  assert.deepEqual(
    messages('notes', 'image-remote').map((m) => m.slice(0, m.indexOf(' is '))),
    ['16:9: Image `https://tracker.example/pixel.png`', '16:55: Image `//tracker.example/p.png`', '16:85: Image `drawing.png`']
  )
  // Without a base URL, a relative image is a local path: it stays, shown from the edition's copy.
  assert.deepEqual(
    all<Image>(work('closed').tree, 'image').map((image) => [image.url, image.data?.asset]),
    [['drawing.png', 'images/drawing.png']]
  )
  assert.deepEqual(messages('closed', 'image-remote'), [])
})

test('an HTML block that never ends, or a stray <template>, is reported with the lines it swallows', () => {
  assert.deepEqual(messages('unclosed', 'html-unclosed'), [
    '6:1: Raw HTML block `<script>` is never closed: the 5 lines after it (to line 11) are read as HTML, not as text of the work'
  ])
  assert.deepEqual(messages('comment', 'html-unclosed'), [
    '6:1: Raw HTML block `<!--` is never closed: the 4 lines after it (to line 10) are read as HTML, not as text of the work'
  ])
  assert.deepEqual(messages('template', 'html-unclosed'), [
    '4:9: Raw HTML `<template>` is never closed: everything after it (4 lines, to line 8) is inside it, and no output shows a template'
  ])
  assert.deepEqual(messages('closed', 'html-unclosed'), [])
})
