import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {Link, Nodes} from 'mdast'
import {loadCorpus, resolveEdition} from '@samizdat/model'
import {messages, reported, scratch, writeTree} from './helpers/corpus.js'

function links(tree: Nodes): Link[] {
  const found: Link[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'link') found.push(node)
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return found
}

// An EPUB that refers to a file it does not hold fails epubcheck (RSC-007); no output may keep such an href.
test('a relative link to no work of the edition, in a work without baseUrl, is unlinked with a positioned warning', async () => {
  const {dir, cleanup} = await scratch('relative')
  try {
    await writeTree(dir, {
      'notes/a.md': '# A\n\nSee [the guide](docs/guide.html), [b](b.md) and [home](https://example.org/).\n',
      'notes/b.md': '# B\n\nText.\n'
    })
    const corpus = await loadCorpus('notes', {cwd: dir})
    const edition = resolveEdition(corpus, 'notes')
    const work = edition.works.find((w) => w.meta.id === 'a')!
    assert.deepEqual(
      links(work.tree).map((link) => link.url),
      ['#b', 'https://example.org/']
    )
    assert.match(JSON.stringify(work.tree), /"value":"the guide"/)
    assert.deepEqual(
      [...messages(corpus.files), ...reported(edition)].filter((line) => line.includes('[link-unresolved]')),
      [
        'notes/a.md:3:5: Relative link `docs/guide.html` cannot be resolved (no work of the edition is `docs/guide.html`, and the work has no `baseUrl`): its text stands unlinked [link-unresolved]'
      ]
    )
  } finally {
    await cleanup()
  }
})
