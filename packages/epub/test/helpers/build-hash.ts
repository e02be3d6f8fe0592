/**
 * Build the real reader edition with the tests' pinned date and print the
 * SHA-256 of the book: run in a child process with another `TZ`.
 */
import {createHash} from 'node:crypto'
import {toEpub} from '@samizdat/epub'
import {buildDate, edition} from './books.js'

// Built afresh, never read from the tests' shared cache: this is the build under test.
const bytes = (await toEpub(await edition('real'), {date: buildDate}))[0]!.data
process.stdout.write(createHash('sha256').update(bytes).digest('hex') + '\n')
