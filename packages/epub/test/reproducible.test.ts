/**
 * Reproducible books: the same edition and date give the same bytes, in any
 * time zone; the clock is never read; the zip starts with an uncompressed
 * `mimetype` and every entry carries the build's time.
 */
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import {promisify} from 'node:util'
import {build, edition, open} from './helpers/books.js'
import {elements, textOf} from './helpers/xml.js'
import {toEpub} from '@samizdat/epub'
import {corpusFromFiles, resolveEdition} from '@samizdat/model'

const run = promisify(execFile)
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

test('two builds of the real edition are byte-identical, in one process and under other time zones', async () => {
  // The run's shared build (made by whichever test process came first, in this machine's zone), and two made
  // afresh one after the other in one child, under a zone 14 hours ahead of UTC and one 8 behind it. The pinned
  // time is late in its UTC day: where it is already the next day, a date read in local time would differ.
  const here = sha256(await build('real'))
  const zones = ['Pacific/Kiritimati', 'America/Los_Angeles']
  const script = fileURLToPath(new URL('helpers/build-hash.ts', import.meta.url))
  const {stdout} = await run(process.execPath, ['--conditions=source', '--import', 'tsx', script, ...zones], {
    env: {...process.env, TZ: zones[0]},
    cwd: fileURLToPath(new URL('../../../', import.meta.url))
  })
  assert.deepEqual(
    stdout.trim().split('\n'),
    zones.map((zone) => `${zone} ${here}`)
  )
})

test('a different date changes only what it stamps', async () => {
  const other = await open(await build('real', {date: new Date(Date.UTC(2030, 0, 1))}))
  const book = await open(await build('real'))
  const modified = (opf: typeof book.opf) => textOf(elements(opf, 'meta').find((m) => m.attributes['property'] === 'dcterms:modified')!)
  assert.equal(modified(book.opf), '2024-05-06T23:08:09Z')
  assert.equal(modified(other.opf), '2030-01-01T00:00:00Z')
  // The real edition has no date of its own: the colophon gives the build's.
  for (const path of book.spine) {
    if (path.endsWith('colophon.xhtml')) {
      assert.ok((await book.text(path)).includes('2024-05-06'))
      assert.ok((await other.text(path)).includes('2030-01-01'))
    } else {
      assert.equal(await other.text(path), await book.text(path), path)
    }
  }
})

test('every zip entry is dated with the build time; mimetype comes first, stored', async () => {
  const bytes = await build('real')
  const book = await open(bytes)
  const times = new Set(Object.values(book.zip.files).map((file) => file.date.toISOString()))
  // DOS times have a resolution of two seconds.
  assert.deepEqual([...times], ['2024-05-06T23:08:08.000Z'])
  const view = Buffer.from(bytes)
  assert.equal(view.readUInt32LE(0), 0x04034b50, 'a local file header first')
  assert.equal(view.readUInt16LE(8), 0, 'stored, not deflated')
  assert.equal(view.readUInt16LE(28), 0, 'no extra field')
  assert.equal(view.toString('latin1', 30, 30 + view.readUInt16LE(26)), 'mimetype')
  assert.equal(view.toString('latin1', 38, 58), 'application/epub+zip')
})

test('without a date: the edition’s own date, else the Unix epoch (never the clock)', async () => {
  const fixture = await open((await toEpub(await edition('fixture')))[0]!.data)
  // An edition with no date of its own (a plain folder's): the size of the real one buys nothing here.
  const corpus = await corpusFromFiles({'a.md': '# A\n\nText.\n'})
  const undated = resolveEdition(corpus, corpus.editions[0]!.id)
  assert.equal(undated.meta.date, undefined)
  const book = await open((await toEpub(undated))[0]!.data)
  const modified = (opf: typeof book.opf) => textOf(elements(opf, 'meta').find((m) => m.attributes['property'] === 'dcterms:modified')!)
  assert.equal(modified(fixture.opf), '2001-02-03T00:00:00Z')
  assert.equal(modified(book.opf), '1970-01-01T00:00:00Z')
  // Zip times cannot go below 1980.
  assert.deepEqual([...new Set(Object.values(book.zip.files).map((file) => file.date.toISOString()))], ['1980-01-01T00:00:00.000Z'])
})
