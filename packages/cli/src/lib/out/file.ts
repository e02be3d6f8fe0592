/**
 * `-o pack.pdf`: the one output of a build written to the file the user named,
 * atomically (a temporary file beside it, flushed, then renamed over it), so a
 * reader never sees half a PDF and a failed or interrupted build leaves the
 * older file as it was. Only a regular file (or nothing) is ever replaced:
 * never a folder, a symbolic link or a device.
 */
import {randomBytes} from 'node:crypto'
import {lstat, open, rename, rm} from 'node:fs/promises'
import path from 'node:path'
import {UsageError} from '@samizdat/model'

/** Throw `UsageError` unless `target` is a regular file or nothing yet, and its folder exists. */
export async function checkFile(target: string, shown: string): Promise<void> {
  const stats = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (stats !== undefined && !stats.isFile()) {
    throw new UsageError(
      `Output file "${shown}" is ${stats.isDirectory() ? 'a folder' : stats.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; name a file to write`
    )
  }
  const folder = await lstat(path.dirname(target)).catch(() => undefined)
  if (folder?.isDirectory() !== true) throw new UsageError(`Output file "${shown}": its folder "${path.dirname(shown)}" does not exist`)
}

/** Write `data` to `target`, all or nothing. */
export async function writeFileAtomic(target: string, data: Uint8Array, signal?: AbortSignal): Promise<void> {
  // Hidden, unique, in the same folder (a rename across file systems is not atomic); `wx` never follows a planted link.
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx', 0o644)
  let done = false
  try {
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    signal?.throwIfAborted()
    await rename(temp, target)
    done = true
  } finally {
    if (!done) await rm(temp, {force: true})
  }
}
