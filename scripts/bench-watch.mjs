/**
 * The author's loop in `pnpm bench` (scripts/bench.ts runs it in a process of its own): the compiled CLI's
 * `watch` (with the cache, as `samizdat watch` has it) on a corpus; after each build, one paragraph of one work is
 * edited (a new word, different each time), `edits` times. One JSON line per build on stdout: its wall time (the
 * build's own, not the wait for the change) and the process's CPU time (both threads) from the edit to the build's
 * end; the last line has the process's peak resident memory. The work is put back as it was at the end.
 *
 *   node scripts/bench-watch.mjs packages/cli/dist/index.js CORPUS OUT WORK EDITS
 */
import {readFileSync, writeFileSync} from 'node:fs'
import process from 'node:process'
import {pathToFileURL} from 'node:url'

const [lib, corpus, out, work, count] = process.argv.slice(2)
const {watch} = await import(pathToFileURL(lib).href)
const original = readFileSync(work, 'utf8')
const controller = new AbortController()
let edits = 0
let cpu = process.cpuUsage()
await watch({
  corpus,
  out,
  cache: true,
  debounce: 50,
  signal: controller.signal,
  onBuild(event) {
    const used = process.cpuUsage(cpu)
    const line = {type: event.type, edit: edits, wall: event.ms / 1000, cpu: (used.user + used.system) / 1e6}
    if (edits >= Number(count)) {
      writeFileSync(work, original)
      console.log(JSON.stringify({...line, peak: process.resourceUsage().maxRSS / 1024}))
      controller.abort()
      return
    }
    console.log(JSON.stringify(line))
    // A moment after the build, as an author's next save would come.
    setTimeout(() => {
      edits++
      cpu = process.cpuUsage()
      writeFileSync(work, original.replace('The real limitations', `The real (watch ${edits}) limitations`))
    }, 200)
  }
})
