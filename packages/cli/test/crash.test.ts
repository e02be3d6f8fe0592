/**
 * All or nothing, for real: a build is stopped at every change it makes to
 * the disk (killed, Ctrl-C, or an injected fault such as a full disk; see
 * `src/lib/out/seam.ts`), then the output folder is checked. The kill points
 * run in one child process (test/fixtures/halt-child.ts: each build halted
 * dead at its point, then the child kills itself), checked against one real
 * SIGKILL; Ctrl-C spawns the bin; the faults run in-process.
 */
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {cp, readdir} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {after, before, test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {traceSteps} from '../src/lib/out/seam.js'
import {recover} from '../src/lib/out/stage.js'
import {runCli, snapshot, spawnCliAsync, tempDir, writeTree} from './util.js'

const work = (text: string): string => `---\ntitle: Alpha\n---\n\n## Part\n\n${text}\n`
// The older build has one edition; the newer changes its text and adds a second, so some entries replace and some are new.
const oldCorpus = {'works/alpha.md': work('The older text.'), 'editions/one.yaml': 'title: One\nworks: [alpha]\n'}
const newCorpus = {...oldCorpus, 'works/alpha.md': work('The newer text.'), 'editions/two.yaml': 'title: Two\nworks: [alpha]\n'}
const haltChild = fileURLToPath(new URL('fixtures/halt-child.ts', import.meta.url))
const args = (out: string): string[] => ['build', '--corpus', 'corpus-new', '--out', out, '--format', 'html', '--quiet']

let dir = ''
let cleanup = async (): Promise<void> => {}
let steps: string[] = []
let older: Record<string, string> = {}
let newer: Record<string, string> = {}

before(async () => {
  ;({dir, cleanup} = await tempDir())
  await writeTree(path.join(dir, 'corpus-old'), oldCorpus)
  await writeTree(path.join(dir, 'corpus-new'), newCorpus)
  assert.equal((await runCli(['build', '--corpus', 'corpus-old', '--out', 'ref-old', '--format', 'html', '--quiet'], dir)).code, 0)
  // The same build in-process, to learn every change it makes (the kill points).
  steps = traceSteps()
  assert.equal((await runCli(args('ref-new'), dir)).code, 0)
  older = (await snapshot(path.join(dir, 'ref-old'))) ?? {}
  newer = (await snapshot(path.join(dir, 'ref-new'))) ?? {}
  assert.notDeepEqual(older, newer)
})

after(() => cleanup())

/** A copy of the older build, to build over. */
async function olderOut(name: string): Promise<string> {
  await cp(path.join(dir, 'ref-old'), path.join(dir, name), {recursive: true})
  return name
}

/** The snapshot without the lock a killed build leaves (the next build breaks it: its owner is dead). */
function withoutLock(files: Record<string, string> | undefined): Record<string, string> | undefined {
  return files && Object.fromEntries(Object.entries(files).filter(([name]) => name !== '.samizdat-lock'))
}

/** A snapshot with its temp folder's random name made fixed and the lock's owner blanked, to compare two builds' leftovers. */
function normalized(files: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files ?? {})
      .map(([name, bytes]): [string, string] => [name.replace(/^\.samizdat-tmp-[^/]+/, '.samizdat-tmp-*'), name === '.samizdat-lock' ? '' : bytes])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  )
}

/** The part of a snapshot under entry `name` (a file or a folder). */
function entryOf(files: Record<string, string> | undefined, name: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files ?? {})
      .filter(([file]) => file === name || file.startsWith(`${name}/`))
      .map(([file, bytes]) => [file.slice(name.length), bytes])
  )
}

test('killed at any change of the write phase, every entry is whole, and the next build recovers', async () => {
  // Staging only touches the temp folder: its first, middle and last steps stand for all; from the journal on, every step.
  const journal = steps.findIndex((step) => step.includes('journal.json')) + 1
  assert.ok(journal > 4 && steps.length > journal + 8, steps.join('\n'))
  const all = Array.from({length: steps.length + 1}, (_, index) => index + 1)
  const points = all.filter((at) => at === 1 || at === Math.floor(journal / 2) || at >= journal - 1)
  for (const at of points) await olderOut(`kill-${at}`)
  // One child halts a build at each point, in turn, then kills itself: each lock it leaves has a dead owner.
  const child = await promisify(execFile)(
    process.execPath,
    ['--conditions=source', '--import', import.meta.resolve('tsx'), haltChild, dir, JSON.stringify(points.map((at) => [at, args(`kill-${at}`)]))],
    {timeout: 60_000}
  ).catch((error: {stdout: string; stderr: string; signal: string | null}) => error)
  assert.equal((child as {signal?: string}).signal, 'SIGKILL', child.stderr)
  const results = child.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as [number, 'halted' | number, string])
  const killed = results.filter(([, outcome]) => outcome === 'halted').map(([at]) => at)
  const finished = results.filter(([, outcome]) => outcome === 0).map(([at]) => at)
  // Every change was a kill point; one past the last, the build finishes.
  assert.deepEqual(killed, points.slice(0, -1), child.stdout)
  assert.deepEqual(finished, points.slice(-1))

  // A halted build leaves what a killed process leaves: one real SIGKILL, in the middle of the swap, says so.
  const real = journal + 4
  const out = await olderOut(`real-kill-${real}`)
  const result = await spawnCliAsync(args(out), dir, {SAMIZDAT_TEST_FAULT: `kill@${real}`})
  assert.equal(result.signal, 'SIGKILL', result.stderr)
  const [byKill, byHalt] = [normalized(await snapshot(path.join(dir, out))), normalized(await snapshot(path.join(dir, `kill-${real}`)))]
  assert.deepEqual(Object.keys(byKill), Object.keys(byHalt))
  assert.ok(JSON.stringify(byKill) === JSON.stringify(byHalt), `kill@${real} and halt@${real} leave different bytes`)

  const entries = [...new Set([...Object.keys(older), ...Object.keys(newer)].map((file) => file.split('/')[0] as string))].filter(
    (name) => !name.startsWith('.')
  )
  const verdicts: string[] = []
  for (const at of killed) {
    const out = path.join(dir, `kill-${at}`)
    const now = await snapshot(out)
    const temps = (await readdir(out)).filter((name) => name.startsWith('.samizdat-tmp-'))
    assert.ok(temps.length <= 1)
    const moved = temps[0] ? await snapshot(path.join(out, temps[0], 'old')) : undefined
    // Right after the kill: each entry is fully old, fully new, or (between its two renames) whole in old/.
    for (const name of entries) {
      const here = entryOf(now, name)
      const ok =
        JSON.stringify(here) === JSON.stringify(entryOf(older, name)) ||
        JSON.stringify(here) === JSON.stringify(entryOf(newer, name)) ||
        (Object.keys(here).length === 0 && JSON.stringify(entryOf(moved, name)) === JSON.stringify(entryOf(older, name)))
      assert.ok(ok, `kill@${at}: entry ${name} is neither old nor new`)
    }

    // The next build (which recovers first) gives exactly the newer output, and no temp folder or lock.
    await cp(out, `${out}-next`, {recursive: true})
    const next = await runCli(args(`kill-${at}-next`), dir)
    assert.equal(next.code, 0, next.stderr)
    assert.deepEqual(await snapshot(`${out}-next`), newer, `kill@${at}: next build`)

    // Recovery alone puts back the whole older output (before the commit) or keeps the whole newer one (after).
    await recover(out)
    const recovered = withoutLock(await snapshot(out))
    const verdict = JSON.stringify(recovered) === JSON.stringify(older) ? 'old' : JSON.stringify(recovered) === JSON.stringify(newer) ? 'new' : 'mixed'
    assert.notEqual(verdict, 'mixed', `kill@${at}: recovered output is half old, half new`)
    verdicts.push(verdict)
  }
  // Old until the manifest's rename commits the build, new from then on.
  const commit = verdicts.indexOf('new')
  assert.ok(commit > 0, verdicts.join(' '))
  assert.deepEqual(
    verdicts.slice(commit),
    verdicts.slice(commit).map(() => 'new')
  )
  assert.deepEqual(
    verdicts.slice(0, commit),
    verdicts.slice(0, commit).map(() => 'old')
  )
})

test('Ctrl-C while staging or while swapping puts the older output back and exits 130 with a message', async () => {
  for (const point of ['write:2', 'rename:4']) {
    const out = await olderOut(`sigint-${point.replace(':', '-')}`)
    const result = await spawnCliAsync(args(out), dir, {SAMIZDAT_TEST_FAULT: `pause@${point}`}, (text, child) => {
      if (text.endsWith('samizdat-test: paused\n')) child.kill('SIGINT')
    })
    assert.equal(result.code, 130, result.stderr)
    assert.equal(result.stderr, 'samizdat-test: paused\nsamizdat: interrupted; nothing was changed\n')
    assert.deepEqual(await snapshot(path.join(dir, out)), older, point)
  }
})

test('a full disk, a read-only or unwritable folder, too many open files: a plain message, exit 2, the older output kept', async () => {
  // The manifest is the last file staged: its place among the writes depends on how many files the site has.
  const writes = steps.filter((change) => change.startsWith('write '))
  const manifest = writes.findIndex((change) => change.endsWith('.samizdat-manifest.json.part')) + 1
  assert.ok(manifest > 3, writes.join('\n'))
  const cases: Array<[string, RegExp]> = [
    ['ENOSPC@write:3', /^samizdat: Cannot write into "[^"]+": the disk is full \(ENOSPC: [^)]+\); the previous output was kept$/],
    [
      `ENOSPC@write:${manifest}`,
      /^samizdat: Cannot write into "[^"]+": the disk is full \(ENOSPC: [^)]+\.samizdat-manifest\.json\.part\); the previous output was kept$/
    ],
    ['EROFS@mkdir:1', /^samizdat: Cannot write into "[^"]+": the file system is read-only \(EROFS: [^)]+\); the previous output was kept$/],
    ['EACCES@rename:5', /^samizdat: Cannot write into "[^"]+": permission denied \(EACCES: [^)]+\); the previous output was kept$/],
    [
      'EMFILE@write:1',
      /^samizdat: Cannot write into "[^"]+": too many open files \(raise the limit with `ulimit -n`\) \(EMFILE: [^)]+\); the previous output was kept$/
    ],
    ['EEXIST@rename:3', /^samizdat: Cannot write into "[^"]+": something else already exists there \(EEXIST: [^)]+\); the previous output was kept$/]
  ]
  for (const [index, [fault, expected]] of cases.entries()) {
    const result = await runCli(args(await olderOut(`fault-${index}`)), dir, {SAMIZDAT_TEST_FAULT: fault})
    assert.equal(result.code, 2, `${fault}: ${result.stderr}`)
    assert.match(result.stderr.trimEnd(), expected, fault)
    assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, fault)
    assert.deepEqual(await snapshot(path.join(dir, `fault-${index}`)), older, fault)
  }
})
