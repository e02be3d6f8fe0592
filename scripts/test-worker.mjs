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
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import process from 'node:process'
import {describe} from 'node:test'
import {pathToFileURL} from 'node:url'

/** Run files from the queue in `dir` until none is left; `id` names this process in the claims. */
export async function work(dir, id) {
  const files = JSON.parse(readFileSync(join(dir, 'queue.json'), 'utf8'))
  for (const [index, file] of files.entries()) {
    try {
      writeFileSync(join(dir, 'claims', String(index)), id, {flag: 'wx'})
    } catch (error) {
      if (error.code === 'EEXIST') continue
      throw error
    }
    await describe(relative(process.cwd(), file), async () => {
      await import(pathToFileURL(file).href)
    })
  }
}
