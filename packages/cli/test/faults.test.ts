/** Faults of the machine end in one plain line and exit 2, never a stack trace or "internal error". */
import assert from 'node:assert/strict'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {asFault, describeFault} from '../src/lib/faults.js'
import {runCli, snapshot, tempDir, writeTree} from './util.js'

test('--out with a file on the way is a plain message (ENOTDIR), exit 2', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), {'a.md': '# A\n\nText.\n'})
    await writeFile(path.join(dir, 'afile'), 'a file\n')
    const result = await runCli(['build', '--corpus', 'notes', '--out', 'afile/sub'], dir)
    assert.equal(result.code, 2)
    assert.equal(result.stderr, 'samizdat: Cannot use output folder "afile/sub": a part of the path is a file, not a folder (ENOTDIR: afile/sub)\n')
    assert.equal(await readFile(path.join(dir, 'afile'), 'utf8'), 'a file\n')
  } finally {
    await cleanup()
  }
})

test('a missing file (a font) or the engine running out of memory on a huge file becomes a sentence naming what was being made', async () => {
  const missing = Object.assign(new Error("ENOENT: no such file or directory, open '/fonts/x.ttf'"), {code: 'ENOENT', path: '/fonts/x.ttf'})
  await assert.rejects(
    asFault('Cannot make the pdf of edition "ed"', '/', () => Promise.reject(missing)),
    {
      name: 'FaultError',
      message: 'Cannot make the pdf of edition "ed": no such file or folder (ENOENT: fonts/x.ttf)'
    }
  )
  await assert.rejects(
    asFault('Cannot load the corpus "c"', '/', () => Promise.reject(new RangeError('Invalid string length'))),
    {
      name: 'FaultError',
      message: 'Cannot load the corpus "c": out of memory or too deeply nested (Invalid string length)'
    }
  )
  assert.equal(describeFault(new RangeError('Maximum call stack size exceeded'), '/'), 'out of memory or too deeply nested (Maximum call stack size exceeded)')
  // A bug stays a bug: not every error is a fault.
  assert.equal(describeFault(new TypeError('x is undefined'), '/'), undefined)
  assert.equal(describeFault(new RangeError('Invalid array length'), '/'), undefined)
  const bug = new TypeError('x is undefined')
  await assert.rejects(
    asFault('Doing', '/', () => Promise.reject(bug)),
    (error) => error === bug
  )
})

test('an errno error that escapes the build (a folder named x.md) is still a message, not an internal error', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'c'), {'a.md': '# A\n\nText.\n', 'x.md/inner.txt': 'a folder named like a work\n'})
    for (const args of [
      ['check', '--corpus', 'c'],
      ['build', '--corpus', 'c', '--out', 'site']
    ]) {
      const result = await runCli(args, dir)
      // Exit 2 here; 1 once the loader reports it as a content error at its path.
      assert.ok(result.code === 1 || result.code === 2, `${args[0]}: ${result.code} ${result.stderr}`)
      assert.doesNotMatch(result.stderr, /internal error|\n\s+at /)
      assert.match(result.stderr, /x\.md|EISDIR/)
    }
    assert.equal(await snapshot(path.join(dir, 'site')), undefined)
  } finally {
    await cleanup()
  }
})
