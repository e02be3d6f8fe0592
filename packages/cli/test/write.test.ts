import assert from 'node:assert/strict'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {writeEntries} from '../src/lib/write.js'
import {snapshot, tempDir, text} from './util.js'

test('a failure while staging leaves the older build in place and no temp folder', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeEntries(dir, [{entry: 'ed/', files: [{path: 'ed/index.html', data: text('old\n')}]}])
    const before = await snapshot(dir)
    // `ed/a` cannot be both a file and a folder.
    const entries = [
      {
        entry: 'ed/',
        files: [
          {path: 'ed/a', data: text('x')},
          {path: 'ed/a/b', data: text('y')}
        ]
      }
    ]
    await assert.rejects(writeEntries(dir, entries), {code: /^E(EXIST|NOTDIR)$/})
    assert.deepEqual(await snapshot(dir), before)
  } finally {
    await cleanup()
  }
})

test('an adapter writing outside its entry is refused before anything is written', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    for (const [entry, file] of [
      ['ed/', '../escape.html'],
      ['ed/', 'ed/../other/x.html'],
      ['ed/', 'other/x.html'],
      ['ed.epub', 'ed.pdf'],
      ['../ed/', '../ed/x.html'],
      ['.hidden/', '.hidden/x.html']
    ] as const) {
      await assert.rejects(writeEntries(path.join(dir, 'out'), [{entry, files: [{path: file, data: text('')}]}]), /Output (file|entry)/)
    }
    assert.deepEqual(await readdir(dir), [])
  } finally {
    await cleanup()
  }
})

test('file and folder entries land in place, bytes as given', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    const bytes = new Uint8Array([0, 1, 2, 255])
    await writeEntries(dir, [
      {
        entry: 'ed/',
        files: [
          {path: 'ed/index.html', data: text('é\n')},
          {path: 'ed/img/a.bin', data: bytes}
        ]
      },
      {entry: 'ed.epub', files: [{path: 'ed.epub', data: bytes}]}
    ])
    assert.deepEqual((await readdir(dir)).sort(), ['.samizdat-manifest.json', 'ed', 'ed.epub'])
    assert.equal(await readFile(path.join(dir, 'ed/index.html'), 'utf8'), 'é\n')
    assert.deepEqual(new Uint8Array(await readFile(path.join(dir, 'ed/img/a.bin'))), bytes)
    assert.deepEqual(new Uint8Array(await readFile(path.join(dir, 'ed.epub'))), bytes)
  } finally {
    await cleanup()
  }
})
