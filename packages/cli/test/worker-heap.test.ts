/** The rendering thread's heap limit (src/lib/worker-heap.ts): below V8's 2 GB step, unless the user gives Node a size. */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {test} from 'node:test'
import {getHeapStatistics} from 'node:v8'
import {Worker} from 'node:worker_threads'
import {asFault} from '../src/lib/faults.js'
import {workerHeapLimit, workerHeapMb} from '../src/lib/worker-heap.js'
import {binArgs, tempDir, writeTree} from './util.js'

test('the limit is set below 2 GB only where Node’s own is above it, and never when the user gives Node a heap size', () => {
  assert.equal(workerHeapLimit(4144, []), workerHeapMb)
  assert.equal(workerHeapLimit(4144, ['--enable-source-maps', '']), workerHeapMb)
  assert.equal(workerHeapLimit(2096, []), workerHeapMb)
  // Never raised: a smaller machine's limit is already below the step.
  assert.equal(workerHeapLimit(2047, []), undefined)
  assert.equal(workerHeapLimit(1500, []), undefined)
  for (const option of ['--max-old-space-size=8192', '--max_old_space_size=8192', '--max-old-space-size', '--max-heap-size=6000'])
    assert.equal(workerHeapLimit(8192, [option]), undefined, option)
  assert.equal(workerHeapLimit(4144, ['--max-semi-space-size=64']), workerHeapMb)
})

test('a build’s rendering thread runs under the limit', async (t) => {
  const own = getHeapStatistics().heap_size_limit / 2 ** 20
  if (own <= workerHeapMb + 100) return t.skip(`this machine's heap limit (${Math.round(own)} MB) is below the step already`)
  const {dir, cleanup} = await tempDir()
  try {
    // Enough Markdown for a second thread (64 KB).
    const paragraphs = Array.from({length: 1200}, (_, index) => `Paragraph ${index + 1} of a corpus just large enough for two threads.`)
    await writeTree(path.join(dir, 'notes'), {'a.md': `# A\n\n${paragraphs.join('\n\n')}\n`})
    // NODE_OPTIONS emptied: a heap size given there (by whoever runs the tests) rightly leaves the worker without the limit.
    const child = spawnSync(process.execPath, [...binArgs, 'build', 'notes', '-f', 'html,pdf', '--no-cache', '--quiet', '--out', 'out'], {
      cwd: dir,
      encoding: 'utf8',
      env: {...process.env, SAMIZDAT_TRACE: '1', NODE_OPTIONS: ''},
      timeout: 120_000
    })
    assert.equal(child.status, 0, child.stderr)
    const limit = /thread 1 +worker start +heap .*\(limit (\d+) MB\)/.exec(child.stderr)
    assert.ok(limit, `the worker's trace:\n${child.stderr}`)
    // The heap's limit is the old generation's and the young one's (tens of MB).
    assert.ok(Number(limit[1]) > workerHeapMb && Number(limit[1]) < workerHeapMb + 200, limit[0])
  } finally {
    await cleanup()
  }
})

test('a rendering thread out of memory is a fault of the machine, with how to give it more', async () => {
  const worker = new Worker('const held = []; for (;;) held.push(new Array(100_000).fill(held.length))', {
    eval: true,
    resourceLimits: {maxOldGenerationSizeMb: 16}
  })
  const error = await new Promise<Error>((resolve) => worker.once('error', resolve))
  await assert.rejects(
    asFault('Cannot make the pdf of edition "ed"', '/', () => Promise.reject(error)),
    {
      name: 'FaultError',
      message: `Cannot make the pdf of edition "ed": the thread that makes the PDF ran out of memory (its heap may use ${workerHeapMb} MB unless Node is given a size: NODE_OPTIONS=--max-old-space-size=<MB>)`
    }
  )
})
