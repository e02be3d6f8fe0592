/**
 * Bundles the compiled CLI (dist/bin.js and its worker, dist/lib/render-worker.js) into dist/bundle/, so that a
 * build starts by reading a few files instead of some 400 small ES modules: on a two-core machine Node spends
 * more time finding, reading and linking those modules (about 0.3 s) than a one-paragraph build spends working.
 *
 * What goes in: Samizdat's own packages and every ES module they import (pdfkit and fontkit by their ES builds). What
 * stays out: CommonJS files (sharp, yaml, commander, epub-gen-memory…), which may read files beside them through
 * `__dirname` or load a native addon; the bundle imports them by the path they resolve to in this install, and Node
 * loads them as it does unbundled. A bundled module's `import.meta.url` is its own file's URL, as before (Samizdat's
 * packages resolve fonts, data and CommonJS packages from it with `createRequire`), except where it names another
 * entry point of the bundle, the worker, which then runs bundled too.
 *
 * So the bundle only works inside the install it was made in: it is not published (package.json `files`), and
 * `pnpm compile` makes it again after `tsc -b`. Plain JavaScript: no tsx start-up for a build step.
 */
import {readFileSync} from 'node:fs'
import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const outdir = path.join(dist, 'bundle')
const entryPoints = {bin: path.join(dist, 'bin.js'), 'render-worker': path.join(dist, 'lib', 'render-worker.js')}
const entries = new Map(Object.entries(entryPoints).map(([name, file]) => [file, `./${name}.js`]))

/**
 * A bundle-relative URL for a file, as an import specifier or a URL's relative part: chunks and entries all sit in
 * `outdir`. Each name is percent-encoded: it is a segment of a URL (a `#` or `%` in it is not URL syntax).
 */
const fromBundle = (file) => {
  const relative = path.relative(outdir, file).split(path.sep).map(encodeURIComponent).join('/')
  return relative.startsWith('.') ? relative : `./${relative}`
}

/** The `type` of the package.json at `file` (`commonjs` when it has none), or null when there is none to read. */
const types = new Map()
function manifestType(file) {
  let type = types.get(file)
  if (type === undefined) {
    try {
      type = JSON.parse(readFileSync(file, 'utf8')).type ?? 'commonjs'
    } catch {
      type = null
    }
    types.set(file, type)
  }
  return type
}

/** Whether Node loads `file` as CommonJS: its extension, or the `type` of the nearest package.json above it. */
function isCommonJs(file) {
  if (file.endsWith('.cjs')) return true
  if (!file.endsWith('.js')) return false
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const type = manifestType(path.join(dir, 'package.json'))
    if (type !== null) return type !== 'module'
    if (path.dirname(dir) === dir) return true
  }
}

/** The `type` of the package a bare specifier names, as Node finds it from `dir` (null: not found). */
function packageType(specifier, dir) {
  const parts = specifier.split('/')
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
  for (let folder = dir; ; folder = path.dirname(folder)) {
    const type = manifestType(path.join(folder, 'node_modules', name, 'package.json'))
    if (type !== null || path.dirname(folder) === folder) return type
  }
}

/** Stands for the bundle's own `import.meta.url` while every other one is rewritten. */
const bundleUrl = '__samizdat_bundle_url__'

const plugin = {
  name: 'samizdat-bundle',
  setup(b) {
    // CommonJS stays Node's to load, from where it resolves now. A relative import names its file in full (ES
    // modules must); a package that declares itself an ES module is left to esbuild; only the others' names need
    // esbuild's resolution (slow from a plugin) to see which file they name.
    b.onResolve({filter: /.*/}, async (args) => {
      if (args.pluginData?.resolving || args.kind === 'entry-point' || args.path.startsWith('node:')) return undefined
      if (args.path.startsWith('.')) {
        const file = path.resolve(args.resolveDir, args.path)
        return isCommonJs(file) ? {path: fromBundle(file), external: true} : undefined
      }
      if (packageType(args.path, args.resolveDir) === 'module') return undefined
      const resolved = await b.resolve(args.path, {kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: {resolving: true}})
      if (resolved.errors.length > 0 || resolved.external || !path.isAbsolute(resolved.path)) return resolved
      if (isCommonJs(resolved.path)) return {path: fromBundle(resolved.path), external: true}
      return resolved
    })
    // Each module keeps its own URL; a URL naming the worker's entry names the bundled worker.
    b.onLoad({filter: /\.m?js$/}, async (args) => {
      const text = await readFile(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return undefined
      const contents = text
        .replace(/new URL\((['"])(\.[^'"]+)\1, import\.meta\.url\)/g, (whole, _quote, specifier) => {
          const entry = entries.get(path.resolve(path.dirname(args.path), specifier))
          return entry === undefined ? whole : `new URL(${JSON.stringify(entry)}, ${bundleUrl})`
        })
        .replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle(args.path))}, import.meta.url).href`)
        .replaceAll(bundleUrl, 'import.meta.url')
      return {contents, loader: 'js', resolveDir: path.dirname(args.path)}
    })
  }
}

await rm(outdir, {recursive: true, force: true})
const result = await build({
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The `source` condition is the packages' TypeScript (tests under tsx); the bundle is made from the compiled dist.
  conditions: ['node', 'import'],
  legalComments: 'none',
  logLevel: 'error',
  plugins: [plugin]
})
if (result.errors.length > 0) process.exitCode = 1
