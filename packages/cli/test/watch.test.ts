/**
 * The author's loop: `watch` rebuilds on change and keeps the last good output on a bad edit; `preview` serves
 * only the output folder and reloads the page in a real browser after a good rebuild; Ctrl-C exits 130.
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {readdir, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import {request} from 'node:http'
import path from 'node:path'
import process from 'node:process'
import {after, before, describe, test} from 'node:test'
import {ContentError} from '@samizdat/model/errors'
import {chromium, type Browser} from 'playwright-core'
import {build, preview, run, watch, type WatchEvent} from '../src/index.js'
import {editionsCorpus, snapshot, tempDir, writeTree} from './util.js'

/** Events of a loop, and a way to wait for the first one (from now on) that matches. */
function recorder(): {onBuild: (event: WatchEvent) => void; next: (match: (event: WatchEvent) => boolean) => Promise<WatchEvent>} {
  const seen: WatchEvent[] = []
  const waiting: Array<{match: (event: WatchEvent) => boolean; resolve: (event: WatchEvent) => void}> = []
  let from = 0
  const settle = (): void => {
    for (const wait of [...waiting]) {
      const index = seen.findIndex((event, at) => at >= from && wait.match(event))
      if (index === -1) continue
      from = index + 1
      waiting.splice(waiting.indexOf(wait), 1)
      wait.resolve(seen[index] as WatchEvent)
    }
  }
  return {
    onBuild(event) {
      seen.push(event)
      settle()
    },
    next: (match) =>
      new Promise((resolve) => {
        waiting.push({match, resolve})
        settle()
      })
  }
}

const alpha = (text: string): string => ['---', 'title: Alpha', '---', '', '## Opening', '', text, ''].join('\n')

test('watch: an edit is rebuilt, byte for byte a clean build, from what the loop keeps; a bad edit is told and the last good output stays; aborting ends the loop', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const events = recorder()
    const controller = new AbortController()
    // Two threads (the PDF on the worker, kept between builds) and the stages' cache, as the CLI's watch has them.
    const options = {cwd: dir, formats: ['html', 'pdf'], threads: 2, date: new Date(0)}
    const loop = watch({...options, cache: true, debounce: 50, signal: controller.signal, onBuild: events.onBuild})
    const first = await events.next(() => true)
    assert.equal(first.type, 'built')
    assert.deepEqual(first.changed, [])
    assert.equal(first.type === 'built' && first.result.threads, 2)
    const page = path.join(dir, 'dist/both/alpha.html')
    assert.match(await readFile(page, 'utf8'), /The first work, which points at/)

    // The cache on the disk goes: the loop still has in memory what its last build read and made.
    await rm(path.join(dir, '.samizdat-cache'), {recursive: true})
    await writeFile(path.join(dir, 'corpus/works/alpha.md'), alpha('A revised opening line.'))
    const second = await events.next((event) => event.changed.includes('works/alpha.md'))
    assert.equal(second.type, 'built')
    const good = await readFile(page, 'utf8')
    assert.match(good, /A revised opening line\./)
    assert.doesNotMatch(good, /The first work/)
    const kept = await snapshot(path.join(dir, 'dist'))
    // Only the edited work is parsed again, and beta's page in beta-only is taken from memory (in both, whose
    // front matter of alpha changed, both pages are made again).
    const stages = second.type === 'built' ? second.result.stages : undefined
    assert.deepEqual(
      [stages?.parse, stages?.works],
      [
        {reused: 1, made: 1},
        {reused: 1, made: 2}
      ]
    )
    // The kept worker laid out again only what changed (both's works, as for their pages): beta's in beta-only was in its memory.
    assert.equal(
      (await readdir(path.join(dir, '.samizdat-cache/layout'))).length,
      4,
      "alpha's and beta's layouts in both, the widths measured, the pages drawn"
    )
    // Byte for byte what a clean build of the edited corpus makes (one thread, no cache).
    await build({...options, out: 'clean', threads: 1})
    assert.deepEqual(kept, await snapshot(path.join(dir, 'clean')))

    // An edition naming a work that does not exist: a content error, and nothing is written.
    await writeFile(path.join(dir, 'corpus/editions/both.yaml'), 'title: Both Works\nworks:\n  - alpha\n  - gamma\n')
    const third = await events.next((event) => event.changed.includes('editions/both.yaml'))
    assert.equal(third.type, 'failed')
    assert.ok(third.type === 'failed' && third.error instanceof ContentError)
    const rules = third.error.files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.ruleId}`))
    assert.ok(
      rules.some((rule) => rule.startsWith('corpus/editions/both.yaml: ')),
      rules.join('\n')
    )
    assert.deepEqual(await snapshot(path.join(dir, 'dist')), kept)

    // Put right: the worker (kept, its failed build dropped before it had the corpus) makes the same bytes again.
    await writeFile(path.join(dir, 'corpus/editions/both.yaml'), editionsCorpus['editions/both.yaml'] as string)
    const fourth = await events.next((event) => event.changed.includes('editions/both.yaml'))
    assert.equal(fourth.type, 'built')
    assert.deepEqual(await snapshot(path.join(dir, 'dist')), kept)

    controller.abort()
    assert.equal(await loop, undefined)
  } finally {
    await cleanup()
  }
})

test('samizdat watch: Ctrl-C (the signal aborted) stops the loop with exit 130 and says the last good build stays', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), editionsCorpus)
    const controller = new AbortController()
    let stderr = ''
    const code = run(['watch', 'notes', '-f', 'html', '-e', 'beta-only'], {
      cwd: dir,
      signal: controller.signal,
      stdout: {write: () => true},
      stderr: {
        write(text: string) {
          stderr += text
          // Stopped once the first build is told.
          if (/built in /.test(stderr)) controller.abort()
        }
      }
    })
    assert.equal(await code, 130)
    assert.match(stderr, /^watching notes\/ \(Ctrl-C to stop\)$/m)
    assert.match(stderr, /^wrote dist\/beta-only\/ \(\d+ files, /m)
    assert.match(stderr, /^samizdat: stopped; the output folder holds the last good build$/m)
    assert.ok((await snapshot(path.join(dir, 'dist')))?.['beta-only/index.html'])
  } finally {
    await cleanup()
  }
})

test('samizdat watch --json / preview --json: each build is one JSON line on stdout (NDJSON), shaped as build --json', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), editionsCorpus)
    const controller = new AbortController()
    let stdout = ''
    let stderr = ''
    const lines = (): Array<Record<string, unknown>> =>
      stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    const code = run(['watch', 'notes', '-f', 'html', '-e', 'beta-only', '--json'], {
      cwd: dir,
      signal: controller.signal,
      stderr: {write: (text: string) => (stderr += text)},
      stdout: {
        write(text: string) {
          stdout += text
          // A good build, then a bad edit, then stop.
          if (lines().length === 1) void writeFile(path.join(dir, 'notes/editions/beta-only.yaml'), 'title: Beta Alone\nworks:\n  - gamma\n')
          if (lines().length === 2) controller.abort()
        }
      }
    })
    assert.equal(await code, 130)
    const [built, failed, ...rest] = lines()
    assert.deepEqual(rest, [])
    assert.equal(stdout.split('\n').length, 3, 'one line per build')
    const outputs = built?.['outputs'] as Array<Record<string, unknown>>
    assert.deepEqual(
      {...built, outputs: outputs.map(({edition, format, path, cached}) => ({edition, format, path, cached}))},
      {
        ok: true,
        exitCode: 0,
        messages: [],
        outputs: [
          {edition: 'beta-only', format: 'html', path: 'dist/beta-only/', cached: false},
          {edition: 'beta-only', format: 'apparatus', path: 'dist/beta-only.apparatus.json', cached: false}
        ],
        changed: []
      }
    )
    assert.deepEqual(Object.keys(outputs[0] ?? {}).sort(), ['bytes', 'cached', 'edition', 'files', 'format', 'ms', 'path'])
    assert.deepEqual([failed?.['ok'], failed?.['exitCode'], failed?.['outputs'], failed?.['changed']], [false, 1, [], ['editions/beta-only.yaml']])
    const messages = failed?.['messages'] as Array<Record<string, unknown>>
    assert.ok(messages.length > 0 && messages.every((message) => message['file'] === 'notes/editions/beta-only.yaml'), JSON.stringify(messages))
    assert.equal(typeof failed?.['error'], 'string')
    // Nothing else on stdout, and no human report on stderr.
    assert.doesNotMatch(stderr, /wrote |built in |error/)

    await writeTree(path.join(dir, 'notes'), editionsCorpus)
    stdout = ''
    const preview = new AbortController()
    const served = await run(['preview', 'notes', '-f', 'html', '-e', 'both', '--port', '0', '--json'], {
      cwd: dir,
      signal: preview.signal,
      stderr: {write: () => true},
      stdout: {
        write(text: string) {
          stdout += text
          preview.abort()
        }
      }
    })
    assert.equal(served, 130)
    const [first, ...more] = lines()
    assert.deepEqual(more, [])
    assert.deepEqual(
      [first?.['ok'], first?.['changed'], (first?.['outputs'] as Array<{path: string}>).map((entry) => entry.path)],
      [true, [], ['dist/both/', 'dist/both.apparatus.json']]
    )
  } finally {
    await cleanup()
  }
})

/** A raw GET: the path is sent as given, `..` and all (a browser would have resolved it). */
function get(url: string, pathname: string): Promise<{status: number; type: string; body: string}> {
  const {hostname, port} = new URL(url)
  return new Promise((resolve, reject) => {
    const sent = request({hostname, port, path: pathname, method: 'GET'}, (response) => {
      let body = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({status: response.statusCode ?? 0, type: String(response.headers['content-type']), body}))
    })
    sent.on('error', reject).end()
  })
}

function findChromium(): string | undefined {
  if (process.env['CHROMIUM']) return process.env['CHROMIUM']
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {encoding: 'utf8'}).trim() || undefined
  } catch {
    return undefined
  }
}

describe('preview', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let url: string
  let loop: Promise<void>
  const controller = new AbortController()
  const events = recorder()

  before(async () => {
    ;({dir, cleanup} = await tempDir())
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    await writeFile(path.join(dir, 'secret.txt'), 'not for the web')
    const listening = new Promise<string>((resolve) => {
      loop = preview({cwd: dir, port: 0, editions: ['both'], debounce: 50, signal: controller.signal, onBuild: events.onBuild, onListen: resolve})
    })
    url = await listening
    assert.equal((await events.next(() => true)).type, 'built')
  })
  after(async () => {
    controller.abort()
    await loop
    await cleanup()
  })

  test('serves the site with the reload script (not written into the built file), and a home page linking the EPUB and PDF', async () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/)
    const page = await get(url, '/both/alpha.html')
    assert.equal(page.status, 200)
    assert.match(page.body, /<script>new EventSource\("\/__samizdat\/events"\)[^<]*<\/script><\/body>/)
    assert.doesNotMatch(await readFile(path.join(dir, 'dist/both/alpha.html'), 'utf8'), /__samizdat/)
    const home = await get(url, '/')
    assert.match(home.body, /<a href="both\/">both<\/a> · <a href="both\.epub">EPUB<\/a> · <a href="both\.pdf">PDF<\/a>/)
    const pdf = await get(url, '/both.pdf')
    assert.deepEqual([pdf.status, pdf.type, pdf.body.slice(0, 5)], [200, 'application/pdf', '%PDF-'])
    const redirect = await get(url, '/both')
    assert.equal(redirect.status, 301)
  })

  test('refuses every path out of the output folder: .. plain or encoded, backslashes, a link pointing out', async () => {
    const link = path.join(dir, 'dist/out-link')
    await symlink(dir, link)
    for (const pathname of [
      '/../secret.txt',
      '/both/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/both/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5c%2e%2e%5csecret.txt',
      '/../corpus/works/alpha.md',
      '/out-link/secret.txt',
      '/%00../secret.txt',
      '/%E0%A4%A/secret.txt'
    ]) {
      const response = await get(url, pathname)
      assert.equal(response.status, 404, pathname)
      assert.doesNotMatch(response.body, /not for the web|Alpha/, pathname)
    }
    // Not the build's own: the next build is left to its own checks.
    await rm(link)
  })

  const executable = findChromium()
  const missing = 'Chromium not found (install Debian’s chromium, or set CHROMIUM)'
  if (executable === undefined) {
    // On CI a missing browser is a broken environment, not a reason to pass.
    if (process.env['CI'] === 'true') test('live reload in Chromium', () => assert.fail(missing))
    else test('live reload in Chromium', {skip: missing + ': skipped locally'}, () => {})
  } else {
    let browser: Browser
    before(async () => {
      browser = await chromium.launch({executablePath: executable, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run']})
    })
    after(() => browser?.close())

    test('live reload in Chromium: an edit to a work reloads the open page with the new text', async () => {
      const page = await browser.newPage()
      // The page's event stream is answered (the server knows the page) before the edit: the reload cannot be missed.
      const listening = page.waitForResponse((response) => response.url().endsWith('/__samizdat/events'))
      await page.goto(new URL('both/alpha.html', url).href)
      assert.match(await page.locator('main').innerText(), /The first work, which points at/)
      await listening
      const reloaded = page.waitForEvent('load')
      await writeFile(path.join(dir, 'corpus/works/alpha.md'), alpha('Freshly written words.'))
      await reloaded
      const text = await page.locator('main').innerText()
      assert.match(text, /Freshly written words\./)
      assert.doesNotMatch(text, /The first work/)
      await page.close()
    })
  }
})
