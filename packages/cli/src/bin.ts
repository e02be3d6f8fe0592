#!/usr/bin/env node
import process from 'node:process'
import {run} from './lib/run.js'

// exitCode, not exit(): pending stdout/stderr writes get flushed first.
process.exitCode = await run(process.argv.slice(2))
