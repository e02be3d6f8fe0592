/**
 * Headless Chromium (the system's, never a downloaded one) driven by
 * playwright-core, a static server for a written site, and axe-core.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import {createRequire} from 'node:module'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {dirname, extname, join, normalize} from 'node:path'
import {chromium, type Browser} from 'playwright-core'
import {type Site} from './site.js'

export const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/** Path of the system Chromium (`CHROMIUM` overrides), or undefined. */
export function findChromium(): string | undefined {
  if (process.env['CHROMIUM']) return process.env['CHROMIUM']
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('sh', ['-c', 'command -v ' + name], {encoding: 'utf8'}).trim()
      if (path) return path
    } catch {
      // Not on PATH; try the next name.
    }
  }
  return undefined
}

export function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({executablePath, args: launchArgs})
}

export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2'
}

/** Write the site to a temporary folder and serve it on 127.0.0.1 (a random port). */
export async function serve(site: Site): Promise<{url: string; dir: string; close: () => Promise<void>}> {
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-html-'))
  for (const file of site.files) {
    await mkdir(dirname(join(dir, file.path)), {recursive: true})
    await writeFile(join(dir, file.path), file.data)
  }
  const server: Server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '')
    try {
      const body = await readFile(join(dir, path || 'index.html'))
      response.writeHead(200, {'content-type': types[extname(path)] ?? 'application/octet-stream'})
      response.end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    dir,
    async close() {
      await new Promise((resolve) => server.close(resolve))
      await rm(dir, {recursive: true, force: true})
    }
  }
}

export const outputDir = new URL('../../test-output/', import.meta.url)

export async function ensureOutputDir(): Promise<void> {
  await mkdir(outputDir, {recursive: true})
}
