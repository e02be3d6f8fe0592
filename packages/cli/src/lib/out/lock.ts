/**
 * One build at a time writes into an output folder: `<out>/.samizdat-lock` is
 * created with `wx` (fails if it exists) and holds the pid and host of its
 * owner. A lock whose owner is dead (same host, no such process: a build that
 * was killed) is stale and broken at once; otherwise a second build waits, up
 * to `timeout`, then fails with a message.
 *
 * Hand-written rather than `proper-lockfile`: that one decides staleness by
 * age, so after a killed build the next one would wait out the stale period,
 * and it needs a timer refreshing the lock while the build runs.
 */
import {lstat, mkdir, readFile, rm, rmdir, writeFile} from 'node:fs/promises'
import {hostname} from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {setTimeout as sleep} from 'node:timers/promises'
import {FaultError} from '../faults.js'

const lockName = '.samizdat-lock'

export interface Lock {
  release(): Promise<void>
}

export interface LockOptions {
  /** How long to wait for another build, in ms. */
  timeout?: number | undefined
  signal?: AbortSignal | undefined
  /** `out` as the user typed it, for the message. */
  shown?: string | undefined
}

/** Take the lock of `out` (which must exist), waiting for another build to finish. */
export async function acquire(out: string, options: LockOptions = {}): Promise<Lock> {
  const file = path.join(out, lockName)
  const me = `${process.pid} ${hostname()}\n`
  const timeout = options.timeout ?? 120_000
  const deadline = Date.now() + timeout
  for (;;) {
    options.signal?.throwIfAborted()
    try {
      await writeFile(file, me, {flag: 'wx'})
      return {release: () => rm(file, {force: true})}
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = await readFile(file, 'utf8').catch(() => undefined)
    if (holder !== undefined && (await stale(file, holder))) {
      await breakLock(file, holder)
      continue
    }
    if (Date.now() > deadline) {
      const [pid, host] = (holder ?? '').trim().split(' ')
      throw new FaultError(
        `Another samizdat build (process ${pid ?? '?'} on ${host ?? '?'}) is writing into "${options.shown ?? out}"; waited ${timeout / 1000} s. ` +
          `If no build is running, remove "${path.join(options.shown ?? out, lockName)}"`
      )
    }
    await sleep(25 + Math.random() * 75)
  }
}

/** Whether the owner of a lock is gone. A lock of another host is never stale: its owner cannot be asked. */
async function stale(file: string, holder: string): Promise<boolean> {
  const match = /^(\d+) (.+)\n$/.exec(holder)
  if (!match) {
    // Killed between creating the file and writing it: empty, and staying so.
    const stats = await lstat(file).catch(() => undefined)
    return stats !== undefined && Date.now() - stats.mtimeMs > 2000
  }
  const pid = Number(match[1])
  if (match[2] !== hostname() || pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/**
 * Remove a stale lock, unless someone else does it first: `<lock>.break` is a
 * mutex (mkdir is atomic), and the lock is removed only if it still holds
 * what was found stale, so a fresh lock taken meanwhile is never broken.
 */
async function breakLock(file: string, holder: string): Promise<void> {
  const breaker = `${file}.break`
  try {
    await mkdir(breaker)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    // Its owner died while breaking: an old breaker is itself stale.
    const stats = await lstat(breaker).catch(() => undefined)
    if (stats && Date.now() - stats.mtimeMs > 10_000) await rmdir(breaker).catch(() => {})
    await sleep(25)
    return
  }
  try {
    if ((await readFile(file, 'utf8').catch(() => undefined)) === holder) await rm(file, {force: true})
  } finally {
    await rmdir(breaker).catch(() => {})
  }
}
