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
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative, resolve} from 'node:path'
import process from 'node:process'
import {run} from 'node:test'
import {pathToFileURL} from 'node:url'
import reporter from './test-reporter.mjs'

/**
 * Test files that take the most CPU, child processes included (seconds, from
 * the end of a `pnpm test` log), heaviest first: their order in the queue. A
 * name missing here is no error: it just starts later. List a file that takes
 * more than some 10 s. These figures are from a run on a two-core machine
 * shared with four other engineers (load 20 to 30), some 1.4 times what an
 * idle machine spends; only their order counts.
 */
const costs = {
  'packages/cli/test/property.test.ts': 53,
  // Its cases' child runs every format: counted here since the runner reads the CPU of running children (it used
  // to land on whichever file ran when the child ended). 38: measured 33 s alone at load 8-12 (session 8).
  'packages/epub/test/pathological.test.ts': 38,
  'packages/model/test/hostile-yaml-apparatus.test.ts': 32,
  'packages/html/test/browser.test.ts': 31,
  'packages/cli/test/consumers.test.ts': 31,
  'packages/cli/test/readmes.test.ts': 28,
  'packages/cli/test/commonmark.test.ts': 27,
  'packages/cli/test/page-list.test.ts': 23,
  'packages/model/test/hostile-yaml.test.ts': 21,
  'packages/cli/test/reproducible.test.ts': 16,
  'packages/pdf/test/notes.test.ts': 16,
  'packages/pdf/test/layout.test.ts': 16,
  'packages/cli/test/build.test.ts': 16,
  'packages/model/test/leak.test.ts': 14,
  'packages/pdf/test/index.test.ts': 14,
  'packages/epub/test/reproducible.test.ts': 14,
  'packages/pdf/test/pathological.test.ts': 12,
  'packages/pdf/test/locale.test.ts': 11,
  'packages/cli/test/crash.test.ts': 9,
  'packages/pdf/test/scripts.test.ts': 9,
  'packages/cli/test/property-validators.test.ts': 8,
  'packages/pdf/test/determinism.test.ts': 8,
  'packages/epub/test/epubcheck.test.ts': 7,
  'packages/model/test/readme.test.ts': 6,
  // Only the limited cases' child now (the others' model step is the EPUB file's): 4 s alone.
  'packages/model/test/pathological.test.ts': 5,
  'packages/cli/test/out.test.ts': 5
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
mkdirSync(join(dir, 'spent'))
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
stream
  .compose(reporter)
  .on('end', () => process.stdout.write(spent()))
  .pipe(process.stdout, {end: false})

/**
 * What the run cost, from what the processes wrote (scripts/test-worker.mjs):
 * CPU of the test processes and their children, and the files that took the
 * most, to keep `costs` above up to date. On an idle machine with two cores
 * the tests take at least half the CPU in wall time, and at least the wall
 * time of the longest process.
 */
function spent() {
  const read = (name) => {
    try {
      return JSON.parse(readFileSync(join(dir, 'spent', name), 'utf8'))
    } catch {
      return undefined
    }
  }
  const perFile = files.map((file, index) => ({file: relative(process.cwd(), file), ...read(`${index}.json`)})).filter((entry) => entry.cpu !== undefined)
  const starts = entries.map((_, index) => read(`process-${index + 1}.json`)).filter(Boolean)
  if (perFile.length === 0) return ''
  const seconds = (value) => `${value.toFixed(1)} s`
  const startCpu = starts.reduce((sum, start) => sum + start.cpu, 0)
  const total = startCpu + perFile.reduce((sum, entry) => sum + entry.cpu, 0)
  const lines = [
    `\n# CPU of the tests: ${seconds(total)} in ${starts.length} processes, ${perFile.length} files (the packages' imports count in each process's first file)`
  ]
  for (const [index, start] of starts.entries()) {
    const mine = perFile.filter((entry) => entry.process === String(index + 1))
    const cpu = start.cpu + mine.reduce((sum, entry) => sum + entry.cpu, 0)
    const wall = start.wall + mine.reduce((sum, entry) => sum + entry.wall, 0)
    lines.push(`#   process ${index + 1}: ${mine.length} files, CPU ${seconds(cpu)}, wall ${seconds(wall)}`)
  }
  lines.push('# the heaviest files (CPU, wall):')
  for (const entry of perFile.sort((a, b) => b.cpu - a.cpu).slice(0, 20))
    lines.push(`#   ${seconds(entry.cpu).padStart(8)} ${seconds(entry.wall).padStart(8)}  ${entry.file}`)
  // A child still running when its file ended takes CPU while later files run (each is charged what it took meanwhile).
  for (const entry of perFile.filter((entry) => entry.outlived))
    lines.push(`# ${entry.file} left ${entry.outlived.length} child process(es) running: ${entry.outlived.join('; ')}`)
  return lines.join('\n') + '\n'
}
