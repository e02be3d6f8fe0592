import assert from 'node:assert/strict'
import {join} from 'node:path'
import {after, test} from 'node:test'
import {loadCorpus, resolveEdition} from '@samizdat/model'
import {messages, reported, scratch, writeTree} from './helpers/corpus.js'

const tmp = await scratch('percent')
after(() => tmp.cleanup())

test('a bad percent escape in a link fragment is a positioned warning, not an exception', async () => {
  await writeTree(join(tmp.dir, 'c'), {'works/a.md': '---\ntitle: A\nurl: "https://example.org/a"\n---\n\n## Part\n\n[x](https://example.org/a#%zz)\n'})
  const corpus = await loadCorpus('c', {cwd: tmp.dir})
  const edition = resolveEdition(corpus, 'c')
  assert.deepEqual(
    [...messages(corpus.files), ...reported(edition)],
    ['c/works/a.md:8:1: Link to `#%zz` in `a`, which has no such heading or anchor: its text stands unlinked [anchor-missing]']
  )
})
