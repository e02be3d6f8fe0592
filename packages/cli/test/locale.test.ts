/** `build --locale`: the words around the text in another language than the edition's. */
import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {runCli, tempDir, writeTree} from './util.js'

test("build --locale fr writes a plain folder's pages in French; without it, in English", async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), {'a.md': '---\ntitle: Alpha\nauthors: [Ann, Ben, Cy]\n---\n\nText.\n'})
    const french = await runCli(['build', '--corpus', 'notes', '--out', 'fr', '--format', 'html', '--locale', 'fr', '--quiet'], dir)
    assert.equal(french.code, 0, french.stderr)
    const index = await readFile(path.join(dir, 'fr', 'notes', 'index.html'), 'utf8')
    assert.match(index, /<h2 id="contents">Sommaire<\/h2>/)
    assert.match(index, /<p class="credit">Par Ann, Ben et Cy<\/p>/)
    const english = await runCli(['build', '--corpus', 'notes', '--out', 'en', '--format', 'html', '--quiet'], dir)
    assert.equal(english.code, 0, english.stderr)
    assert.match(await readFile(path.join(dir, 'en', 'notes', 'index.html'), 'utf8'), /<p class="credit">By Ann, Ben and Cy<\/p>/)
  } finally {
    await cleanup()
  }
})
