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
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import process from 'node:process'
import {describe} from 'node:test'
import {pathToFileURL} from 'node:url'

/** Fields of a /proc/<pid>/stat after the command's name (state is [0]; utime, stime, cutime, cstime are [11] to [14]). */
function stat(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return text.slice(text.lastIndexOf(') ') + 2).split(' ')
}

/**
 * CPU seconds so far: this process's, and its finished children's, which Linux
 * counts (in 1/100 s) only once a child is reaped; elsewhere than Linux, this
 * process's alone.
 */
function cpu() {
  const self = process.cpuUsage()
  let children = 0
  try {
    const fields = stat('self')
    children = (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    // Not Linux: children's CPU is not counted.
  }
  return (self.user + self.system) / 1e6 + children
}

/**
 * The child processes running now, with the CPU each has taken so far (its
 * own and its reaped children's) and its command line. A child that outlives
 * the test file that started it (tsx's esbuild service lives as long as the
 * process) would otherwise have its whole CPU counted, when it ends, to the
 * file that happens to run then; so each file is charged what the children
 * took while it ran.
 */
function children() {
  const found = new Map()
  try {
    for (const task of readdirSync('/proc/self/task')) {
      for (const pid of readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) {
        try {
          const fields = stat(pid)
          const cpu = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100
          found.set(pid, {cpu, command: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()})
        } catch {
          // Ended (and reaped) between the two reads: its CPU is in ours.
        }
      }
    }
  } catch {
    // Not Linux: no children seen.
  }
  return found
}

/** Run files from the queue in `dir` until none is left; `id` names this process in the claims. */
export async function work(dir, id) {
  const files = JSON.parse(readFileSync(join(dir, 'queue.json'), 'utf8'))
  // What each child running between two files had taken so far, by pid.
  const seen = new Map()
  const start = {cpu: cpu(), wall: process.uptime()}
  for (const [pid, child] of children()) {
    start.cpu += child.cpu
    seen.set(pid, child)
  }
  writeFileSync(join(dir, 'spent', `process-${id}.json`), JSON.stringify(start))
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
    // This file's CPU: this process's, the children reaped meanwhile less what earlier files were charged for them,
    // and what the children still running took meanwhile. A child that outlives its file is named.
    let spent = cpu() - cpuBefore
    const now = children()
    for (const [pid, child] of seen) if (!now.has(pid)) spent -= child.cpu
    const outlived = []
    for (const [pid, child] of now) {
      const before = seen.get(pid)
      spent += child.cpu - (before?.cpu ?? 0)
      seen.set(pid, child)
      // tsx's esbuild service serves every file of the process: not a leftover.
      if (!before && !/esbuild --service/.test(child.command)) outlived.push(child.command.slice(0, 160))
    }
    for (const pid of [...seen.keys()]) if (!now.has(pid)) seen.delete(pid)
    writeFileSync(
      join(dir, 'spent', `${index}.json`),
      JSON.stringify({process: id, cpu: spent, wall: process.uptime() - wallBefore, ...(outlived.length > 0 ? {outlived} : {})})
    )
  }
}
