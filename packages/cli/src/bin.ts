#!/usr/bin/env node
import process from 'node:process'
import {run} from './lib/run.js'

// Ctrl-C (or a kill) asks the build to stop and put the older output back; a second one ends the process at once.
const controller = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => controller.abort())
}

// Run as a package's `samizdat` script (`pnpm samizdat build notes/`, also with `pnpm --dir repo`), the package
// manager has moved to the package's folder: paths the user typed are relative to where they typed them (INIT_CWD).
const typedIn = process.env['npm_lifecycle_event'] === 'samizdat' ? process.env['INIT_CWD'] : undefined
const cwd = typedIn !== undefined && typedIn !== '' ? typedIn : process.cwd()

// `samizdat build - -o - | head -c 100`: a reader that stops early is no error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
})

// exitCode, not exit(): pending stdout/stderr writes get flushed first.
process.exitCode = await run(process.argv.slice(2), {signal: controller.signal, cwd})
