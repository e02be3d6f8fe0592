import assert from 'node:assert/strict'
import {mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {loadCorpus, reservedIds, resolveEdition} from '@samizdat/model'
import {messages, scratch, writeTree} from './helpers/corpus.js'

let tmp: {dir: string; cleanup: () => Promise<void>}
before(async () => {
  tmp = await scratch('ids')
})
after(() => tmp.cleanup())
const load = async (name: string, files: Record<string, string>) => {
  await writeTree(join(tmp.dir, name), files)
  return loadCorpus(name, {cwd: tmp.dir})
}

test('duplicate edition ids, also differing only in case, are errors at the second naming the first', async () => {
  const corpus = await load('dup-editions', {
    'works/a.md': '# A\n',
    'editions/one.yaml': 'id: same\ntitle: One\n',
    'editions/two.yaml': 'id: same\ntitle: Two\n',
    'editions/three.yaml': 'id: SAME\ntitle: Three\n'
  })
  assert.deepEqual(messages(corpus.files), [
    'dup-editions/editions/three.yaml:1:5: Duplicate edition id `SAME` (first used by dup-editions/editions/one.yaml; ids differing only in case count as the same) [id-duplicate]',
    'dup-editions/editions/two.yaml:1:5: Duplicate edition id `same` (first used by dup-editions/editions/one.yaml; ids differing only in case count as the same) [id-duplicate]'
  ])
  assert.deepEqual(
    corpus.editions.map((edition) => edition.title),
    ['One']
  )
})

test('duplicate work ids are errors at the second id', async () => {
  const corpus = await load('dup-works', {'works/a.md': '---\ntitle: A\nid: x\n---\n', 'works/b.md': '---\ntitle: B\nid: x\n---\n'})
  assert.deepEqual(messages(corpus.files), ['dup-works/works/b.md:3:5: Duplicate work id `x` (first used by dup-works/works/a.md) [id-duplicate]'])
})

test('duplicate persons, bibliography items and timeline events are errors, not merged', async () => {
  const corpus = await load('dup-apparatus', {
    'works/a.md': '# A\n\nKollontai met Lenin.\n',
    'persons.yaml': 'persons:\n  - {id: k, name: K, variants: [Kollontai]}\n  - {id: k, name: Other, variants: [Lenin]}\n',
    'bibliography.yaml': 'items:\n  - {id: b, type: book, title: One}\n  - {id: b, type: book, title: Two}\n',
    'timeline.yaml': 'events:\n  - {date: "1921", label: Met}\n  - {date: "1921", label: Met}\n'
  })
  assert.deepEqual(messages(corpus.files), [
    'dup-apparatus/persons.yaml:3:10: Duplicate person id `k` (first at line 2) [id-duplicate]',
    'dup-apparatus/timeline.yaml:3:5: Duplicate timeline event `1921` `Met` (first at line 2) [id-duplicate]',
    'dup-apparatus/bibliography.yaml:3:10: Duplicate bibliography id `b` (first at line 2) [id-duplicate]'
  ])
  assert.deepEqual(
    corpus.apparatus.bibliography.map((item) => item.title),
    ['One']
  )
  assert.deepEqual(
    corpus.apparatus.persons.map((person) => person.name),
    ['K']
  )
})

test('a work may not take an id reserved for a page the outputs make', async () => {
  const corpus = await load('reserved', {
    'works/index.md': '# Home\n',
    'works/b.md': '---\ntitle: B\nid: Timeline\n---\n',
    'works/c.md': '---\ntitle: C\nid: in.dex\n---\n',
    'works/ok.md': '# Fine\n'
  })
  const list = [...reservedIds].join(', ')
  assert.deepEqual(messages(corpus.files), [
    `reserved/works/b.md:3:5: Work id \`Timeline\` is reserved for a page the outputs make: give the work another \`id\` (reserved: ${list}) [id-reserved]`,
    `reserved/works/c.md:3:5: Work id \`in.dex\` is reserved for a page the outputs make: give the work another \`id\` (reserved: ${list}) [id-reserved]`,
    `reserved/works/index.md:1:1: Work id \`index\` is reserved for a page the outputs make: give the work another \`id\` (reserved: ${list}) [id-reserved]`
  ])
  assert.deepEqual(
    corpus.works.map((work) => work.meta.id),
    ['ok']
  )
})

test('the reserved ids cover every back-matter section the model makes', async () => {
  const corpus = await loadCorpus('fixtures/apparatus', {cwd: new URL('.', import.meta.url).pathname})
  const edition = resolveEdition(corpus, corpus.editions[0]!.id)
  assert.deepEqual(edition.backMatter.map((section) => section.kind).sort(), ['bibliography', 'corrections', 'index', 'timeline'])
  for (const section of edition.backMatter) assert.ok(reservedIds.has(section.id), section.id)
  assert.ok(reservedIds.has('index'))
})

test('any folder name gives a valid edition id (slugged), the title keeps the name', async () => {
  const cases: Array<[string, string]> = [
    ['.notes', 'notes'],
    ['My Notes', 'my-notes'],
    ['back\\slash', 'backslash'],
    ['Заметки', 'заметки'],
    ['-dash', 'dash']
  ]
  for (const [name, id] of cases) {
    await writeTree(join(tmp.dir, 'names', name), {'a.md': '# A\n'})
    const corpus = await loadCorpus(name, {cwd: join(tmp.dir, 'names')})
    assert.deepEqual(
      corpus.editions.map((edition) => [edition.id, edition.title]),
      [[id, name]],
      name
    )
    assert.deepEqual(messages(corpus.files), [])
  }
})

test('a folder name with nothing to slug is a clear error', async () => {
  await mkdir(join(tmp.dir, 'names', '...'), {recursive: true})
  await writeTree(join(tmp.dir, 'names', '...'), {'a.md': '# A\n'})
  const corpus = await loadCorpus('...', {cwd: join(tmp.dir, 'names')})
  assert.deepEqual(corpus.editions, [])
  assert.deepEqual(messages(corpus.files), ['...:1:1: The folder name `...` gives no edition id: rename the folder, or add `editions/<id>.yaml` [id-invalid]'])
})
