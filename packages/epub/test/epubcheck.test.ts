/**
 * epubcheck (the Debian package, run with `java -jar`) on the real reader
 * edition and on the fixture: no fatal error, no error, no warning. With `-u`
 * it also reports usage messages (advice, among them accessibility hints):
 * they are listed in the test's diagnostics.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {build} from './helpers/books.js'
import {describe, epubcheck, type Message} from './helpers/epubcheck.js'

function assertClean(messages: Message[]): void {
  const bad = messages.filter((m) => m.severity === 'FATAL' || m.severity === 'ERROR' || m.severity === 'WARNING')
  assert.equal(bad.length, 0, describe(bad))
}

/**
 * One epubcheck run per book (a JVM start and a full check cost seconds of CPU each):
 * `-u` adds usage messages (advice) to the report and takes nothing away, so one run
 * shows both the absence of errors and warnings and the advice. No run passes
 * `--profile default`: it is the profile epubcheck applies when none is named, so
 * such a run would repeat this one.
 */
test('epubcheck -u: the real edition has no errors and no warnings; the advice (usage messages) is listed', async (t) => {
  const messages = await epubcheck(t, await build('real'), ['-u'])
  if (!messages) return
  assertClean(messages)
  const counts = new Map<string, number>()
  for (const m of messages) {
    const key = `${m.severity}(${m.ID}) ${m.message}`
    // epubcheck lists 25 places, then "There are N additional locations".
    const places = m.locations.reduce((sum, l) => sum + Number(/There are (\d+) additional/.exec(l.path)?.[1] ?? 1), 0)
    counts.set(key, (counts.get(key) ?? 0) + places)
  }
  for (const [key, count] of [...counts].sort()) t.diagnostic(`${key} ×${count}`)
})

test('epubcheck: the fixture edition has no errors and no warnings', async (t) => {
  const messages = await epubcheck(t, await build('fixture'))
  if (messages) assertClean(messages)
})
