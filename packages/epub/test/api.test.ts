/** The public surface of @samizdat/epub, pinned; misuse throws at once. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as epub from '@samizdat/epub'
import {UsageError} from '@samizdat/model'
import {edition} from './helpers/books.js'
import {typeExports, valueExports} from '../../../scripts/exports.js'

test('the runtime exports of @samizdat/epub are exactly these, each of this kind', () => {
  assert.deepEqual(valueExports(epub), {
    bookIdentifier: 'function',
    toEpub: 'function'
  })
})

test('the type-only exports of @samizdat/epub are exactly these', () => {
  assert.deepEqual(typeExports('epub'), {
    EpubLabels: 'type',
    EpubOptions: 'interface'
  })
})

test('toEpub follows the writer contract: one file, `<edition id>.epub`, the bytes of a zip', async () => {
  const fixture = await edition('fixture')
  const files = await epub.toEpub(fixture)
  assert.deepEqual(
    files.map((file) => file.path),
    [`${fixture.meta.id}.epub`]
  )
  const bytes = files[0]!.data
  assert.ok(bytes instanceof Uint8Array)
  assert.equal(Object.getPrototypeOf(bytes), Uint8Array.prototype)
  assert.equal(Buffer.from(bytes.subarray(0, 4)).toString('hex'), '504b0304')
})

test('a bad date or split size is a usage error', async () => {
  const fixture = await edition('fixture')
  await assert.rejects(epub.toEpub(fixture, {date: new Date(Number.NaN)}), UsageError)
  await assert.rejects(epub.toEpub(fixture, {splitAbove: Number.NaN}), UsageError)
})
