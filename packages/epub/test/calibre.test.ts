/**
 * The book in a real reading system: calibre's `ebook-convert` (Debian
 * package `calibre`) opens the EPUB and writes its text; every heading,
 * paragraph, table cell and note of the edition is in it, the main flow in
 * reading order, and the numbers of an ordered list that starts at 3 as well.
 */
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {promisify} from 'node:util'
import {build, edition} from './helpers/books.js'
import {expectedText, missingInOrder} from './helpers/expected.js'
import {tool} from './helpers/tools.js'
import {collapse} from './helpers/xml.js'

const run = promisify(execFile)

async function convert(t: TestContext, bytes: Uint8Array): Promise<string | undefined> {
  const converter = tool(t, 'ebook-convert', 'calibre')
  if (!converter) return undefined
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-calibre-'))
  try {
    await writeFile(join(dir, 'book.epub'), bytes)
    // calibre wants a writable home for its settings; keep it out of the user's.
    await run(converter, [join(dir, 'book.epub'), join(dir, 'book.txt')], {
      env: {...process.env, HOME: dir, CALIBRE_CONFIG_DIRECTORY: join(dir, 'config')},
      maxBuffer: 64 * 1024 * 1024
    })
    return collapse(await readFile(join(dir, 'book.txt'), 'utf8'))
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

for (const which of ['real', 'fixture'] as const) {
  test(`calibre round trip (${which} edition): nothing is missing`, {timeout: 180_000}, async (t) => {
    const text = await convert(t, await build(which))
    if (text === undefined) return
    const expected = expectedText(await edition(which))
    assert.deepEqual(missingInOrder(text, expected.flow), [])
    for (const [work, notes] of expected.notes) {
      assert.deepEqual(
        notes.filter((note) => !text.includes(note)),
        [],
        work
      )
    }
    if (which === 'fixture') {
      assert.ok(text.includes('3. No animal on the pasture before the first of May. 4. No more than two cows for each household. 5. No sheep'))
    }
  })
}
