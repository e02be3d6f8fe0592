import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {Link, Nodes} from 'mdast'
import {Ajv} from 'ajv'
import {apparatusJsonSchema, corpusFromFiles, resolveEdition, toApparatusJson, type ResolvedEdition} from '@samizdat/model'
import {reported} from './helpers/corpus.js'

function links(tree: Nodes): Link[] {
  const found: Link[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'link') found.push(node)
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return found
}

async function edition(body: string): Promise<ResolvedEdition> {
  const corpus = await corpusFromFiles({'a.md': `---\ntitle: A\n---\n\n${body}`})
  return resolveEdition(corpus, 'corpus')
}

// CommonMark example 501: it used to be an error that stopped every format.
test('a link to a fragment no heading has is a positioned warning; its text stands unlinked, its address kept in the apparatus JSON', async () => {
  const resolved = await edition('[link](#fragment)\n')
  assert.deepEqual(reported(resolved), ['a.md:5:1: Link to `#fragment` in `a`, which has no such heading or anchor: its text stands unlinked [anchor-missing]'])
  assert.ok(resolved.messages.every((message) => message.fatal !== true))
  const work = resolved.works[0]!
  assert.deepEqual(links(work.tree), [])
  assert.deepEqual(work.tree.children[0], {
    type: 'paragraph',
    children: [{type: 'text', value: 'link', position: {start: {line: 5, column: 2, offset: 19}, end: {line: 5, column: 6, offset: 23}}}],
    position: {start: {line: 5, column: 1, offset: 18}, end: {line: 5, column: 18, offset: 35}}
  })
  const json = toApparatusJson(resolved)
  assert.deepEqual(json['unlinked'], [{work: 'a', url: '#fragment', text: 'link', rule: 'anchor-missing', line: 5, column: 1}])
  const ajv = new Ajv({strict: false})
  assert.ok(ajv.validate(apparatusJsonSchema, json), ajv.errorsText())
})

test('a remote badge image in a link is flattened: one link, no link inside it', async () => {
  const resolved = await edition('[![build](https://img.shields.io/badge/build-passing-green.svg)](https://ci.example.org/job)\n')
  const found = links(resolved.works[0]!.tree)
  assert.deepEqual(
    found.map((link) => link.url),
    ['https://ci.example.org/job']
  )
  assert.equal(links({type: 'root', children: found[0]!.children}).length, 0)
  assert.deepEqual(found[0]!.children, [{type: 'text', value: 'build'}])
})

test('addresses are normalised as valid URIs; one that cannot be is unlinked with a warning', async () => {
  const resolved = await edition(
    [
      '[space](<https://example.org/a b>)',
      '[bar](https://example.org/x|y?q=^)',
      '[accent](https://example.org/ö)',
      '[backslash](https://example.org\\docs\\a)',
      '<https://foo.bar.`baz>',
      ''
    ].join('\n')
  )
  assert.deepEqual(
    links(resolved.works[0]!.tree).map((link) => link.url),
    ['https://example.org/a%20b', 'https://example.org/x%7Cy?q=%5E', 'https://example.org/%C3%B6', 'https://example.org/docs/a']
  )
  assert.deepEqual(reported(resolved), [
    'a.md:9:1: Link `https://foo.bar.`baz` cannot be written as a valid URL (`https://foo.bar.`baz/`): its text stands unlinked [url-invalid]'
  ])
  assert.deepEqual(
    resolved.apparatus.unlinked.map((link) => [link.url, link.rule]),
    [['https://foo.bar.`baz', 'url-invalid']]
  )
})

test('an empty heading is left out with a warning, and the contents have no empty entry', async () => {
  const resolved = await edition('## \n\nText.\n\n### ###\n\n## Real\n')
  assert.deepEqual(reported(resolved), [
    'a.md:5:1: An empty heading (level 2) is left out: it has no text to show [heading-empty]',
    'a.md:9:1: An empty heading (level 3) is left out: it has no text to show [heading-empty]'
  ])
  assert.deepEqual(
    resolved.works[0]!.headings.map((heading) => heading.text),
    ['Real']
  )
  assert.deepEqual(
    resolved.toc[0]!.children.map((entry) => entry.text),
    ['Real']
  )
})
