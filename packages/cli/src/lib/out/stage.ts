/**
 * All or nothing, even if the process is killed: every file is staged in one
 * temp folder inside `out` (same file system, so `rename` is atomic), then a
 * journal is written, then each entry is swapped (the older one renamed to
 * `old/`, the new one renamed into place), then the manifest is replaced: that
 * last rename is the commit. Whatever stops a build before it, `rollBack`
 * (now, or `recover` at the start of the next build) puts back the older
 * output as a whole; after it, only the temp folder is left to remove.
 *
 * The temp folder `<out>/.samizdat-tmp-XXXXXX/`:
 *   new/           the staged entries; an entry no longer here was swapped in
 *   old/           the entries they replaced
 *   journal.json   {build, entries}: staging is complete, swapping has begun
 */
import {lstat, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {OutputFile} from '../formats.js'
import {manifestName, readManifest} from './manifest.js'
import {step} from './seam.js'

const tempPrefix = '.samizdat-tmp-'

interface Journal {
  /** Build id of the manifest that commits this build. */
  build: string
  /** Entry names, without the folder's `/`. */
  entries: string[]
}

/** Write every file into a new temp folder inside `out`; returns the temp folder. */
export async function stage(out: string, files: readonly OutputFile[], signal?: AbortSignal): Promise<string> {
  const temp = await step('mkdir', out, signal, () => mkdtemp(path.join(out, tempPrefix)))
  try {
    const made = new Set<string>()
    for (const file of files) {
      const target = path.join(temp, 'new', file.path)
      const folder = path.dirname(target)
      if (!made.has(folder)) {
        await step('mkdir', folder, signal, () => mkdir(folder, {recursive: true}))
        made.add(folder)
      }
      await step('write', target, signal, () => writeFile(target, file.data, {flag: 'wx'}))
    }
  } catch (error) {
    await rm(temp, {recursive: true, force: true}).catch(() => {})
    throw error
  }
  return temp
}

/**
 * Swap the staged `entries` (names without `/`) into `out`, then commit by
 * writing `manifest` (whose `build` is `build`). On any failure, rolls back
 * and rethrows; the temp folder is removed in every case.
 */
export async function swap(out: string, temp: string, entries: readonly string[], build: string, manifest: string, signal?: AbortSignal): Promise<void> {
  let journaled = false
  try {
    await atomicWrite(path.join(temp, 'journal.json'), `${JSON.stringify({build, entries: [...entries]} satisfies Journal)}\n`, signal)
    journaled = true
    await step('mkdir', path.join(temp, 'old'), signal, () => mkdir(path.join(temp, 'old')))
    for (const name of entries) {
      await step('rename', path.join(out, name), signal, () => rename(path.join(out, name), path.join(temp, 'old', name)).catch(ignoreMissing))
      await step('rename', path.join(temp, 'new', name), signal, () => rename(path.join(temp, 'new', name), path.join(out, name)))
    }
    await atomicWrite(path.join(temp, manifestName), manifest, signal, path.join(out, manifestName))
  } catch (error) {
    if (journaled) {
      // If even that fails, the journal stays for the next build's `recover`.
      await rollBack(out, temp, entries).catch(() => {
        throw error
      })
    }
    await rm(temp, {recursive: true, force: true}).catch(() => {})
    throw error
  }
  // Committed: a failure to tidy up is left for the next build's `recover`.
  await step('rm', temp, undefined, () => rm(temp, {recursive: true, force: true})).catch(() => {})
}

/**
 * Put every swapped entry back as it was before the build: the new one goes
 * (to `trash/`), the older one (if there was one) returns from `old/`.
 */
async function rollBack(out: string, temp: string, entries: readonly string[]): Promise<void> {
  await mkdir(path.join(temp, 'trash'), {recursive: true})
  for (const name of entries) {
    const staged = await exists(path.join(temp, 'new', name))
    const older = await exists(path.join(temp, 'old', name))
    // Still staged: this entry's swap had not begun, or stopped between its two renames.
    if (!staged) await rename(path.join(out, name), path.join(temp, 'trash', name)).catch(ignoreMissing)
    if (older) await rename(path.join(temp, 'old', name), path.join(out, name))
  }
}

/** After a commit whose temp folder was not removed: an entry missing from `out` comes from `new/` (or else `old/`). */
async function rollForward(out: string, temp: string, entries: readonly string[]): Promise<void> {
  for (const name of entries) {
    if (await exists(path.join(out, name))) continue
    for (const from of ['new', 'old']) {
      if (await exists(path.join(temp, from, name))) {
        await rename(path.join(temp, from, name), path.join(out, name))
        break
      }
    }
  }
}

/**
 * Finish what a killed build left (call with the lock held, so every temp
 * folder is stale): roll back each uncommitted swap, roll forward a committed
 * one, and remove every temp folder. Returns how many there were.
 */
export async function recover(out: string): Promise<number> {
  const names = (await readdir(out)).filter((name) => name.startsWith(tempPrefix)).sort()
  for (const name of names) {
    const temp = path.join(out, name)
    const journal = await readJournal(temp)
    if (journal) {
      const committed = (await readManifest(out).catch(() => undefined))?.build === journal.build
      if (committed) await rollForward(out, temp, journal.entries)
      else await rollBack(out, temp, journal.entries)
    }
    await rm(temp, {recursive: true, force: true})
  }
  return names.length
}

async function readJournal(temp: string): Promise<Journal | undefined> {
  try {
    const journal = JSON.parse(await readFile(path.join(temp, 'journal.json'), 'utf8')) as Journal
    const plain = (name: unknown): boolean => typeof name === 'string' && name !== '' && !/[/\\]|^\.\.?$/.test(name)
    return typeof journal.build === 'string' && Array.isArray(journal.entries) && journal.entries.every(plain) ? journal : undefined
  } catch {
    // No journal (killed while staging): nothing was swapped.
    return undefined
  }
}

/** Write `text` to `file` (then rename it to `target`, default `file`) so that it is either whole or absent. */
async function atomicWrite(file: string, text: string, signal: AbortSignal | undefined, target = file): Promise<void> {
  const part = `${file}.part`
  await step('write', part, signal, () => writeFile(part, text, {flag: 'wx'}))
  await step('rename', target, signal, () => rename(part, target))
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false
  )
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
}
