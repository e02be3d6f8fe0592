/**
 * The test runner's reporter for `pnpm test`: Node's `spec` output as the run
 * goes, then, last, every failure on one line (the test's file:line and the
 * first line of its error), so a long run's failures need no scrolling back,
 * and the closing TAP counts (`# tests N`, `# pass N`, `# fail N`, …) that
 * CI and scripts read. Plain JavaScript: the runner loads it before tsx.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {Readable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {spec as Spec} from 'node:test/reporters'

const counts = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /

/** `file:line:column` relative to the working folder, as the runner reports it. */
function where(data) {
  if (!data.file) return '(unknown file)'
  const file = data.file.startsWith('file:') ? fileURLToPath(data.file) : data.file
  return [relative(process.cwd(), file), data.line, data.column].filter((part) => part !== undefined).join(':')
}

/**
 * Under `pnpm test` a process runs many test files (scripts/test-worker.mjs),
 * each as a suite named by its path. Where a file failed to load, the suite's
 * own place is in the worker: take the file's line from the error's stack.
 */
function placeOf(data, name) {
  const place = where(data)
  if (!place.startsWith('scripts/test-worker.mjs') || !name.endsWith('.test.ts')) return place
  const stack = String((data.details?.error?.cause ?? data.details?.error)?.stack ?? '')
  const line = stack.split('\n').find((frame) => frame.includes(name))
  const found = line && /:(\d+):(\d+)\)?\s*$/.exec(line)
  return found ? `${name}:${found[1]}:${found[2]}` : name
}

/**
 * A process of `pnpm test` that itself failed (it crashed, or a test ended it):
 * the files it took from the queue (scripts/test-run.mjs), the last one the likely cause.
 */
function processFiles(name) {
  const dir = process.env['SAMIZDAT_TEST_QUEUE']
  const id = dir && name.startsWith(dir) && /process-(\d+)\.mjs$/.exec(name)?.[1]
  if (!id) return name
  try {
    const files = JSON.parse(readFileSync(join(dir, 'queue.json'), 'utf8'))
    const mine = readdirSync(join(dir, 'claims'))
      .map(Number)
      .sort((a, b) => a - b)
      .filter((index) => readFileSync(join(dir, 'claims', String(index)), 'utf8') === id)
      .map((index) => relative(process.cwd(), files[index]))
    return `test process ${id} (ran ${mine.join(', ')}; the last one was running when it ended)`
  } catch {
    return name
  }
}

/** What went wrong, in brief: the test's own error (not the runner's wrapper), its first two lines. */
function brief(error) {
  const cause = error?.cause ?? error
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, 2)
    .join(' ')
    .slice(0, 300)
}

export default async function* samizdatReporter(source) {
  const failures = []
  const totals = []
  // Spec sees every event but the run's counts, which come last, after the failures.
  async function* forSpec() {
    for await (const event of source) {
      if (event.type === 'test:fail') {
        const error = event.data.details?.error
        // A parent fails because a subtest did: the subtest is listed already.
        if (error?.failureType !== 'subtestsFailed') {
          const name = event.data.name.startsWith('/') ? processFiles(event.data.name) : event.data.name
          failures.push({
            name: name.startsWith('/') ? relative(process.cwd(), name) : name,
            where: name.startsWith('test process') ? '(whole process)' : placeOf(event.data, name),
            message: brief(error) + (error?.exitCode || error?.signal ? ` (exit code ${error.exitCode}, signal ${error.signal})` : '')
          })
        }
      }
      if (event.type === 'test:diagnostic' && event.data.nesting === 0 && counts.test(event.data.message)) {
        totals.push(event.data.message)
        continue
      }
      yield event
    }
  }
  for await (const chunk of Readable.from(forSpec()).pipe(new Spec())) yield chunk
  if (failures.length > 0) {
    yield `\nFailed (${failures.length}, innermost tests only):\n`
    for (const failure of failures) yield `  ${failure.where}  ${failure.name}\n    ${failure.message}\n`
  }
  yield '\n' + totals.map((line) => `# ${line}\n`).join('')
}
