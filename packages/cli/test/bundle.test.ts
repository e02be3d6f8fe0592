/**
 * The bundled CLI (packages/cli/scripts/bundle.mjs, made by `pnpm test` and `pnpm build`): what it loads, and that
 * it makes what the unbundled CLI makes. The other CLI tests spawn it too (util.ts `binArgs`).
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {copyFile, mkdir, mkdtemp, readFile, rm} from 'node:fs/promises'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {binArgs, moduleBinArgs, root, snapshot} from './util.js'

const register = fileURLToPath(new URL('fixtures/trace-loads/register.mjs', import.meta.url))
const bundled = process.env['SAMIZDAT_TEST_BIN'] === 'dist'
const skip = bundled ? false : 'the bundle is made by `pnpm test` (SAMIZDAT_TEST_BIN=dist), after `tsc -b`'

/** Build `corpus` with `args` through `bin`, each module it loads (both threads) traced; the loaded URLs. */
function tracedBuild(bin: readonly string[], corpus: string, out: string, args: string[]): string[] {
  const log = `${out}.loads`
  const child = spawnSync(process.execPath, ['--import', register, ...bin, 'build', corpus, '-o', out, '--no-cache', '--quiet', ...args], {
    encoding: 'utf8',
    env: {...process.env, SAMIZDAT_TRACE_LOADS: log, SOURCE_DATE_EPOCH: '0'},
    timeout: 300_000
  })
  assert.equal(child.status, 0, child.stderr)
  return spawnSync('cat', [log], {encoding: 'utf8'}).stdout.split('\n').filter(Boolean)
}

/**
 * What was imported from outside the bundle other than what it leaves to Node: the CommonJS files of the installed
 * packages, and Node's own modules. Modules a package loads with `require` as it runs (the trace lists them as
 * paths, not URLs: the lazy loads of model/src/lib/lazy.ts and the like) are Node's to find, as esbuild cannot see
 * what they name.
 */
async function outsideTheBundle(loaded: readonly string[]): Promise<string[]> {
  const left: string[] = []
  for (const url of loaded) {
    if (!url.startsWith('file:') || url.includes('/packages/cli/dist/bundle/') || url.includes('/packages/cli/test/fixtures/trace-loads/')) continue
    const file = fileURLToPath(url)
    if (file.includes('/node_modules/') && (await isCommonJs(file))) continue
    left.push(file)
  }
  return left
}

async function isCommonJs(file: string): Promise<boolean> {
  if (file.endsWith('.cjs') || file.endsWith('.json') || file.endsWith('.node')) return true
  if (file.endsWith('.mjs')) return false
  for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    try {
      return (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {type?: string}).type !== 'module'
    } catch {}
  }
  return true
}

test('the bundle loads Samizdat and every ES module from itself, and makes the bytes the unbundled CLI makes', {skip}, async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'samizdat-bundle-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  const loaded = tracedBuild(binArgs, path.join(root, 'corpus'), path.join(dir, 'bundled'), [])
  assert.ok(
    loaded.some((url) => url.endsWith('/packages/cli/dist/bundle/bin.js')),
    'the trace sees the bundle'
  )
  assert.ok(
    loaded.some((url) => /^file:.*\/node_modules\/.*\/commander\//.test(url)),
    'the trace sees the CommonJS packages the bundle leaves to Node'
  )
  assert.deepEqual(await outsideTheBundle(loaded), [])
  tracedBuild(moduleBinArgs, path.join(root, 'corpus'), path.join(dir, 'modules'), [])
  const [bundledFiles, moduleFiles] = await Promise.all([snapshot(path.join(dir, 'bundled')), snapshot(path.join(dir, 'modules'))])
  const names = Object.keys(bundledFiles ?? {})
  assert.ok(names.some((file) => file.endsWith('.pdf')) && names.some((file) => file.endsWith('.epub')), names.join(', '))
  assert.deepEqual(bundledFiles, moduleFiles)
})

test('a build with a worker runs the bundled worker', {skip: skip || (availableParallelism() < 2 && 'one core: no worker')}, async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'samizdat-bundle-worker-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  // A corpus of more than 64 KB of Markdown is worth a second thread (threads.ts).
  await mkdir(path.join(dir, 'faq'))
  await copyFile(path.join(root, 'corpus', 'works', 'afaq-oppositions.md'), path.join(dir, 'faq', 'faq.md'))
  const loaded = tracedBuild(binArgs, path.join(dir, 'faq'), path.join(dir, 'out'), ['-f', 'html,pdf'])
  assert.ok(
    loaded.some((url) => url.endsWith('/packages/cli/dist/bundle/render-worker.js')),
    loaded.join('\n')
  )
  assert.deepEqual(await outsideTheBundle(loaded), [])
})
