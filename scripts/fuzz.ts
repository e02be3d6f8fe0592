/**
 * `pnpm fuzz`: the property tests of `packages/cli/test/property.test.ts`,
 * thousands of cases with a random seed (or `--seed`). Prints how many cases
 * it tried; on failure the seed, the replay path and the shrunk
 * counterexample, also written to `--out` (default `.cache/fuzz/`) as a
 * corpus folder and `case.json`. Exit 1 on failure.
 * `--case case.json` runs one saved (or hand-edited) counterexample as it is.
 * `--explore` does not stop at the first failure: it runs every case, groups
 * the failures by class and shrinks one case of each.
 *
 *   pnpm fuzz [--profile all|markdown|unicode|html|apparatus|hostile|each] [--runs 2000] [--seed N]
 *             [--path P] [--stages html,epub,pdf,json] [--out DIR] [--explore] [--case FILE]
 */
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {profiles} from '../packages/cli/test/fuzz/arbitraries.js'
import {readFile} from 'node:fs/promises'
import type {Case} from '../packages/cli/test/fuzz/arbitraries.js'
import {allStages, checkCase, type Stage} from '../packages/cli/test/fuzz/check.js'
import {explore, fuzz} from '../packages/cli/test/fuzz/runner.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const {values} = parseArgs({
  options: {
    profile: {type: 'string', default: 'all'},
    runs: {type: 'string', default: '2000'},
    seed: {type: 'string'},
    path: {type: 'string'},
    stages: {type: 'string', default: allStages.join(',')},
    out: {type: 'string', default: path.join(root, '.cache', 'fuzz')},
    explore: {type: 'boolean'},
    case: {type: 'string'},
    help: {type: 'boolean', short: 'h'}
  }
})

if (values.help) {
  process.stdout.write(
    `pnpm fuzz [--profile ${[...Object.keys(profiles), 'each'].join('|')}] [--runs N] [--seed N] [--path P] [--stages ${allStages.join(',')}] [--out DIR] [--explore] [--case FILE]\n`
  )
  process.exit(0)
}

const stages = values.stages.split(',').map((stage) => stage.trim())
for (const stage of stages) {
  if (!allStages.includes(stage as Stage)) throw new Error(`Unknown stage "${stage}": expected ${allStages.join(', ')}`)
}
if (values.case !== undefined) {
  // A saved counterexample (`case.json`), perhaps edited by hand: run it once, no shrinking.
  const input = JSON.parse(await readFile(values.case, 'utf8')) as Case
  try {
    await checkCase(input, stages as Stage[])
    process.stdout.write(`fuzz: ${values.case} passes\n`)
  } catch (error) {
    process.stdout.write(`fuzz: ${values.case} fails: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
  process.exit()
}

const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed)
const runs = Number(values.runs)
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) throw new Error('--seed and --runs take whole numbers')
const chosen = values.profile === 'each' ? Object.keys(profiles).filter((name) => name !== 'all') : [values.profile]

let failed = false
let tried = 0
for (const profile of chosen) {
  // Each profile its own share of the runs; a replay (--path) runs just that case.
  const options = {
    profile,
    seed,
    runs: Math.max(1, Math.round(runs / chosen.length)),
    path: values.path,
    stages: stages as Stage[],
    out: path.resolve(values.out)
  }
  if (values.explore) {
    const result = await explore(options)
    tried += result.tried
    process.stdout.write(result.report + '\n')
    failed ||= result.classes.length > 0
  } else {
    const result = await fuzz(options)
    tried += result.tried
    process.stdout.write(result.report + '\n')
    failed ||= result.failed
  }
}
process.stdout.write(`fuzz: tried ${tried} cases in all (seed ${seed})${failed ? ', with failures' : ', no failure'}\n`)
process.exitCode = failed ? 1 : 0
