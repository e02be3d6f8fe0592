/**
 * The published packages work outside the workspace: packed, linted (publint,
 * attw), installed with npm in a fresh folder, and used by a JavaScript and a
 * TypeScript consumer (strict, `nodenext` and `bundler`) that build a site, an
 * EPUB and a PDF. See `scripts/consumers.ts`; `pnpm consumers` runs it alone.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {packages, runConsumers} from '../../../scripts/consumers.js'

test('every package packs clean, installs from its tarball, and serves a JS and a TS consumer', async () => {
  const report = await runConsumers()
  assert.equal(report.tarballs.length, packages.length)
  assert.ok(
    report.tarballs.every((tarball) => /samizdat-\w+-\d+\.\d+\.\d+\.tgz$/.test(tarball)),
    report.tarballs.join('\n')
  )
  assert.deepEqual(
    report.output.map((line) => line.replace(/\d+ bytes/g, 'N bytes')),
    ['js consumer: 14 site files, EPUB N bytes, PDF N bytes', 'ts consumer: 14 site files, EPUB N bytes, PDF N bytes']
  )
})
