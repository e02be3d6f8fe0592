import assert from 'node:assert/strict'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import {loadCorpus, resolveEdition} from '@samizdat/model'

const corpus = await loadCorpus(fileURLToPath(new URL('../../../corpus', import.meta.url)))
const edition = resolveEdition(corpus, 'workers-opposition')
const faq = edition.apparatus.citations.filter((citation) => citation.work === 'afaq-oppositions')
const at = (line: number): [string | undefined, string] => {
  const citation = faq.find((candidate) => candidate.line === line)
  assert.ok(citation, `no citation on line ${line}`)
  return [citation.parts[0]!.itemId, citation.parts[0]!.resolution]
}

test('every bracketed citation of the FAQ is parsed and resolved', () => {
  assert.equal(faq.length, 81)
  const unresolved = faq.filter((citation) => citation.parts.some((part) => !part.itemId))
  assert.deepEqual(
    unresolved.map((citation) => `${citation.line}:${citation.column} ${citation.text}`),
    []
  )
  for (const citation of faq) assert.match(citation.text, /\*\*/, `${citation.line}: the text is kept as written, markup included`)
})

test('a bare Op. Cit. follows the author the passage credits, not just the preceding citation', () => {
  // Lines of works/afaq-oppositions.md, its body after a front matter of 14 lines.
  assert.deepEqual(at(163), ['kowalski-bolshevik-party-conflict', 'context']) // "the historian Kowalski notes"
  assert.deepEqual(at(540), ['daniels-conscience-revolution', 'context']) // "In the words of historian Robert V. Daniels:" before the quotation
  assert.deepEqual(at(1058), ['ciliga-russian-enigma', 'context']) // "As Ante Ciliga recounted"
  assert.deepEqual(at(1253), ['deutscher-prophet-unarmed', 'context']) // "As Deutscher notes, Trotsky …"
})

test('naming a person is not crediting them: the preceding citation stands', () => {
  assert.deepEqual(at(321), ['brinton-bolsheviks-workers-control', 'preceding']) // a passage about Lenin, quoting Brinton
  assert.deepEqual(at(752), ['harman-bureaucracy-revolution-eastern-europe', 'preceding']) // about Trotsky, quoting Harman
})

test("an author's Op. Cit. and Ibid.", () => {
  const ibid = faq.find((citation) => /Ibid/.test(citation.text))!
  assert.deepEqual([ibid.parts[0]!.itemId, ibid.parts[0]!.resolution], ['maximoff-guillotine-at-work', 'ibid'])
  const schaprio = faq.find((citation) => /Schaprio/.test(citation.text))!
  assert.deepEqual([schaprio.parts[0]!.itemId, schaprio.parts[0]!.resolution], ['schapiro-origin-communist-autocracy', 'author-op-cit'])
})

test('the reader edition’s apparatus JSON is valid against its schema', async () => {
  const {Ajv} = await import('ajv')
  const {apparatusJsonSchema, toApparatusJson} = await import('@samizdat/model')
  const json = toApparatusJson(edition)
  const ajv = new Ajv({strict: false})
  assert.equal(ajv.validate(apparatusJsonSchema, json), true, JSON.stringify(ajv.errors?.slice(0, 3)))
  assert.equal((json['citations'] as unknown[]).length, 81)
  assert.ok((json['annotations'] as {total: number}).total > 100)
})

test('every id in the resolved reader edition is unique', () => {
  const seen = new Map<string, number>()
  const add = (id: string | undefined): void => {
    if (id !== undefined) seen.set(id, (seen.get(id) ?? 0) + 1)
  }
  const walk = (node: {type: string; id?: string | undefined; data?: {id?: string | undefined} | undefined; children?: unknown[]}): void => {
    add(node.data?.id)
    if (node.type === 'correction' || node.type === 'annotated' || node.type === 'noteReference' || node.type === 'citation') add(node.id)
    for (const child of node.children ?? []) walk(child as typeof node)
  }
  for (const work of edition.works) {
    add(work.id)
    walk(work.tree)
    for (const note of work.notes) {
      add(note.id)
      for (const child of note.children) walk(child)
    }
  }
  for (const section of [...(edition.preface ? [edition.preface] : []), ...edition.backMatter]) {
    add(section.id)
    walk(section.tree)
  }
  assert.ok(seen.size > 1000, `ids found: ${seen.size}`)
  assert.deepEqual(
    [...seen].filter(([, count]) => count > 1).map(([id]) => id),
    []
  )
})
