#!/usr/bin/env node
import process from 'node:process'
import {run} from './lib/run.js'

// Ctrl-C (or a kill) asks the build to stop and put the older output back; a second one ends the process at once.
const controller = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => controller.abort())
}

// exitCode, not exit(): pending stdout/stderr writes get flushed first.
process.exitCode = await run(process.argv.slice(2), {signal: controller.signal})
