/**
 * The test runner for `pnpm test` (scripts/test-all.mjs starts it with
 * `--enable-source-maps --conditions=source --import tsx`, which every test
 * file's process inherits): Node's runner through its `run()` API, four files
 * at once, in the order given. `node --test` sorts its files by name; given in
 * order, the heaviest can start first instead of running alone at the end
 * while the other core idles. Same reporter as `pnpm test:run`; exit code 1
 * when a test fails.
 */
import process from 'node:process'
import {run} from 'node:test'
import reporter from './test-reporter.mjs'

const stream = run({files: process.argv.slice(2), concurrency: 4})
stream.on('test:fail', (data) => {
  if (!data.todo) process.exitCode = 1
})
stream.compose(reporter).pipe(process.stdout)
