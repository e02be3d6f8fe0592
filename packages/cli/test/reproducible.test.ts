/**
 * Byte-identical rebuilds: the same corpus and SOURCE_DATE_EPOCH give the same
 * bytes in every output (html folder, epub, pdf, apparatus json, and the
 * manifest), across runs, time zones and locales. Two child processes, since
 * TZ and LANG are read when a process starts, each building both corpora of
 * the first two tests through `run()` (test/fixtures/run-many.mjs: a child a
 * build cost 1.5 s of CPU more each); the third run is in this process (its
 * own time zone and locale), through `run()`, which reads SOURCE_DATE_EPOCH
 * from the env it is given.
 */
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {after, test} from 'node:test'
import {corpusFromFiles} from '@samizdat/model'
import {build} from '../src/index.js'
import {TreeRecorder} from '../src/lib/shared-trees.js'
import {startRenderThread} from '../src/lib/threads.js'
import {report} from '../src/lib/report.js'
import {pool, runCli, snapshot, tempDir, writeTree} from './util.js'

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url))
const environments: Array<Record<string, string> | 'in-process'> = [
  {TZ: 'UTC', LANG: 'C', LC_ALL: 'C'},
  {TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8'},
  // A second run, in this process.
  'in-process'
]
/** The two corpora the first two tests build, in one child per environment (test/fixtures/run-many.mjs). */
const corpora = ['reproducible', 'free-date'] as const
const runMany = fileURLToPath(new URL('fixtures/run-many.mjs', import.meta.url))
const childArgs = process.env['SAMIZDAT_TEST_BIN'] === 'dist' ? [runMany] : ['--conditions=source', '--import', import.meta.resolve('tsx'), runMany]

interface Built {
  result: {code: number | null; stderr: string}
  files: Record<string, string> | undefined
}

/** Both corpora built once per environment (a child runs both builds), for both tests; removed when the file ends. */
let everywhere: Promise<Array<Record<(typeof corpora)[number], Built>>> | undefined
const temp = tempDir()
after(async () => (await temp).cleanup())
function buildEverywhere(): Promise<Array<Record<(typeof corpora)[number], Built>>> {
  everywhere ??= (async () => {
    const {dir} = await temp
    const argv = (index: number, corpus: string): string[] => [
      'build',
      '--corpus',
      path.join(fixtures, corpus),
      '--out',
      path.join(dir, `out-${index}`, corpus),
      '--quiet'
    ]
    return pool(
      3,
      environments.map((env, index) => async () => {
        let results: Array<{code: number | null; stderr: string}>
        if (env === 'in-process') {
          results = []
          for (const corpus of corpora) results.push(await runCli(argv(index, corpus), dir, {SOURCE_DATE_EPOCH: '1700000000'}))
        } else {
          const child = await spawnAsync(childArgs, [dir, JSON.stringify(corpora.map((corpus) => argv(index, corpus)))], dir, {
            ...env,
            SOURCE_DATE_EPOCH: '1700000000'
          })
          assert.equal(child.code, 0, child.stderr)
          results = child.stdout
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as {code: number | null; stderr: string})
        }
        const built = {} as Record<(typeof corpora)[number], Built>
        for (const [at, corpus] of corpora.entries()) built[corpus] = {result: results[at]!, files: await snapshot(path.join(dir, `out-${index}`, corpus))}
        return built
      })
    )
  })()
  return everywhere
}

/** Run node with `args` and the child's own `extra` arguments, in `env` added to this process's; killed after three minutes. */
function spawnAsync(args: string[], extra: string[], cwd: string, env: Record<string, string>): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...args, ...extra],
      {cwd, env: {...process.env, ...env}, timeout: 180_000, maxBuffer: 64 * 1024 * 1024},
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error)
        resolve({code: error ? (error.code as number) : 0, stdout, stderr})
      }
    )
  })
}

test('rebuilds are byte-identical across runs, time zones and locales, with an ISO date and without one', async () => {
  const [first, ...others] = (await buildEverywhere()).map((built) => built.reproducible)
  assert.equal(first?.result.code, 0, first?.result.stderr)
  const names = Object.keys(first?.files ?? {})
  for (const edition of ['undated', 'iso-dated']) {
    for (const entry of [`${edition}/index.html`, `${edition}.epub`, `${edition}.pdf`, `${edition}.apparatus.json`]) assert.ok(names.includes(entry), entry)
  }
  for (const [index, other] of others.entries()) {
    assert.equal(other.result.code, 0, other.result.stderr)
    for (const name of names) assert.equal(other.files?.[name], first?.files?.[name], `${name} differs in ${JSON.stringify(environments[index + 1])}`)
    assert.deepEqual(Object.keys(other.files ?? {}), names)
  }
})

test('an edition dated "March 1921" gives the same result everywhere: the same bytes, or the same error', async () => {
  const [first, ...others] = (await buildEverywhere()).map((built) => built['free-date'])
  for (const [index, other] of others.entries()) {
    const where = JSON.stringify(environments[index + 1])
    assert.equal(other.result.code, first?.result.code, where)
    assert.equal(other.result.stderr.replaceAll(`out-${index + 1}`, 'out-0'), first?.result.stderr, where)
    for (const name of Object.keys(first?.files ?? {})) assert.equal(other.files?.[name], first?.files?.[name], `${name} differs in ${where}`)
  }
})

test('the PDF made on a worker thread is byte for byte the one-thread build, even when a file is edited during the build, and its warnings are told the same', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    // Three editions (one PDF each from the worker) and a work whose raw script the PDF reports (a warning from the worker).
    await writeTree(path.join(dir, 'corpus'), {
      'works/istanbul.md': await readFile(path.join(fixtures, 'reproducible/works/istanbul.md')),
      'works/later.md': await readFile(path.join(fixtures, 'reproducible/works/later.md')),
      'works/raw.md': '---\ntitle: Raw\n---\n\nBefore.\n\n<div>kept <script>alert(1)</script></div>\n',
      'editions/undated.yaml': await readFile(path.join(fixtures, 'reproducible/editions/undated.yaml')),
      'editions/iso-dated.yaml': await readFile(path.join(fixtures, 'reproducible/editions/iso-dated.yaml')),
      'editions/raw.yaml': 'title: Raw\nworks: [raw]\n'
    })
    const date = new Date(Date.UTC(2001, 0, 2))
    const builds = []
    const later = path.join(dir, 'corpus/works/later.md')
    const original = await readFile(later)
    for (const threads of [1, 2]) {
      // Once this thread has loaded and resolved the corpus, a work changes on the disk: the worker (still
      // starting) must render the text this thread read, not the edit.
      const onProgress = (event: {type: string}): void => void (threads === 2 && event.type === 'plan' && writeFileSync(later, 'Edited meanwhile.\n'))
      // With the cache on the worker's side: what the worker laid out is kept by the main thread once the build is written.
      const result = await build({corpus: 'corpus', out: `out-${threads}`, cwd: dir, date, threads, onProgress, cache: threads === 2})
      builds.push({result, files: await snapshot(path.join(dir, `out-${threads}`)), messages: report(result.files, dir)})
    }
    const [one, two] = builds as [(typeof builds)[0], (typeof builds)[0]]
    assert.equal(one.result.threads, 1)
    assert.equal(two.result.threads, 2)
    assert.ok(Object.keys(one.files ?? {}).filter((name) => name.endsWith('.pdf')).length === 3)
    assert.deepEqual(two.files, one.files)
    assert.match(one.messages, /raw\.md:7:1: warning Raw HTML `<script>` is left out of the PDF: its content is code, not text \[html-omitted\]$/m)
    assert.equal(two.messages, one.messages)
    assert.notDeepEqual(await readFile(later), original)
    // Every PDF was made on the worker: the layouts kept are the worker's (one per work and edition at least).
    assert.ok((await readdir(path.join(dir, '.samizdat-cache/layout'))).length >= 3)

    // One format, or no PDF: the worker makes every other edition (the three PDFs, two at a time), the same bytes.
    await writeFile(later, original)
    const pdfs = await build({corpus: 'corpus', out: 'out-pdf', cwd: dir, date, threads: 2, formats: ['pdf']})
    assert.equal(pdfs.threads, 2)
    const onlyPdfs = (files: Record<string, string> | undefined) => Object.entries(files ?? {}).filter(([name]) => name.endsWith('.pdf'))
    assert.deepEqual(onlyPdfs(await snapshot(path.join(dir, 'out-pdf'))), onlyPdfs(one.files))
    const sites = []
    for (const threads of [1, 2]) {
      const result = await build({corpus: 'corpus', out: `out-sites-${threads}`, cwd: dir, date, threads, formats: ['html', 'epub']})
      sites.push({threads: result.threads, files: await snapshot(path.join(dir, `out-sites-${threads}`))})
    }
    assert.deepEqual(
      sites.map((site) => site.threads),
      [1, 2]
    )
    assert.deepEqual(sites[1]?.files, sites[0]?.files)
  } finally {
    await cleanup()
  }
})

test('the worker thread parses works from the last while the main thread loads the corpus, renders from the trees the main thread sends, and tells the PDF’s page starts before it is drawn', async () => {
  const {dir, cleanup} = await tempDir()
  const request = {cwd: dir, date: Date.UTC(2001, 0, 2), editions: ['one', 'two']}
  const corpus = path.join(dir, 'corpus')
  const files = {
    'works/a.md': '---\ntitle: A\n---\n\nRead from the file.\n',
    'editions/one.yaml': 'title: One\nworks: [a]\n',
    'editions/two.yaml': 'title: Two\nworks: [a]\n'
  }
  // The tree sent for the work's text says something else (taken as the parser made it): what the worker renders shows which it used.
  const recorder = new TreeRecorder(undefined)
  await corpusFromFiles(
    {'works/a.md': '---\ntitle: A\n---\n\nParsed by the main thread.\n'},
    {parseCache: {get: () => undefined, set: (_, tree) => recorder.set(files['works/a.md'], tree)}}
  )
  // Every other edition's site (the second's) is made on the worker.
  const sites = startRenderThread({...request, formats: ['html'], share: 'alternate'})
  try {
    sites.send({dir: corpus, files, trees: recorder.take()})
    const {files: made} = await sites.result('two', 'html')
    const all = made.map((file) => new TextDecoder().decode(file.data)).join('\n')
    assert.match(all, /Parsed by the main thread\./)
    assert.doesNotMatch(all, /Read from the file\./)
  } finally {
    await sites.stop()
  }
  // Started before the corpus is loaded, the worker parses the works on the disk from the last and sends their
  // trees; the main thread takes one for a text it has to parse when its hash is that text's. It stops when the
  // main thread (whose count of works loaded it sees) is about to reach them.
  const later = {'works/b.md': '---\ntitle: B\n---\n\nB.\n', 'works/c.md': '---\ntitle: C\n---\n\nThe last work.\n'}
  await writeTree(corpus, {...files, ...later})
  const progress = new Int32Array(new SharedArrayBuffer(4))
  const helper = startRenderThread({...request, corpus, progress, formats: ['html'], share: 'alternate'})
  try {
    const helped = new TreeRecorder(undefined, progress)
    await new Promise<void>((resolve) => helper.onTrees((trees) => (helped.help(trees), resolve())))
    assert.equal(helped.get('---\ntitle: D\n---\n\nSomething else.\n'), undefined)
    const tree = helped.get(later['works/c.md'])
    assert.equal(helped.helpedWith, 1)
    assert.deepEqual(
      tree?.children.map((node) => node.type),
      ['yaml', 'paragraph']
    )
    // Two works loaded here of three: the first is left to this thread.
    assert.equal(Atomics.load(progress, 0), 2)
    helper.send({dir: corpus, files: {...files, ...later}, trees: []})
    assert.equal((await helper.result('two', 'html')).files.length > 0, true)
    assert.equal(helped.get(files['works/a.md']), undefined)
  } finally {
    await helper.stop()
  }
  // The EPUB waits for the PDF's page starts only: they come once the book is laid out, before it is drawn.
  const pdf = startRenderThread({...request, editions: ['one'], formats: ['epub', 'pdf'], share: 'pdf'})
  try {
    pdf.send({dir: corpus, files, trees: []})
    let drawn = false
    const result = pdf.result('one', 'pdf').then((rendered) => ((drawn = true), rendered))
    const pages = await pdf.pages('one')
    assert.equal(drawn, false)
    assert.ok(pages.length > 0)
    assert.ok(
      pages.some((page) => page.label === '1'),
      JSON.stringify(pages)
    )
    assert.match(new TextDecoder().decode((await result).files[0]?.data.subarray(0, 8)), /^%PDF-1\.\d/)
  } finally {
    await pdf.stop()
    await cleanup()
  }
})
