import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {Link} from 'mdast'
import {visit} from 'unist-util-visit'
import {corpusFromFiles, resolveEdition, tocParts} from '@samizdat/model'
import {messages} from './helpers/corpus.js'

const files = {
  '10-ten.md': '# Ten\n',
  '2-two.markdown': '# Two\n',
  'part-b/1-x.md': '# X\n',
  'part-a/10.md': '# A ten\n',
  'part-a/9.md': '# A nine\n',
  'part-a/deeper/1.md': '# Deep\n',
  '.git/hidden.md': '# Hidden\n',
  'editions-like/y.md': '# Y\n',
  'notes.txt': 'not Markdown'
}

test('*.md and *.markdown in subfolders are read, files and folders in natural order, ids from their paths', async () => {
  const corpus = await corpusFromFiles(files)
  assert.deepEqual(messages(corpus.files), [])
  assert.deepEqual(
    corpus.works.map((work) => [work.meta.id, work.meta.title, work.meta.part ?? null]),
    [
      ['2-two', 'Two', null],
      ['10-ten', 'Ten', null],
      ['editions-like-y', 'Y', 'editions-like'],
      ['part-a-9', 'A nine', 'part-a'],
      ['part-a-10', 'A ten', 'part-a'],
      ['part-a-deeper-1', 'Deep', 'part-a/deeper'],
      ['part-b-1-x', 'X', 'part-b']
    ]
  )
})

test('the layout folders of a plain corpus are not parts; under works/ every subfolder is', async () => {
  const plain = await corpusFromFiles({'a.md': '# A\n', 'editions/b.md': '# B\n', 'sources/c.md': '# C\n', 'annotations/d.md': '# D\n'})
  assert.deepEqual(
    plain.works.map((work) => work.meta.id),
    ['a']
  )
  const layout = await corpusFromFiles({'works/a.md': '# A\n', 'works/sources/c.md': '# C\n'})
  assert.deepEqual(
    layout.works.map((work) => [work.meta.id, work.meta.part ?? null]),
    [
      ['a', null],
      ['sources-c', 'sources']
    ]
  )
})

test('a work id from a path that another work already has is an error naming the first', async () => {
  const corpus = await corpusFromFiles({'a-b.md': '# One\n', 'a/b.md': '# Two\n'})
  assert.deepEqual(messages(corpus.files), ['a-b.md:1:1: Duplicate work id `a-b` (first used by a/b.md) [id-duplicate]'])
})

test('the contents in runs by part, for the adapters', async () => {
  const corpus = await corpusFromFiles(files)
  const runs = tocParts(resolveEdition(corpus, 'corpus'))
  assert.deepEqual(
    runs.map((run) => [run.part ?? null, run.entries.map((entry) => entry.text)]),
    [
      [null, ['Two', 'Ten']],
      ['editions-like', ['Y']],
      ['part-a', ['A nine', 'A ten']],
      ['part-a/deeper', ['Deep']],
      ['part-b', ['X']]
    ]
  )
})

test('links between works in folders: paths relative to the linking file, `.markdown` too', async () => {
  const corpus = await corpusFromFiles({
    'home.md': '# Home\n\n[nine](part-a/9.md) [x](part-b/x.markdown#more) [none](part-a/none.md)\n',
    'part-a/9.md': '# Nine\n\n[x](../part-b/x.markdown) [home](../home.md) [ten](10.md)\n',
    'part-a/10.md': '# Ten\n',
    'part-b/x.markdown': '# X\n\n## More\n'
  })
  const edition = resolveEdition(corpus, 'corpus')
  const targets = (id: string): unknown[] => {
    const found: unknown[] = []
    visit(edition.works.find((work) => work.meta.id === id)!.tree, 'link', (link: Link) => {
      found.push(link.data?.target ?? link.url)
    })
    return found
  }
  assert.deepEqual(targets('home'), [
    {work: 'part-a-9', id: 'part-a-9'},
    {work: 'part-b-x', id: 'more'}
  ])
  assert.deepEqual(targets('part-a-9'), [
    {work: 'part-b-x', id: 'part-b-x'},
    {work: 'home', id: 'home'},
    {work: 'part-a-10', id: 'part-a-10'}
  ])
  assert.deepEqual(
    edition.apparatus.unlinked.map((link) => [link.work, link.url, link.rule]),
    [['home', 'part-a/none.md', 'link-unresolved']]
  )
})
