/**
 * One test process of `pnpm test` (scripts/test-run.mjs writes a small entry
 * per process that calls `work`). Node 20 has no `--test-isolation=none`, and
 * a process costs some 3 s of CPU (Node, tsx, the packages' imports) before
 * its first test: so each process runs many test files, one after another,
 * and pays that once. The processes take the files from one queue (heaviest
 * first): a file is claimed by creating `claims/<index>` exclusively, so each
 * runs exactly once and a process that draws heavy files simply runs fewer.
 *
 * Each file runs inside a suite named by its path: its top-level `test`s, and
 * its top-level `before`/`after` hooks, belong to that suite (the async
 * context carries through `import()`), so they run with that file's tests and
 * not with another file's. A file that throws while loading fails its suite
 * (with its error and stack) and the process goes on with the next file.
 *
 * What each file cost is written to `spent/<index>.json` (CPU of this process
 * and of the child processes it waited for, and wall time), and the start-up
 * to `spent/process-<id>.json`: scripts/test-run.mjs sums them up at the end.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import process from 'node:process'
import {describe} from 'node:test'
import {pathToFileURL} from 'node:url'

/** CPU seconds so far: this process's, and its finished children's (Linux's /proc, in 1/100 s; elsewhere none). */
function cpu() {
  const self = process.cpuUsage()
  let children = 0
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ')
    // After the name: state is field 3, cutime and cstime are fields 16 and 17.
    children = (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    // Not Linux: children's CPU is not counted.
  }
  return (self.user + self.system) / 1e6 + children
}

/** Run files from the queue in `dir` until none is left; `id` names this process in the claims. */
export async function work(dir, id) {
  const files = JSON.parse(readFileSync(join(dir, 'queue.json'), 'utf8'))
  writeFileSync(join(dir, 'spent', `process-${id}.json`), JSON.stringify({cpu: cpu(), wall: process.uptime()}))
  for (const [index, file] of files.entries()) {
    try {
      writeFileSync(join(dir, 'claims', String(index)), id, {flag: 'wx'})
    } catch (error) {
      if (error.code === 'EEXIST') continue
      throw error
    }
    const [cpuBefore, wallBefore] = [cpu(), process.uptime()]
    await describe(relative(process.cwd(), file), async () => {
      await import(pathToFileURL(file).href)
    })
    writeFileSync(join(dir, 'spent', `${index}.json`), JSON.stringify({process: id, cpu: cpu() - cpuBefore, wall: process.uptime() - wallBefore}))
  }
}
