/**
 * `pnpm test`: the type-check of the sources (`tsc -b`), then the tests; and
 * beside them from the start, one after another, the other checks (eslint,
 * knip, biome format's check, then the type-check of the tests, once `tsc -b` has
 * written the declarations it reads). The tests stream their
 * output; each check's output is held and printed when it ends, so the two do
 * not interleave. Exits 1 when any part failed, after every part has ended,
 * naming the parts that failed.
 *
 * After `tsc -b`, the CLI's bundle is made (packages/cli/scripts/bundle.mjs): the
 * spawned CLI of the tests is the one `pnpm build` runs.
 *
 * The test files run through scripts/test-run.mjs: four processes, each
 * running many files (a process per file cost more than two minutes of start-up
 * on two cores), the heaviest files first. Plain JavaScript: no tsx start-up
 * for a script that only spawns.
 */
import {spawn} from 'node:child_process'
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Every `packages/<pkg>/test/*.test.ts` (scripts/test-run.mjs puts the heaviest first). */
function testFiles() {
  return readdirSync(join(root, 'packages'))
    .flatMap((pkg) => {
      try {
        return readdirSync(join(root, 'packages', pkg, 'test')).map((file) => `packages/${pkg}/test/${file}`)
      } catch {
        return []
      }
    })
    .filter((file) => file.endsWith('.test.ts'))
    .sort()
}

/** Run a command from the root; `live` streams its output, otherwise it is returned. */
function run(command, args, live, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {cwd: root, env: {...process.env, ...env}, stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe']})
    let output = ''
    child.stdout?.setEncoding('utf8').on('data', (text) => (output += text))
    child.stderr?.setEncoding('utf8').on('data', (text) => (output += text))
    child.on('error', (error) => resolve({code: 1, output: output + String(error)}))
    child.on('close', (code, signal) => resolve({code: code ?? (signal ? 1 : 0), output}))
  })
}

const bin = (name, ...path) => join(root, 'node_modules', name, ...path)
const node = process.execPath

async function main() {
  const failed = []
  const checks = [
    ['eslint', [bin('eslint', 'bin', 'eslint.js'), '--max-warnings', '0', '.']],
    ['knip', [bin('knip', 'bin', 'knip.js'), '--no-progress']],
    ['biome format', [bin('@biomejs', 'biome', 'bin', 'biome'), 'format', '.']]
  ]
  const check = async (name, args) => {
    const result = await run(node, args, false)
    if (result.code !== 0) failed.push(name)
    process.stdout.write(`\n── ${name}: ${result.code === 0 ? 'ok' : 'FAILED'}\n${result.code === 0 ? '' : result.output}`)
  }
  // The sources before the tests: the consumers test packs `dist`, and a second `tsc -b` at once would race this one.
  const built = run(node, [bin('typescript', 'bin', 'tsc'), '-b'], false)
  // One check after another, from the start: eslint, knip and biome read no `dist`, so the first runs beside
  // `tsc -b` (one core each); then beside the tests, where all at once would take a core from them for a minute.
  // The tests' type-check comes last: it reads the packages' declarations from `dist` (tsconfig.test.json's
  // references), not their sources again, which `tsc -b` has just checked (a fifth less CPU).
  const checked = (async () => {
    for (const [name, args] of checks) await check(name, args)
    if ((await built).code === 0) await check('typecheck of the tests', [bin('typescript', 'bin', 'tsc'), '-p', 'tsconfig.test.json'])
  })()
  const sources = await built
  process.stdout.write(sources.output)
  // The CLI tests spawn the bundled bin, as `pnpm build` runs it (packages/cli/scripts/bundle.mjs), made from that dist.
  if (sources.code === 0) {
    const bundled = await run(node, [join(root, 'packages', 'cli', 'scripts', 'bundle.mjs')], false)
    process.stdout.write(bundled.output)
    if (bundled.code !== 0) sources.code = bundled.code
  }
  if (sources.code !== 0) {
    await checked
    console.error(`\npnpm test failed: typecheck (tsc -b) or bundle${failed.map((name) => `, ${name}`).join('')}; no test run`)
    return 1
  }
  // The CLI tests spawn the bundled bin, fresh from the `tsc -b` above (packages/cli/test/util.ts).
  // The test processes inherit these flags. A young generation of 64 MB semi-spaces (16 by default) collects far
  // less often: the tests make much short-lived garbage (whole corpora loaded thousands of times, fonts, zips),
  // and the hostile-YAML file took 15 % less CPU with it. Their children (the spawned CLI) keep the defaults.
  const tests = await run(
    node,
    ['--enable-source-maps', '--max-semi-space-size=64', '--conditions=source', '--import', 'tsx', join(root, 'scripts', 'test-run.mjs'), ...testFiles()],
    true,
    {SAMIZDAT_TEST_BIN: 'dist'}
  )
  if (tests.code !== 0) failed.push('tests')
  await checked
  if (failed.length > 0) {
    console.error(`\npnpm test failed: ${failed.join(', ')}`)
    return 1
  }
  return 0
}

process.exitCode = await main()
