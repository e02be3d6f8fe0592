/**
 * The test runner for `pnpm test` (scripts/test-all.mjs starts it with
 * `--enable-source-maps --conditions=source --import tsx`, which every test
 * process inherits): Node's runner through its `run()` API, with four
 * processes at once, each running many test files one after another
 * (scripts/test-worker.mjs): a process costs some 3 s of CPU before its first
 * test, and one per file (~110 files) was more than two minutes of the run's
 * wall time on two cores. The four take the files from one queue, the
 * heaviest first (`costs` below), so that a heavy file never starts last and
 * runs alone while the other core idles; a file not listed counts as light
 * and comes after, in name order. Same reporter as `pnpm test:run`; exit code
 * 1 when a test fails or a process ends badly.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative, resolve} from 'node:path'
import process from 'node:process'
import {run} from 'node:test'
import {pathToFileURL} from 'node:url'
import reporter from './test-reporter.mjs'

/**
 * Test files that take the most CPU, child processes included (seconds, each
 * run alone with `/usr/bin/time`, on a development machine), heaviest first:
 * their order in the queue. A name missing here is no error: it just starts
 * later. Rule of thumb: list a file that takes more than some 10 s.
 */
export const costs = {
  'packages/model/test/hostile-yaml-apparatus.test.ts': 60,
  'packages/cli/test/crash.test.ts': 50,
  'packages/cli/test/property.test.ts': 45,
  'packages/epub/test/pathological.test.ts': 40,
  'packages/model/test/hostile-yaml.test.ts': 40,
  'packages/cli/test/consumers.test.ts': 35,
  'packages/cli/test/reproducible.test.ts': 31,
  'packages/cli/test/out.test.ts': 30,
  'packages/cli/test/property-validators.test.ts': 27,
  'packages/html/test/browser.test.ts': 25,
  'packages/cli/test/commonmark.test.ts': 25,
  'packages/cli/test/build.test.ts': 17,
  'packages/epub/test/reproducible.test.ts': 17,
  'packages/model/test/pathological.test.ts': 16,
  'packages/cli/test/max-file-size.test.ts': 15,
  'packages/model/test/leak.test.ts': 20,
  'packages/epub/test/epubcheck.test.ts': 15
}

/** How many test processes run at once: two per core keeps both cores busy while a process waits on a child. */
const processes = 4

/** `files` (paths from the working folder), heaviest first, then the others in name order. */
function queue(files) {
  const cost = (file) => costs[relative(process.cwd(), resolve(file))] ?? 0
  return [...files].sort((a, b) => cost(b) - cost(a) || (a < b ? -1 : a > b ? 1 : 0)).map((file) => resolve(file))
}

const files = queue(process.argv.slice(2))
const dir = mkdtempSync(join(tmpdir(), 'samizdat-test-run-'))
mkdirSync(join(dir, 'claims'))
writeFileSync(join(dir, 'queue.json'), JSON.stringify(files))
process.on('exit', () => rmSync(dir, {recursive: true, force: true}))
const worker = pathToFileURL(join(import.meta.dirname, 'test-worker.mjs')).href
const entries = Array.from({length: Math.min(processes, files.length)}, (_, index) => {
  const entry = join(dir, `process-${index + 1}.mjs`)
  writeFileSync(entry, `import {work} from ${JSON.stringify(worker)}\nawait work(${JSON.stringify(dir)}, ${JSON.stringify(String(index + 1))})\n`)
  return entry
})
// The reporter names the files a process ran when the process itself fails (a crash, an exit in a test).
process.env['SAMIZDAT_TEST_QUEUE'] = dir

const stream = run({files: entries, concurrency: processes})
stream.on('test:fail', (data) => {
  if (!data.todo) process.exitCode = 1
})
stream.compose(reporter).pipe(process.stdout)
