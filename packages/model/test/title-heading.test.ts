/**
 * The title of a plain Markdown file, as README files write it: after a licence comment, or a logo with no text.
 * An empty title would make an empty `<title>` and contents entry, which epubcheck rejects.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {loadCorpus} from '@samizdat/model'
import {messages, scratch, writeTree} from './helpers/corpus.js'

async function load(files: Record<string, string>) {
  const {dir, cleanup} = await scratch('title')
  try {
    await writeTree(dir, files)
    const corpus = await loadCorpus(dir)
    return {titles: corpus.works.map((work) => work.meta.title), messages: messages(corpus.files).map((line) => line.replace(/^[^:]*\//, ''))}
  } finally {
    await cleanup()
  }
}

test('a heading after HTML comments is the title', async () => {
  const result = await load({'a.md': '<!-- Licence: MIT -->\n\n<!--\n  generated\n-->\n\n# Real title\n\nBody.\n'})
  assert.deepEqual(result, {titles: ['Real title'], messages: []})
})

test('a heading that is only a logo is titled by the image description, with a warning', async () => {
  const result = await load({'logo.md': '# [![unified][logo]][site]\n\nBody.\n\n[logo]: logo.svg\n[site]: https://unifiedjs.com\n'})
  assert.deepEqual(result, {
    titles: ['unified'],
    messages: ['logo.md:1:1: The title heading has no text; the work is titled `unified` from its image description [title-empty]']
  })
})

test('a heading with neither text nor description is titled by the file name, with a warning', async () => {
  const result = await load({'blank-logo.md': '# ![](logo.png)\n\nBody.\n'})
  assert.deepEqual(result, {
    titles: ['blank-logo'],
    messages: ['blank-logo.md:1:1: The title heading has no text; the work is titled `blank-logo` from the file name [title-empty]']
  })
})
