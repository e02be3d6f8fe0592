/**
 * epubcheck (the Debian package, run with `java -jar`) on the real reader
 * edition and on the fixture: no fatal error, no error, no warning. With `-u`
 * it also reports usage messages (advice, among them accessibility hints):
 * they are listed in the test's diagnostics.
 */
import assert from 'node:assert/strict'
import {test, type TestContext} from 'node:test'
import {build} from './helpers/books.js'
import {describe, epubcheckBooks, type Message} from './helpers/epubcheck.js'
import {epubcheckJar} from './helpers/tools.js'

function assertClean(messages: Message[]): void {
  const bad = messages.filter((m) => m.severity === 'FATAL' || m.severity === 'ERROR' || m.severity === 'WARNING')
  assert.equal(bad.length, 0, describe(bad))
}

/**
 * One epubcheck run per book, both books in one Java process (a JVM start costs seconds of
 * CPU): `-u` adds usage messages (advice) to the real edition's report and takes nothing
 * away, so one run shows both the absence of errors and warnings and the advice. No run
 * passes `--profile default`: it is the profile epubcheck applies when none is named, so
 * such a run would repeat this one.
 */
let reports: Promise<Message[][] | undefined> | undefined
const checked = async (t: TestContext, book: 'real' | 'fixture'): Promise<Message[] | undefined> => {
  // Each test is skipped (or fails in CI) on its own when epubcheck is missing.
  if (!epubcheckJar(t)) return undefined
  reports ??= Promise.all([build('real'), build('fixture')]).then(([real, fixture]) => epubcheckBooks(t, [{bytes: real, args: ['-u']}, {bytes: fixture}]))
  return (await reports)?.[book === 'real' ? 0 : 1]
}

test('epubcheck -u: the real edition has no errors and no warnings; the advice (usage messages) is listed', async (t) => {
  const messages = await checked(t, 'real')
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
  const messages = await checked(t, 'fixture')
  if (messages) assertClean(messages)
})
