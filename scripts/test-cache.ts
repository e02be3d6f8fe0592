/**
 * Builds shared by the test files of one run. The runner starts each test file
 * in its own process, so a per-process memo still builds the real book once per
 * file; this writes it once to `node_modules/.cache/samizdat-test/`, under a key
 * that hashes every input (the packages' sources, the corpus, the lockfile and
 * the options), and the other processes read it. A lock file makes the first
 * process build while the others wait for its file.
 */
import {createHash} from 'node:crypto'
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = fileURLToPath(new URL('..', import.meta.url))
export const cacheDir = join(root, 'node_modules', '.cache', 'samizdat-test')

/** What a build depends on besides its own inputs: every package's sources, the real corpus, the locked dependencies. */
const common = [...['model', 'html', 'epub', 'pdf'].map((name) => join(root, 'packages', name, 'src')), join(root, 'corpus'), join(root, 'pnpm-lock.yaml')]

const digests = new Map<string, string>()

/** SHA-256 of a file, or of a folder's files (names and bytes, in name order). */
function digest(path: string): string {
  let found = digests.get(path)
  if (found === undefined) {
    const hash = createHash('sha256')
    if (statSync(path).isDirectory()) {
      for (const file of (readdirSync(path, {recursive: true}) as string[]).sort()) {
        const full = join(path, file)
        if (statSync(full).isFile()) hash.update(file).update('\0').update(readFileSync(full)).update('\0')
      }
    } else {
      hash.update(readFileSync(path))
    }
    found = hash.digest('hex')
    digests.set(path, found)
  }
  return found
}

/** The cache key of a build: its name, the options it is made with, and the digests of all it reads. */
export function cacheKey(name: string, options: unknown, inputs: readonly string[] = []): string {
  const hash = createHash('sha256')
    .update(name)
    .update('\0')
    .update(JSON.stringify(options ?? null))
  for (const path of [...common, ...inputs]) hash.update('\0').update(path).update('\0').update(digest(path))
  return hash.digest('hex').slice(0, 16)
}

/** Take the lock file, or take it over when its holder seems gone (five minutes on a loaded machine). */
function take(lock: string, waited: number): boolean {
  try {
    closeSync(openSync(lock, 'wx'))
    return true
  } catch {
    if (waited < 300_000) return false
    rmSync(lock, {force: true})
    return take(lock, 0)
  }
}

const memo = new Map<string, Promise<string>>()

/**
 * The path of `name.extension`, built by `make` once for every test process of
 * the run (and later runs, while no input changes). `inputs` are files or
 * folders the build reads beyond the common ones (a fixture corpus).
 */
export function sharedBuild(name: string, extension: string, options: unknown, inputs: readonly string[], make: () => Promise<Uint8Array>): Promise<string> {
  const key = cacheKey(name, options, inputs)
  let found = memo.get(key)
  if (!found) {
    found = (async () => {
      mkdirSync(cacheDir, {recursive: true})
      const path = join(cacheDir, `${name}-${key}.${extension}`)
      const lock = `${path}.lock`
      for (let waited = 0; !existsSync(path); waited += 250) {
        if (take(lock, waited)) {
          try {
            if (!existsSync(path)) {
              const temporary = `${path}.${process.pid}.tmp`
              writeFileSync(temporary, await make())
              renameSync(temporary, path)
              // Builds of earlier sources are stale now.
              for (const file of readdirSync(cacheDir)) {
                if (
                  file.startsWith(`${name}-`) &&
                  new RegExp(`^[0-9a-f]{16}\\.${extension}$`).test(file.slice(name.length + 1)) &&
                  join(cacheDir, file) !== path
                )
                  rmSync(join(cacheDir, file), {force: true})
              }
            }
          } finally {
            rmSync(lock, {force: true})
          }
          break
        }
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      return path
    })()
    memo.set(key, found)
  }
  return found
}
