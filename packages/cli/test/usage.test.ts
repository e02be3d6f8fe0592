import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {editionsCorpus, root, runCli, snapshot, spawnCli, tempDir, writeTree} from './util.js'

const {version} = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}

test('usage errors exit 2, name the bad value and the valid ones, and write nothing', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const cases: Array<[string[], RegExp]> = [
      [['build', '--edition', 'nope'], /^samizdat: Unknown edition "nope"; expected one of "beta-only", "both"$/m],
      [['build', '--edition', 'both,nope,nada'], /^samizdat: Unknown editions "nope", "nada"; expected one of "beta-only", "both"$/m],
      [['build', '--format', 'docx'], /^samizdat: Unknown format "docx"; expected one of "html", "epub", "pdf"$/m],
      [['build', '--paper', 'B5'], /^samizdat: Unknown paper "B5"; expected one of "A5", "A4", "Letter"$/m],
      [['build', '--locale', 'not a tag!'], /^samizdat: Expected a BCP 47 language tag for the locale \(e\.g\. `fr`, `en-GB`\), not `not a tag!`$/m],
      [['build', '--corpus', 'missing'], /^samizdat: Corpus folder not found: missing$/m],
      [['build', '--bogus'], /^error: unknown option '--bogus'$/m],
      [['build', '--out'], /^error: option '-o, --out <dir>' argument missing$/m],
      [['build', 'extra'], /^error: too many arguments for 'build'/m],
      [['publish'], /^error: unknown command 'publish'$/m],
      [['check', '--edition', 'both'], /^error: unknown option '--edition'$/m],
      [[], /^Usage: samizdat \[options\] \[command\]$/m]
    ]
    for (const [args, expected] of cases) {
      const result = await runCli(args, dir)
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`)
      assert.match(result.stderr, expected, args.join(' '))
      assert.equal(result.stdout, '', args.join(' '))
    }
    assert.equal(await snapshot(path.join(dir, 'dist')), undefined)
  } finally {
    await cleanup()
  }
})

test('the spawned bin exits 2 on a usage error', () => {
  const result = spawnCli(['build', '--format', 'docx,html'])
  assert.equal(result.code, 2)
  assert.equal(result.stderr, 'samizdat: Unknown format "docx"; expected one of "html", "epub", "pdf"\n')
})

test('a SOURCE_DATE_EPOCH that is not whole seconds is a usage error', () => {
  const result = spawnCli(['build', '--out', 'never-written'], root, {SOURCE_DATE_EPOCH: '2024-01-01'})
  assert.equal(result.code, 2)
  assert.equal(result.stderr, 'samizdat: SOURCE_DATE_EPOCH must be whole seconds, not "2024-01-01"\n')
})

test('a SOURCE_DATE_EPOCH past the year 9999 is a usage error, not an invalid EPUB', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const result = spawnCli(['build', '--format', 'epub'], dir, {SOURCE_DATE_EPOCH: '253402300800'})
    assert.equal(result.code, 2)
    assert.equal(result.stderr, 'samizdat: SOURCE_DATE_EPOCH must be at most 253402300799 (the end of the year 9999), not 253402300800\n')
    assert.equal(await snapshot(path.join(dir, 'dist')), undefined)
  } finally {
    await cleanup()
  }
})

// In-process: what the bin prints comes from `run()` (commander's output goes through its stdout); a spawn is seconds of CPU.
test('--help of each command exits 0 and lists its options', async () => {
  const main = await runCli(['--help'], root)
  assert.equal(main.code, 0)
  assert.match(main.stdout, /^Usage: samizdat \[options\] \[command\]$/m)
  assert.match(main.stdout, /^ {2}build \[options\] /m)
  assert.match(main.stdout, /^ {2}check \[options\] /m)
  assert.match(main.stdout, /^Exit codes: 0 ok, 1 content errors, 2 usage errors, 70 internal error\.$/m)

  const build = await runCli(['build', '--help'], root)
  assert.equal(build.code, 0)
  for (const option of ['--corpus <dir>', '--out <dir>', '--edition <ids>', '--format <ids>', '--quiet']) {
    assert.ok(build.stdout.includes(option), option)
  }
  assert.match(build.stdout, /^ {2}html {2}a static web edition/m)

  const check = await runCli(['help', 'check'], root)
  assert.equal(check.code, 0)
  assert.match(check.stdout, /^Usage: samizdat check \[options\]$/m)
  assert.equal(check.stderr, '')
})

test('--version prints the package version', () => {
  const result = spawnCli(['--version'])
  assert.equal(result.code, 0)
  assert.equal(result.stdout, `${version}\n`)
})
