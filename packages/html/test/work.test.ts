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
    file: new VFile()
  }
}

test('renderWork: an article headed by the title, no metadata list when there is none', () => {
  assert.equal(
    serialize(renderWork(work('Text.'))),
    '<article class="work" aria-labelledby="w"><header class="work-header"><h1 id="w">The Title</h1></header><p>Text.</p></article>'
  )
})

test('renderWork: a level-1 heading repeating the title is dropped, sections start at h2', () => {
  const html = serialize(renderWork(work('# The “Title”\n\nText.\n\n### Part', 'The "Title"'), {anchors: false}))
  assert.equal(html.match(/<h1/g)?.length, 1)
  assert.match(html, /<h2 id="part">Part<\/h2>/)
})

test('renderWork: a level-1 heading that is not the title is kept, as a section', () => {
  const html = serialize(renderWork(work('# Another heading\n\nText.\n\n## Sub'), {anchors: false}))
  assert.match(html, /<h2 id="another-heading">Another heading<\/h2><p>|<h2 id="another-heading">Another heading<\/h2>\n<p>/)
  assert.match(html, /<h3 id="sub">Sub<\/h3>/)
})

test('renderWork: dates HTML understands go in <time>, others stay as written', () => {
  const w = work('Text.')
  w.meta.date = '1921-03'
  w.meta.publicationHistory = [{date: '1922-04-22/1922-08-19', event: 'Serialised.'}]
  const html = serialize(renderWork(w))
  assert.match(html, /<dt>Date<\/dt><dd><time datetime="1921-03">1921-03<\/time><\/dd>/)
  assert.match(html, /<li>1922-04-22\/1922-08-19: Serialised.<\/li>/)
})
