/**
 * Build the real reader edition with the tests' pinned date and print the
 * SHA-256 of the book: run in a child process with another `TZ`.
 */
import {createHash} from 'node:crypto'
import {build} from './books.js'

const bytes = await build('real')
process.stdout.write(createHash('sha256').update(bytes).digest('hex') + '\n')
