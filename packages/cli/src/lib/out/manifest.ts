/**
 * `<out>/.samizdat-manifest.json`: what the build wrote (each entry, each of
 * its files with size and SHA-256). It is how a build knows which entries of
 * `out` are its own to replace, and whether anyone changed them since. It is
 * written last, atomically: its `build` id is the commit point of a build.
 */
import {createHash} from 'node:crypto'
import {lstat, readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import type {OutputFile} from '../formats.js'
import {FaultError} from '../faults.js'

export const manifestName = '.samizdat-manifest.json'

export interface ManifestFile {
  /** Relative to `out`, POSIX separators. */
  path: string
  size: number
  sha256: string
}

export interface Manifest {
  /** Version of this format. */
  samizdat: 1
  /** Hash of `entries`: the same output gives the same manifest, byte for byte. */
  build: string
  /** Entry (`id/` or `id.epub`) → its files, sorted by path. */
  entries: Record<string, ManifestFile[]>
}

/** The manifest in `out`, or undefined when there is none. A manifest that cannot be read is a fault, not an empty one. */
export async function readManifest(out: string): Promise<Manifest | undefined> {
  let text: string
  try {
    text = await readFile(path.join(out, manifestName), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    const manifest = JSON.parse(text) as Manifest
    if (manifest.samizdat === 1 && typeof manifest.build === 'string' && manifest.entries && typeof manifest.entries === 'object') return manifest
  } catch {}
  throw new FaultError(
    `The manifest "${path.join(out, manifestName)}" is not one samizdat wrote; remove it and every entry it listed, or choose another output folder`
  )
}

/** Size and hash of each file, as they will be on disk. */
export function describeFiles(files: readonly OutputFile[]): ManifestFile[] {
  return files
    .map((file) => {
      const bytes = file.data
      return {path: file.path, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex')}
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** A manifest of `entries`, with its build id. */
export function makeManifest(entries: Record<string, ManifestFile[]>): Manifest {
  const sorted = Object.fromEntries(
    Object.keys(entries)
      .sort()
      .map((key) => [key, entries[key] as ManifestFile[]])
  )
  const build = createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32)
  return {samizdat: 1, build, entries: sorted}
}

export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`
}

/**
 * What is at entry `entry` of `out` now, against what the manifest says was
 * written there (`listed`, undefined when it is not listed): one sentence per
 * path that the build did not write or that was changed since. Empty when the
 * entry is absent or exactly as written (files deleted since do not matter).
 */
export async function changesIn(out: string, entry: string, listed: readonly ManifestFile[] | undefined): Promise<Array<{path: string; reason: string}>> {
  const folder = entry.endsWith('/')
  const name = folder ? entry.slice(0, -1) : entry
  const stats = await lstat(path.join(out, name)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (stats === undefined) return []
  if (listed === undefined) return [{path: stats.isDirectory() ? `${name}/` : name, reason: 'exists and was not written by samizdat'}]
  if (folder !== stats.isDirectory() || (!folder && !stats.isFile())) return [{path: name, reason: 'was replaced by something else since samizdat wrote it'}]
  const known = new Map(listed.map((file) => [file.path, file]))
  const changes: Array<{path: string; reason: string}> = []
  for (const relative of folder ? await walk(out, name) : [name]) {
    // Inside a folder already reported: the folder says it all.
    if (changes.some((change) => change.path.endsWith('/') && relative.startsWith(change.path))) continue
    const full = path.join(out, relative)
    const file = await lstat(full)
    const shown = file.isDirectory() ? `${relative}/` : relative
    const expected = known.get(relative)
    if (file.isDirectory()) {
      if (![...known.keys()].some((key) => key.startsWith(`${relative}/`))) changes.push({path: shown, reason: 'was not written by samizdat'})
      continue
    }
    if (expected === undefined || !file.isFile()) {
      changes.push({path: shown, reason: 'was not written by samizdat'})
      continue
    }
    if (
      file.size !== expected.size ||
      createHash('sha256')
        .update(await readFile(full))
        .digest('hex') !== expected.sha256
    ) {
      changes.push({path: shown, reason: 'was changed since samizdat wrote it'})
    }
  }
  return changes
}

/** Every path under `out/name`, relative to `out`, POSIX separators; symlinks are listed, not followed. */
async function walk(out: string, name: string): Promise<string[]> {
  const names = await readdir(path.join(out, name), {recursive: true})
  return names.sort().map((relative) => `${name}/${relative.split(path.sep).join('/')}`)
}
