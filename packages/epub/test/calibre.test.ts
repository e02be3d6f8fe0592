/**
 * The book in a real reading system: calibre's `ebook-convert` (Debian
 * package `calibre`) opens the EPUB and writes its text; every heading,
 * paragraph, table cell and note of the edition is in it, the main flow in
 * reading order, and the numbers of an ordered list that starts at 3 as well;
 * converted for Kindle (AZW3), the book keeps its cover.
 */
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {test, type TestContext} from 'node:test'
import {promisify} from 'node:util'
import sharp from 'sharp'
import {build, edition} from './helpers/books.js'
import {expectedText, missingInOrder} from './helpers/expected.js'
import {tool} from './helpers/tools.js'
import {collapse} from './helpers/xml.js'

const run = promisify(execFile)

async function convert(t: TestContext, bytes: Uint8Array): Promise<string | undefined> {
  return inCalibre(t, bytes, async (converter, dir, env) => {
    await run(converter, [join(dir, 'book.epub'), join(dir, 'book.txt')], {env, maxBuffer: 64 * 1024 * 1024})
    return collapse(await readFile(join(dir, 'book.txt'), 'utf8'))
  })
}

/** The book in a temporary folder, and calibre given a writable home for its settings (kept out of the user's). */
async function inCalibre<T>(
  t: TestContext,
  bytes: Uint8Array,
  work: (converter: string, dir: string, env: NodeJS.ProcessEnv) => Promise<T>
): Promise<T | undefined> {
  const converter = tool(t, 'ebook-convert', 'calibre')
  if (!converter) return undefined
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-calibre-'))
  try {
    await writeFile(join(dir, 'book.epub'), bytes)
    return await work(converter, dir, {...process.env, HOME: dir, CALIBRE_CONFIG_DIRECTORY: join(dir, 'config')})
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

test('Kindle conversion (calibre, EPUB to AZW3) keeps the cover', {timeout: 180_000}, async (t) => {
  const cover = await inCalibre(t, await build('fixture'), async (converter, dir, env) => {
    await run(converter, [join(dir, 'book.epub'), join(dir, 'book.azw3')], {env, maxBuffer: 64 * 1024 * 1024})
    // ebook-meta ships with ebook-convert; it writes the AZW3's cover image out, or says "No cover found".
    const meta = join(dirname(converter), 'ebook-meta')
    const {stdout} = await run(meta, [join(dir, 'book.azw3'), '--get-cover=' + join(dir, 'cover.jpg')], {env})
    assert.match(stdout, /Cover saved to/)
    return readFile(join(dir, 'cover.jpg'))
  })
  if (cover === undefined) return
  // A JPEG of the cover's proportions (2:3).
  assert.deepEqual([...cover.subarray(0, 3)], [0xff, 0xd8, 0xff])
  const {width, height} = await sharp(cover).metadata()
  assert.equal(Math.round((width! / height!) * 3), 2)
})
