/**
 * The identity of the code that makes an output: Samizdat's own files and the
 * versions of every library they run on (the Markdown parser, pdfkit,
 * fontkit, the fonts…), so that an upgrade of any of them is a new key.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync, realpathSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {version} from '../version.js'

let code: string | undefined

/**
 * The CLI's version, Node's, the size and time of every file of the Samizdat packages as they run (an edited
 * source or a rebuilt dist is new code even at the same version), and the name and version of every package
 * they depend on, directly or not. Worked out once per process.
 */
export function codeVersion(): string {
  if (code !== undefined) return code
  const hash = createHash('sha256').update(`${version}\0${process.version}\0`)
  const roots: string[] = []
  for (const name of ['cli', 'model', 'html', 'epub', 'pdf']) {
    // This package's src/ or dist/, and each adapter's and the model's, wherever they resolve from here.
    const dir = name === 'cli' ? fileURLToPath(new URL('../..', import.meta.url)) : path.dirname(fileURLToPath(import.meta.resolve(`@samizdat/${name}`)))
    for (const file of readdirSync(dir, {recursive: true, encoding: 'utf8'}).sort()) {
      const stat = statSync(path.join(dir, file))
      if (stat.isFile()) hash.update(`${name}/${file}\0${stat.size}\0${stat.mtimeMs}\0`)
    }
    const root = packageRoot(dir)
    if (root !== undefined) roots.push(root)
  }
  for (const line of dependencyVersions(roots)) hash.update(`${line}\0`)
  code = hash.digest('hex')
  return code
}

/** `name@version` of every package the packages at `roots` depend on, transitively, sorted. */
export function dependencyVersions(roots: readonly string[]): string[] {
  const seen = new Set<string>()
  const found = new Set<string>()
  const queue = [...roots]
  for (let root = queue.shift(); root !== undefined; root = queue.shift()) {
    if (seen.has(root)) continue
    seen.add(root)
    const manifest = readManifest(path.join(root, 'package.json'))
    if (!manifest) continue
    if (!roots.includes(root)) found.add(`${manifest.name}@${manifest.version}`)
    const require = createRequire(path.join(root, 'package.json'))
    for (const dependency of Object.keys({...manifest.dependencies, ...manifest.optionalDependencies})) {
      // Where Node would find it from here (pnpm's links, then the folders above): its real folder.
      const dir = require.resolve
        .paths(dependency)
        ?.map((folder) => path.join(folder, dependency))
        .find((folder) => existsSync(path.join(folder, 'package.json')))
      if (dir !== undefined) queue.push(realpath(dir))
    }
  }
  return [...found].sort()
}

interface Manifest {
  name?: string
  version?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

function readManifest(file: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest
  } catch {
    return undefined
  }
}

/** The folder holding the package.json nearest above `dir`. */
function packageRoot(dir: string): string | undefined {
  for (let folder = dir; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'package.json'))) return realpath(folder)
    if (path.dirname(folder) === folder) return undefined
  }
}

function realpath(dir: string): string {
  try {
    return realpathSync(dir)
  } catch {
    return dir
  }
}
