/**
 * Atomic-enough writes: everything is staged in a temp folder inside `out`
 * (same file system, so `rename` is atomic), then each format's entry is
 * swapped into place, replacing the older build of that entry as a whole.
 * The temp folder goes away whatever happens.
 */
import {mkdir, mkdtemp, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {OutputFile} from './formats.js'

export interface Entry {
  /** Top-level entry of `out`, relative: a folder (`id/`) or a file (`id.epub`). */
  entry: string
  files: OutputFile[]
}

/** Write `entries` into `out` (created if missing). */
export async function writeEntries(out: string, entries: readonly Entry[]): Promise<void> {
  for (const {entry, files} of entries) {
    for (const file of files) assertInside(entry, file.path)
  }

  await mkdir(out, {recursive: true})
  const temp = await mkdtemp(path.join(out, '.samizdat-'))
  try {
    const staged = path.join(temp, 'new')
    const old = path.join(temp, 'old')
    await mkdir(old)
    for (const {files} of entries) {
      for (const file of files) {
        const target = path.join(staged, file.path)
        await mkdir(path.dirname(target), {recursive: true})
        await writeFile(target, file.contents)
      }
    }
    for (const {entry} of entries) {
      const name = stripSlash(entry)
      await rename(path.join(out, name), path.join(old, name)).catch(ignoreMissing)
      await rename(path.join(staged, name), path.join(out, name))
    }
  } finally {
    await rm(temp, {recursive: true, force: true})
  }
}

/** An adapter writing outside its own entry is a bug in the adapter, not in the content. */
function assertInside(entry: string, file: string): void {
  const name = stripSlash(entry)
  if (name === '' || name.includes('/') || name.includes('\\') || name.startsWith('.')) {
    throw new Error(`Output entry "${entry}" is not a plain name`)
  }
  const normal = path.posix.normalize(file)
  const inside = entry.endsWith('/') ? normal.startsWith(entry) && normal.length > entry.length : normal === entry
  if (!inside || normal !== file) {
    throw new Error(`Output file "${file}" is outside its entry "${entry}"`)
  }
}

function stripSlash(entry: string): string {
  return entry.endsWith('/') ? entry.slice(0, -1) : entry
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
}
