/**
 * The write phase, all or nothing: under the lock of `out`, finish what a
 * killed build left, refuse to replace anything the build did not write,
 * then stage every entry and swap them all in (see `out/stage.ts`).
 */
import {lstat, mkdir, rmdir} from 'node:fs/promises'
import path from 'node:path'
import type {OutputFile} from './formats.js'
import {acquire} from './out/lock.js'
import {changesIn, describeFiles, makeManifest, manifestText, readManifest, type ManifestFile} from './out/manifest.js'
import {badName} from './out/names.js'
import {recover, stage, swap} from './out/stage.js'

export interface Entry {
  /** Top-level entry of `out`, relative: a folder (`id/`) or a file (`id.epub`). */
  entry: string
  files: OutputFile[]
}

export interface WriteOptions {
  /** Aborting it (Ctrl-C) stops the write and puts the older output back. */
  signal?: AbortSignal | undefined
  /** `out` as the user typed it, for messages. */
  shown?: string | undefined
  /** How long to wait for another build writing into `out`, in ms. */
  lockTimeout?: number | undefined
}

/** Paths in `out` that the build would replace but did not write (or that changed since). */
export class ForeignEntriesError extends Error {
  readonly problems: ReadonlyArray<{path: string; reason: string}>
  constructor(problems: ReadonlyArray<{path: string; reason: string}>) {
    super(`${problems.length} path(s) in the output folder are not samizdat's to replace`)
    this.name = 'ForeignEntriesError'
    this.problems = problems
  }
}

/** Write `entries` into `out` (created if missing). */
export async function writeEntries(out: string, entries: readonly Entry[], options: WriteOptions = {}): Promise<void> {
  const names = new Set<string>()
  for (const {entry, files} of entries) {
    for (const file of files) assertInside(entry, file.path)
    if (names.has(entry)) throw new Error(`Output entry "${entry}" is written twice`)
    names.add(entry)
  }

  const created = await mkdir(out, {recursive: true})
  let done = false
  try {
    const lock = await acquire(out, {signal: options.signal, timeout: options.lockTimeout, shown: options.shown})
    try {
      await recover(out)
      const manifest = await readManifest(out)
      const problems: Array<{path: string; reason: string}> = []
      for (const {entry} of entries) problems.push(...(await changesIn(out, entry, manifest?.entries[entry])))
      if (problems.length > 0) throw new ForeignEntriesError(problems)

      // Entries of earlier builds that this one does not make stay, and stay listed (a build of one edition keeps the others).
      const listed: Record<string, ManifestFile[]> = {}
      for (const [entry, files] of Object.entries(manifest?.entries ?? {})) {
        if (
          !names.has(entry) &&
          (await lstat(path.join(out, stripSlash(entry))).then(
            () => true,
            () => false
          ))
        )
          listed[entry] = files
      }
      for (const {entry, files} of entries) listed[entry] = describeFiles(files)
      const next = makeManifest(listed)

      const temp = await stage(
        out,
        entries.flatMap(({files}) => files),
        options.signal
      )
      await swap(
        out,
        temp,
        entries.map(({entry}) => stripSlash(entry)),
        next.build,
        manifestText(next),
        options.signal
      )
      done = true
    } finally {
      await lock.release()
    }
  } finally {
    // A failed first build leaves no empty output folder behind.
    if (!done && created !== undefined) await removeEmpty(out, created)
  }
}

/** Remove `dir` and its parents up to `top` while they are empty. */
async function removeEmpty(dir: string, top: string): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    if (
      !(await rmdir(current).then(
        () => true,
        () => false
      ))
    )
      return
    if (current === top || path.dirname(current) === current) return
  }
}

/** An adapter writing outside its own entry is a bug in the adapter, not in the content. */
function assertInside(entry: string, file: string): void {
  const name = stripSlash(entry)
  if (badName(name) !== undefined) throw new Error(`Output entry "${entry}" is not a plain name`)
  const normal = path.posix.normalize(file)
  const inside = entry.endsWith('/') ? normal.startsWith(entry) && normal.length > entry.length : normal === entry
  if (!inside || normal !== file) {
    throw new Error(`Output file "${file}" is outside its entry "${entry}"`)
  }
}

function stripSlash(entry: string): string {
  return entry.endsWith('/') ? entry.slice(0, -1) : entry
}
