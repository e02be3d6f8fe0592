import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import {runCli, tempDir, writeTree} from './util.js'

// A content warning (resolving) and a writer warning (the HTML adapter drops a script), in one plain folder.
const notes = {'a.md': '# A\n\nSee [there](#nowhere).\n\n<div>kept <script>alert(1)</script></div>\n'}

test('without --strict, warnings are printed and the build writes its outputs', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), notes)
    const result = await runCli(['build', '--corpus', 'notes', '--out', 'out', '--format', 'html', '--quiet'], dir)
    assert.equal(result.code, 0, result.stderr)
    assert.match(
      result.stderr,
      /^notes\/a\.md:3:5: warning Link to `#nowhere` in `a`, which has no such heading or anchor: its text stands unlinked \[anchor-missing\]$/m
    )
    assert.match(result.stderr, /^0 errors, 2 warnings$/m)
    assert.ok(existsSync(path.join(dir, 'out', 'notes', 'index.html')))
  } finally {
    await cleanup()
  }
})

test('build --strict: every warning, content or writer, is an error; exit 1 and nothing written', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), notes)
    const result = await runCli(['build', '--strict', '--corpus', 'notes', '--out', 'out', '--format', 'html'], dir)
    assert.equal(result.code, 1, result.stderr)
    assert.deepEqual(
      result.stderr.split('\n').filter((line) => line.startsWith('notes/')),
      [
        'notes/a.md:3:5: error Link to `#nowhere` in `a`, which has no such heading or anchor: its text stands unlinked [anchor-missing]',
        'notes/a.md:5:11: error Raw HTML `<script>` is left out of the edition with everything in it [html-dropped]'
      ]
    )
    assert.match(result.stderr, /^2 errors, 0 warnings$/m)
    assert.equal(existsSync(path.join(dir, 'out')), false)
  } finally {
    await cleanup()
  }
})

test('check --strict: a warning is an error, exit 1; without it, exit 0', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), notes)
    assert.equal((await runCli(['check', '--corpus', 'notes'], dir)).code, 0)
    const result = await runCli(['check', '--strict', '--corpus', 'notes'], dir)
    assert.equal(result.code, 1, result.stderr)
    assert.match(result.stderr, /^notes\/a\.md:3:5: error Link to `#nowhere` .*\[anchor-missing\]$/m)
  } finally {
    await cleanup()
  }
})

test('--strict is in the help of build and check', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    for (const command of ['build', 'check']) {
      const result = await runCli([command, '--help'], dir)
      assert.match(result.stdout, /--strict +treat every warning/, command)
    }
  } finally {
    await cleanup()
  }
})
