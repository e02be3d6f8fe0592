import assert from 'node:assert/strict'
import {test} from 'node:test'
import GithubSlugger from 'github-slugger'
import {VFile} from 'vfile'
import type {ResolvedWork} from '@samizdat/model'
import {renderWork, serialize} from '@samizdat/html'
import {parse, resolve} from './helpers/edition.js'

function work(markdown: string, title = 'The Title'): ResolvedWork {
  const tree = parse(markdown)
  resolve(tree, 'w', new GithubSlugger())
  return {
    meta: {id: 'w', title, creators: [], publicationHistory: [], language: 'en', anchors: {}},
    id: 'w',
    tree,
    headings: [],
    notes: [],
    legacyAnchors: {},
    sourceNote: {type: 'root', children: []},
    file: new VFile()
  }
}

test('renderWork: an article headed by the title, no metadata list when there is none', () => {
  assert.equal(
    serialize(renderWork(work('Text.'))),
    '<article class="work" aria-labelledby="w"><header class="work-header"><h1 id="w">The Title</h1></header><p>Text.</p></article>'
  )
})

test('renderWork: renders the body as given (the model, not the adapter, drops a repeated title), sections start at h2', () => {
  // resolveEdition drops a first heading that repeats the title (model test `settled`); a body that still has one is the author's.
  const html = serialize(renderWork(work('# The “Title”\n\nText.\n\n### Part', 'The "Title"'), {anchors: false}))
  assert.equal(html.match(/<h1/g)?.length, 1)
  assert.match(html, /<h2 id="the-title">The “Title”<\/h2>/)
  assert.match(html, /<h4 id="part">Part<\/h4>/)
})

test('renderWork: a level-1 heading that is not the title is kept, as a section', () => {
  const html = serialize(renderWork(work('# Another heading\n\nText.\n\n## Sub'), {anchors: false}))
  assert.match(html, /<h2 id="another-heading">Another heading<\/h2><p>|<h2 id="another-heading">Another heading<\/h2>\n<p>/)
  assert.match(html, /<h3 id="sub">Sub<\/h3>/)
})

test('renderWork: the head gives title and authors only; the model’s source note closes the work, after the body', () => {
  const w = work('Text.')
  w.meta.creators = [{name: 'Ann', role: 'aut'}]
  w.meta.publicationHistory = [{date: '1922-04-22/1922-08-19', event: 'Serialised.'}]
  w.sourceNote = {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'From the parish book.'}]}]}
  assert.equal(
    serialize(renderWork(w)),
    '<article class="work" aria-labelledby="w"><header class="work-header"><h1 id="w">The Title</h1><p class="byline">By Ann</p></header>' +
      '<p>Text.</p><footer class="source-note" aria-label="Source"><p>From the parish book.</p></footer></article>'
  )
})

test("renderWork: a section the edition added is set apart and labelled as the editors'", () => {
  const w = work('Text.\n\n## Own part\n\nMore.\n\n## As quoted\n\n- a quotation\n\n### Sub\n\nStill editorial.')
  const quoted = w.tree.children.find((node) => node.type === 'heading' && node.data?.id === 'as-quoted')
  assert.ok(quoted)
  quoted.data = {...quoted.data, editorial: true}
  assert.equal(
    serialize(renderWork(w, {anchors: false})),
    '<article class="work" aria-labelledby="w"><header class="work-header"><h1 id="w">The Title</h1></header>' +
      '<p>Text.</p>\n<h2 id="own-part">Own part</h2>\n<p>More.</p>' +
      '<section class="editorial" aria-labelledby="as-quoted"><h2 id="as-quoted">As quoted</h2>' +
      '<p class="editorial-label">Added by the editors of this edition</p>\n<ul>\n<li>a quotation</li>\n</ul>\n' +
      '<h3 id="sub">Sub</h3>\n<p>Still editorial.</p></section></article>'
  )
})

test('renderWork: an editorial section ends at the next heading of its rank', () => {
  const w = work('## Added\n\nNote.\n\n## Own\n\nText.')
  w.tree.children[0]!.data = {id: 'added', editorial: true}
  assert.match(
    serialize(renderWork(w, {anchors: false})),
    /<section class="editorial" aria-labelledby="added"><h2 id="added">Added<\/h2><p class="editorial-label">[^<]+<\/p>\n<p>Note.<\/p><\/section><h2 id="own">Own<\/h2>\n<p>Text.<\/p>/
  )
})

test('renderWork: legacy anchors (as the model resolved them) land on their heading, never duplicating an id', () => {
  const w = work('## 4 What do these “oppositions” tell us?\n\nText.\n\n## Part two\n\n## app9')
  w.headings = [
    {id: '4-what-do-these-oppositions-tell-us', depth: 2, text: '4 What do these “oppositions” tell us?'},
    {id: 'part-two', depth: 2, text: 'Part two'},
    {id: 'app9', depth: 2, text: 'app9'}
  ]
  w.legacyAnchors = {app4: '4-what-do-these-oppositions-tell-us', second: 'part-two', app9: 'part-two'}
  const html = serialize(renderWork(w, {anchors: false}))
  assert.match(html, /<h2 id="4-what-do-these-oppositions-tell-us"><span id="app4"><\/span>4 What do these “oppositions” tell us\?<\/h2>/)
  assert.match(html, /<h2 id="part-two"><span id="second"><\/span>Part two<\/h2>/)
  // `app9` is a heading's own id already: no second element takes it.
  assert.equal(html.match(/id="app9"/g)?.length, 1)
})

test('renderWork: notes are appended only when asked for', () => {
  const w = work('A mark.')
  const paragraph = w.tree.children[0]
  assert.ok(paragraph?.type === 'paragraph')
  paragraph.children.push({type: 'noteReference', id: 'ref-n', noteId: 'n', label: '1'})
  w.notes = [{id: 'n', refId: 'ref-n', number: 1, kind: 'note', children: [{type: 'paragraph', children: [{type: 'text', value: 'The note.'}]}]}]
  assert.doesNotMatch(serialize(renderWork(w)), /doc-endnotes/)
  assert.match(
    serialize(renderWork(w, {notes: 'endnotes'})),
    /<\/p><section class="notes" role="doc-endnotes" aria-labelledby="notes"><h2 id="notes">Notes<\/h2><ol><li id="n" class="note note-note" value="1">/
  )
})
