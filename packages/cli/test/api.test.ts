import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as cli from '../src/index.js'

test('the public API is exactly this', () => {
  assert.deepEqual(Object.keys(cli).sort(), ['build', 'check', 'formats', 'report', 'run'])
})

test('the format registry holds the adapters that exist, each owning one entry per edition', () => {
  assert.deepEqual(Object.keys(cli.formats), ['html', 'epub', 'pdf'])
  for (const [key, format] of Object.entries(cli.formats)) {
    assert.equal(format.id, key)
    assert.equal(typeof format.describe, 'string')
  }
  assert.equal(cli.formats['html']?.outputs('ed'), 'ed/')
  assert.equal(cli.formats['epub']?.outputs('ed'), 'ed.epub')
  assert.equal(cli.formats['pdf']?.outputs('ed'), 'ed.pdf')
})
