/** epubcheck (the Debian package's jar, `java -jar`) on a book's bytes: its JSON report's messages. */
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {TestContext} from 'node:test'
import {promisify} from 'node:util'
import {epubcheckCommand, epubcheckJar} from './tools.js'

const run = promisify(execFile)

export interface Message {
  ID: string
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO'
  message: string
  locations: Array<{path: string; line: number; column: number}>
}

export async function epubcheck(t: TestContext, bytes: Uint8Array, args: string[] = []): Promise<Message[] | undefined> {
  const jar = epubcheckJar(t)
  if (!jar) return undefined
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-epubcheck-'))
  try {
    const book = join(dir, 'book.epub')
    const report = join(dir, 'report.json')
    await writeFile(book, bytes)
    // epubcheck exits non-zero when it finds errors; the JSON report says which.
    await run('java', [...epubcheckCommand(jar), book, ...args, '--json', report], {maxBuffer: 64 * 1024 * 1024}).catch((error: unknown) => error)
    const json = JSON.parse(await readFile(report, 'utf8')) as {messages: Message[]}
    return json.messages
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

export function describe(messages: Message[]): string {
  return messages.map((m) => `${m.severity}(${m.ID}) ${m.locations.map((l) => `${l.path}:${l.line}:${l.column}`).join(', ')}: ${m.message}`).join('\n')
}
