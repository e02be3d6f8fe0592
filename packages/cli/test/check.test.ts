import assert from 'node:assert/strict'
import path from 'node:path'
import {test} from 'node:test'
import {editionsCorpus, runCli, spawnCli, tempDir, writeTree} from './util.js'

// Passes only once the real corpus is complete and faithful to its sources.
test('check on the real corpus exits 0', () => {
  const result = spawnCli(['check'])
  assert.equal(result.code, 0, result.stderr)
  assert.match(result.stdout, /^corpus: \d+ works, \d+ editions?, no errors$/m)
  assert.doesNotMatch(result.stderr, /: error /)
})

test('check on a clean corpus prints a one-line summary', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const result = await runCli(['check'], dir)
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stdout, 'corpus: 2 works, 2 editions, no errors\n')
  } finally {
    await cleanup()
  }
})

test('check on a broken corpus exits 1 with each problem at its place', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'lib'), {
      ...editionsCorpus,
      'works/beta.md': '---\ntitle: Beta\nlanguage: 42\n---\n\nText.\n',
      'editions/beta-only.yaml': 'title: Beta Alone\nworks:\n  - beta\n  - gamma\n'
    })
    const result = await runCli(['check', '--corpus', 'lib'], dir)
    assert.equal(result.code, 1)
    assert.match(result.stderr, /^lib\/works\/beta\.md:3:\d+: error .*language.*$/m)
    assert.match(result.stderr, /^lib\/editions\/beta-only\.yaml:4:5: error .*`gamma`.*\[work-unknown\]$/m)
    assert.equal(result.stdout, '')
  } finally {
    await cleanup()
  }
})
