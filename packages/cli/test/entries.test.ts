/**
 * A loop's stage folder keeps the values decoded from its entries between builds (the PDF's layouts): decoded
 * once, given back as they are while their entries are kept, and never once an entry is made again or dropped.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {EntryFolder} from '../src/lib/cache/entries.js'
import {tempDir} from './util.js'

test("a loop's folder decodes an entry once and keeps the value with it; a new entry or an unused one leaves no stale value", async () => {
  const {dir, cleanup} = await tempDir()
  try {
    const folder = new EntryFolder(dir, true)
    let decoded = 0
    const decode = (data: Uint8Array): {text: string} => (decoded++, {text: new TextDecoder().decode(data)})
    folder.begin()
    folder.set('a', new TextEncoder().encode('first'))
    folder.flush()

    folder.begin()
    const value = folder.value('a', decode)
    assert.deepEqual([value, decoded], [{text: 'first'}, 1])
    // The next build gets the very value back, counted as reused.
    folder.begin()
    assert.equal(folder.value('a', decode), value)
    assert.deepEqual([decoded, folder.stats], [1, {reused: 1, made: 0}])

    // Made again (bytes only): the old value is gone, the new bytes are decoded.
    folder.set('a', new TextEncoder().encode('second'))
    folder.flush()
    folder.begin()
    assert.deepEqual([folder.value('a', decode), decoded], [{text: 'second'}, 2])

    // Made with its value: given back as it is, not decoded.
    const made = {text: 'third'}
    folder.set('a', new TextEncoder().encode('third'), made)
    folder.flush()
    folder.begin()
    assert.equal(folder.value('a', decode), made)

    // A build that does not use it: the value goes with the entry's bytes (read from the disk again after).
    folder.begin()
    folder.begin()
    assert.deepEqual(folder.value('a', decode), {text: 'third'})
    assert.notEqual(folder.value('a', decode), made)
    assert.equal(decoded, 3)

    // Not a loop's folder: decoded at each read.
    const once = new EntryFolder(dir)
    once.value('a', decode)
    once.value('a', decode)
    assert.equal(decoded, 5)
  } finally {
    await cleanup()
  }
})
