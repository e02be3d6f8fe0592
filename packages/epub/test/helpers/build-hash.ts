/**
 * Build the real reader edition with the tests' pinned date under each time
 * zone named on the command line, one after the other, and print the SHA-256
 * of each book, a line each: run in a child process (started under the first
 * zone), so that no test changes its own process's `TZ`. Node applies a `TZ`
 * set at run time to every later date, so one child serves every zone (a
 * child is some 3 s of CPU); each build loads and resolves the corpus afresh,
 * and the second is also a second build in one process, which must not differ
 * from the first.
 */
import {createHash} from 'node:crypto'
import process from 'node:process'
import {toEpub} from '@samizdat/epub'
import {loadCorpus, resolveEdition} from '@samizdat/model'
import {buildDate, realCorpus} from './books.js'

for (const zone of process.argv.slice(2)) {
  process.env['TZ'] = zone
  // Built afresh, never read from the tests' shared cache: this is the build under test.
  const edition = resolveEdition(await loadCorpus(realCorpus.pathname), 'workers-opposition')
  const bytes = (await toEpub(edition, {date: buildDate}))[0]!.data
  process.stdout.write(`${zone} ${createHash('sha256').update(bytes).digest('hex')}\n`)
}
