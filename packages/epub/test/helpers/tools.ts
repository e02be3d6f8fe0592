/**
 * Outside tools the tests call (epubcheck, calibre's ebook-convert): found
 * on PATH, skipped with a message locally when missing, a failure in CI.
 */
import {accessSync, constants, realpathSync} from 'node:fs'
import {delimiter, join} from 'node:path'
import type {TestContext} from 'node:test'
import assert from 'node:assert/strict'

export function which(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const path = join(dir, name)
    try {
      accessSync(path, constants.X_OK)
      return path
    } catch {}
  }
  return undefined
}

/** The tool's path; otherwise the test is skipped (locally) or fails (CI=true). */
export function tool(t: TestContext, name: string, debianPackage: string): string | undefined {
  const path = which(name)
  if (path) return path
  const message = `${name} not found on PATH (Debian package: ${debianPackage})`
  if (process.env['CI'] === 'true') assert.fail(message + '; CI must install it')
  t.skip(message + '; skipped')
  return undefined
}

/** The epubcheck jar behind the Debian package's `epubcheck` (a link to the jar, run with `java -jar`). */
export function epubcheckJar(t: TestContext): string | undefined {
  const fromEnv = process.env['EPUBCHECK_JAR']
  if (fromEnv) return fromEnv
  const path = tool(t, 'epubcheck', 'epubcheck')
  if (!path) return undefined
  if (!tool(t, 'java', 'default-jre-headless')) return undefined
  return realpathSync(path)
}

/**
 * `java …` arguments that run epubcheck's jar: the client compiler only and the
 * serial collector, which halve the CPU a short run takes (JIT and GC threads
 * compete with the other test processes on a 2-core machine); the verdict is
 * the same.
 */
export function epubcheckCommand(jar: string): string[] {
  return ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', jar]
}
