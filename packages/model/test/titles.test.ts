import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {test} from 'node:test'
import {corpusFromFiles} from '@samizdat/model'
import {messages} from './helpers/corpus.js'

/** The README of an installed package, as its authors wrote it (found from `from`, a package of this repo). */
function readmeOf(name: string, from: string): string {
  let dir = path.dirname(createRequire(new URL(`../../${from}/package.json`, import.meta.url)).resolve(name))
  while (path.basename(dir) !== name.split('/').at(-1)) dir = path.dirname(dir)
  const file = readdirSync(dir).find((entry) => /^readme\.md$/i.test(entry))
  assert.ok(file, `${name} has a README`)
  return readFileSync(path.join(dir, file), 'utf8')
}

// These READMEs open with an HTML heading or a logo before the title: they used to stop with "Missing title".
test('real READMEs: an HTML <h1> (text, else its image’s alt) or the first heading after a logo is the title', async () => {
  const corpus = await corpusFromFiles({
    'vfile.md': readmeOf('vfile', 'model'),
    'ajv.md': readmeOf('ajv', 'model'),
    'fast-check.md': readmeOf('fast-check', 'cli')
  })
  assert.deepEqual(
    corpus.works.map((work) => [work.meta.id, work.meta.title]),
    [
      ['ajv', 'Ajv JSON schema validator'],
      ['fast-check', 'fast-check logo'],
      ['vfile', 'vfile']
    ]
  )
  assert.deepEqual(
    messages(corpus.files).filter((line) => !line.endsWith('[char-invalid]')),
    [
      'fast-check.md:1:1: The title heading has no text; the work is titled `fast-check logo` from its image description [title-empty]',
      'vfile.md:1:1: The title heading has no text; the work is titled `vfile` from its image description [title-empty]'
    ]
  )
  // The heading is taken out of the body; the logo before ajv's title stays.
  const ajv = corpus.works.find((work) => work.meta.id === 'ajv')!
  assert.match(JSON.stringify(ajv.tree.children[0]), /"type":"html","value":"<img align=\\"right\\" alt=\\"Ajv logo\\"/)
  assert.doesNotMatch(JSON.stringify(ajv.tree), /Ajv JSON schema validator/)
})

test('an HTML heading: its text; what follows it in the same block stays; with no text nor alt, or no heading at all, the file name and a warning', async () => {
  const corpus = await corpusFromFiles({
    'one.md': '<!-- licence -->\n\n<h1 align="center">The <em>Title</em></h1>\n<p>After.</p>\n\nText.\n',
    'two.md': '<h1><img src="logo.png"></h1>\n\nText.\n',
    'three.md': '&nbsp;\n\n<h2>Not a title</h2>\n\nText.\n'
  })
  assert.deepEqual(
    corpus.works.map((work) => [work.meta.id, work.meta.title]),
    [
      ['one', 'The Title'],
      ['three', 'three'],
      ['two', 'two']
    ]
  )
  const one = corpus.works.find((work) => work.meta.id === 'one')!
  assert.deepEqual(
    one.tree.children.map((node) => (node.type === 'html' ? node.value : node.type)),
    ['<!-- licence -->', '<p>After.</p>', 'paragraph']
  )
  assert.deepEqual(messages(corpus.files), [
    'three.md:1:1: No title: the work is titled `three` from its file name (give it front matter with a `title`, or start it with a `#` heading) [title-missing]',
    'two.md:1:1: The title heading has no text; the work is titled `two` from the file name [title-empty]'
  ])
})

test("decoration before the title: badges in links, a logo, and a logo in its own element of the heading's HTML block", async () => {
  const corpus = await corpusFromFiles({
    'badges.md': '[![Build](https://example.org/b.svg)](https://example.org/ci) ![logo](https://example.org/l.png)\n\n# Badged\n\nText.\n',
    'block.md': '<p align="center"><img src="https://example.org/l.png" width="90"></p>\n<h1 align="center"><sup>block</sup> title</h1>\n\nText.\n'
  })
  assert.deepEqual(
    corpus.works.map((work) => [work.meta.id, work.meta.title]),
    [
      ['badges', 'Badged'],
      ['block', 'block title']
    ]
  )
  const block = corpus.works.find((work) => work.meta.id === 'block')!
  assert.deepEqual(
    block.tree.children.map((node) => (node.type === 'html' ? node.value : node.type)),
    ['<p align="center"><img src="https://example.org/l.png" width="90"></p>', 'paragraph']
  )
})

test('an HTML heading wrapped in a link (pdf-lib’s README): the title, taken out with its wrapper, not printed twice', async () => {
  const corpus = await corpusFromFiles({
    'wrapped.md': '<a href="https://example.org">\n<h1 align="center">\n<img alt="wrapped-lib" src="https://example.org/logo.svg">\n</h1>\n</a>\n\nText.\n',
    'mixed.md': '<div><h1>Not alone</h1><p>More.</p></div>\n\nText.\n'
  })
  assert.deepEqual(
    corpus.works.map((work) => [work.meta.id, work.meta.title, work.tree.children.map((node) => node.type)]),
    [
      ['mixed', 'mixed', ['html', 'paragraph']],
      ['wrapped', 'wrapped-lib', ['paragraph']]
    ]
  )
  assert.deepEqual(messages(corpus.files), [
    'mixed.md:1:1: No title: the work is titled `mixed` from its file name (give it front matter with a `title`, or start it with a `#` heading) [title-missing]',
    'wrapped.md:1:1: The title heading has no text; the work is titled `wrapped-lib` from its image description [title-empty]'
  ])
})
