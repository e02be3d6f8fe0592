/** Helpers for tests that build corpora on the fly: temp folders, trees of files, messages as lines. */
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** A fresh temp folder and its cleanup. */
export async function scratch(prefix: string): Promise<{dir: string; cleanup: () => Promise<void>}> {
  const dir = await mkdtemp(join(tmpdir(), `samizdat-${prefix}-`))
  return {dir, cleanup: () => rm(dir, {recursive: true, force: true})}
}

/** Write `files` (relative path → text or bytes) under `dir`. */
export async function writeTree(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, contents] of Object.entries(files)) {
    const target = join(dir, name)
    await mkdir(dirname(target), {recursive: true})
    await writeFile(target, contents)
  }
}

/** Every message as `path:line:column: reason [rule]`. */
export function messages(files: readonly VFile[]): string[] {
  return files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`))
}

/** What resolving reported, in the same `path:line:column: reason [rule]` form as `messages`. */
export function reported(edition: {messages: readonly VFileMessage[]}): string[] {
  return edition.messages.map((m) => `${m.file}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`)
}
