import assert from 'node:assert/strict'
import {access} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {runCli, tempDir, writeTree} from './util.js'

test('--max-file-size refuses a larger corpus file at its place, for check and build, and nothing is written', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), {'a.md': '# Small\n\nText.\n', 'b.md': `# Big\n\n${'a'.repeat(3000)}\n`})
    const checked = await runCli(['check', '--corpus', 'notes', '--max-file-size', '2kb'], dir)
    assert.equal(checked.code, 1, checked.stderr)
    assert.match(checked.stderr, /^notes\/b\.md:1:1: error .*larger than the limit of 2048 bytes.*\[file-too-large\]$/m)
    const built = await runCli(['build', '--corpus', 'notes', '--out', 'out', '--max-file-size', '2048'], dir)
    assert.equal(built.code, 1, built.stderr)
    assert.match(built.stderr, /\[file-too-large\]/)
    await assert.rejects(access(path.join(dir, 'out')), 'nothing was written')
    assert.equal((await runCli(['check', '--corpus', 'notes', '--max-file-size', '1MB'], dir)).code, 0)
    const bad = await runCli(['check', '--corpus', 'notes', '--max-file-size', 'lots'], dir)
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /expected a size such as 50MB/)
  } finally {
    await cleanup()
  }
})
