/**
 * `preview`: the watch loop plus a small server (node:http, on 127.0.0.1
 * only) for the output folder. HTML pages are served with a tiny script that
 * reloads them on a server-sent event sent after each good build; the built
 * files themselves are never changed. Only files inside the output folder are
 * served.
 */
import {readdir, readFile, realpath, stat} from 'node:fs/promises'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import process from 'node:process'
import {UsageError} from '@samizdat/model/errors'
import {watch, type WatchOptions} from './watch.js'

export interface PreviewOptions extends WatchOptions {
  /** Port on 127.0.0.1 (default 8000; 0 picks a free one). */
  port?: number | undefined
  /** Told the address once the server listens, before the first build. */
  onListen?: ((url: string) => void) | undefined
}

/** The preview's own paths; a build never writes a folder of this name. */
const events = '/__samizdat/events'
const reloader = `<script>new EventSource(${JSON.stringify(events)}).addEventListener('reload', () => location.reload())</script>`

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.epub': 'application/epub+zip',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml'
}

/** Serve the output folder and rebuild on change until `signal` is aborted. */
export async function preview(options: PreviewOptions): Promise<void> {
  if (options.file !== undefined || options.sink !== undefined) throw new UsageError('preview serves an output folder: give -o a folder, not a file')
  if (options.formats !== undefined && options.formats.length > 0 && !options.formats.includes('html')) {
    throw new UsageError('preview serves the html format: add html to --format')
  }
  const cwd = options.cwd ?? process.cwd()
  const shownOut = options.out ?? 'dist'
  const out = path.resolve(cwd, shownOut)
  const clients = new Set<ServerResponse>()
  const server = createServer((request, response) => {
    respond(request, response, out, clients).catch(() => {
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  const port = options.port ?? 8000
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`Port ${port} is in use; choose another with --port`) : error)
    )
    server.listen(port, '127.0.0.1', () => resolve())
  })
  try {
    options.onListen?.(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    await watch({
      ...options,
      onBuild(event) {
        options.onBuild?.(event)
        // Only a good build changes what is served: pages reload then, never on a failed one.
        if (event.type === 'built') for (const client of clients) client.write(`event: reload\ndata: ${Date.now()}\n\n`)
      }
    })
  } finally {
    for (const client of clients) client.end()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

async function respond(request: IncomingMessage, response: ServerResponse, out: string, clients: Set<ServerResponse>): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return end(response, 405, 'Method not allowed')
  const pathname = (request.url ?? '/').split(/[?#]/)[0] as string
  if (pathname === events) {
    response.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive'})
    response.write(': samizdat preview\n\n')
    clients.add(response)
    request.on('close', () => clients.delete(response))
    return
  }
  const file = await inside(out, pathname)
  if (file === undefined) return end(response, 404, 'Not found')
  const stats = await stat(file).catch(() => undefined)
  if (stats === undefined) return pathname === '/' ? home(response, out) : end(response, 404, 'Not found')
  if (stats.isDirectory()) {
    // `/both` → `/both/`, so that the page's relative links resolve.
    if (!pathname.endsWith('/')) {
      response.writeHead(301, {location: `${pathname}/`})
      return void response.end()
    }
    const index = path.join(file, 'index.html')
    if (!(await stat(index).catch(() => undefined))?.isFile()) return pathname === '/' ? home(response, out) : end(response, 404, 'Not found')
    return send(response, request, index)
  }
  return send(response, request, file)
}

/**
 * The file a URL path names inside `out`, or undefined for anything that would leave it: `..` (also encoded), a
 * NUL, a backslash, or a link inside the folder that points out of it.
 */
async function inside(out: string, pathname: string): Promise<string | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return undefined
  if (decoded.split('/').some((segment) => segment === '..')) return undefined
  const file = path.join(out, decoded)
  if (file !== out && !file.startsWith(out + path.sep)) return undefined
  // A symbolic link is followed only when it stays inside the folder.
  const [real, realOut] = await Promise.all([realpath(file).catch(() => undefined), realpath(out).catch(() => undefined)])
  if (real !== undefined && (realOut === undefined || (real !== realOut && !real.startsWith(realOut + path.sep)))) return undefined
  return file
}

async function send(response: ServerResponse, request: IncomingMessage, file: string): Promise<void> {
  const type = types[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
  let data: Buffer = await readFile(file)
  // The reload script goes into the page as served, not into the built file.
  if (type.startsWith('text/html')) {
    const page = data.toString('utf8')
    const at = page.lastIndexOf('</body>')
    data = Buffer.from(at === -1 ? page + reloader : page.slice(0, at) + reloader + page.slice(at))
  }
  // Never cached: the EPUB and PDF linked are those of the last build.
  response.writeHead(200, {'content-type': type, 'content-length': data.byteLength, 'cache-control': 'no-store'})
  response.end(request.method === 'HEAD' ? undefined : data)
}

/** `/` when the output has no index of its own: a page linking each edition's site, EPUB and PDF. */
async function home(response: ServerResponse, out: string): Promise<void> {
  const names = await readdir(out).catch(() => [] as string[])
  const sites = (
    await Promise.all(names.map(async (name) => ((await stat(path.join(out, name, 'index.html')).catch(() => undefined))?.isFile() ? name : undefined)))
  )
    .filter((name): name is string => name !== undefined)
    .sort()
  const items = sites.map((id) => {
    const links = [`<a href="${escape(id)}/">${escape(id)}</a>`]
    for (const extension of ['epub', 'pdf'])
      if (names.includes(`${id}.${extension}`)) links.push(`<a href="${escape(id)}.${extension}">${extension.toUpperCase()}</a>`)
    return `<li>${links.join(' · ')}</li>`
  })
  const body = items.length > 0 ? `<ul>\n${items.join('\n')}\n</ul>` : '<p>No edition has been built yet: see the terminal.</p>'
  const page = `<!DOCTYPE html>\n<html lang="en">\n<meta charset="utf-8">\n<title>Samizdat preview</title>\n<body>\n<h1>Editions</h1>\n${body}\n${reloader}\n</body>\n</html>\n`
  response.writeHead(200, {'content-type': types['.html'] as string, 'cache-control': 'no-store'})
  response.end(page)
}

function end(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {'content-type': 'text/plain; charset=utf-8'})
  response.end(`${text}\n`)
}

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;')
}
