import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as cli from '../src/index.js'
import {typeExports, valueExports} from '../../../scripts/exports.js'

test('the runtime exports of @samizdat/cli are exactly these, each of this kind', () => {
  assert.deepEqual(valueExports(cli), {
    build: 'function',
    check: 'function',
    formats: 'object',
    preview: 'function',
    report: 'function',
    run: 'function',
    watch: 'function'
  })
})

test('the type-only exports of @samizdat/cli are exactly these', () => {
  assert.deepEqual(typeExports('cli'), {
    BuildOptions: 'interface',
    BuildResult: 'interface',
    CheckOptions: 'interface',
    CheckResult: 'interface',
    Format: 'interface',
    Io: 'interface',
    OutputFile: 'interface',
    PreviewOptions: 'interface',
    RenderOptions: 'interface',
    WatchEvent: 'type',
    WatchOptions: 'interface',
    Written: 'interface'
  })
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
