import assert from 'node:assert/strict'
import path from 'node:path'
import {test} from 'node:test'
import {editionsCorpus, root, runCli, tempDir, writeTree} from './util.js'

// Passes only once the real corpus is complete and faithful to its sources.
test('check on the real corpus exits 0', async () => {
  const result = await runCli(['check'], root)
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

test('a broken anchor in the real corpus fails check with the annotation file, line and work', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    const {cp, readFile, writeFile} = await import('node:fs/promises')
    await cp(path.join(root, 'corpus'), path.join(dir, 'corpus'), {recursive: true})
    const file = path.join(dir, 'corpus/annotations/broken.yaml')
    await writeFile(
      file,
      [
        'annotations:',
        '  - id: broken-anchor',
        '    work: solidarity-introduction',
        '    kind: note',
        '    quote: {exact: "a phrase the introduction never uses"}',
        '    body: Nowhere.',
        '  - id: ambiguous-anchor',
        '    work: solidarity-introduction',
        '    kind: note',
        '    quote: {exact: "Kollontai"}',
        '    body: Everywhere.',
        ''
      ].join('\n')
    )
    const result = await runCli(['check'], dir)
    assert.equal(result.code, 1)
    assert.match(
      result.stderr,
      /^corpus\/annotations\/broken\.yaml:5:12: error Annotation `broken-anchor`: “a phrase the introduction never uses” not found in work `solidarity-introduction` .*\[anchor-missing\]$/m
    )
    // The first three matches of an ambiguous quote are listed with their line and column, then a count of the rest.
    const ambiguous =
      /^corpus\/annotations\/broken\.yaml:10:12: error Annotation `ambiguous-anchor`: “Kollontai” matches (\d+) times in work `solidarity-introduction` \((.*)\): add a prefix or suffix \[anchor-ambiguous\]$/m.exec(
        result.stderr
      )
    assert.ok(ambiguous, result.stderr)
    const places = ambiguous[2]!.split(', ')
    assert.ok(Number(ambiguous[1]) > 3, ambiguous[0])
    assert.equal(places.pop(), `and ${Number(ambiguous[1]) - 3} more`)
    assert.equal(places.length, 3)
    const work = (await readFile(path.join(dir, 'corpus/works/solidarity-introduction.md'), 'utf8')).split('\n')
    for (const place of places) {
      const [, line, column] = /:(\d+):(\d+)$/.exec(place)!
      assert.equal(work[Number(line) - 1]!.slice(Number(column) - 1, Number(column) - 1 + 'Kollontai'.length), 'Kollontai', place)
    }
  } finally {
    await cleanup()
  }
})
