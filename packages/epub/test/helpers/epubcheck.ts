/** epubcheck (the Debian package's jar, `java -jar`) on a book's bytes: its JSON report's messages. */
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {TestContext} from 'node:test'
import {fileURLToPath} from 'node:url'
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

/**
 * epubcheck on several books in one Java process (the CLI tests' `EpubcheckBatch.java`, run by Java's source
 * launcher against the jar), each with its own flags: a JVM start costs more CPU than checking a book (two books,
 * 7.3 s of CPU in two processes, 4.7 s in one). The reports in the books' order.
 */
export async function epubcheckBooks(t: TestContext, books: ReadonlyArray<{bytes: Uint8Array; args?: string[]}>): Promise<Message[][] | undefined> {
  const jar = epubcheckJar(t)
  if (!jar) return undefined
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-epubcheck-'))
  try {
    const args: string[] = []
    for (const [index, {bytes, args: flags = []}] of books.entries()) {
      await writeFile(join(dir, `book-${index}.epub`), bytes)
      args.push(...flags, join(dir, `book-${index}.epub`), join(dir, `report-${index}.json`))
    }
    const flags = epubcheckCommand(jar).filter((flag) => flag !== '-jar' && flag !== jar)
    const batch = fileURLToPath(new URL('../../../cli/test/fuzz/EpubcheckBatch.java', import.meta.url))
    const ran = await run('java', [...flags, '-cp', jar, batch, ...args], {maxBuffer: 64 * 1024 * 1024}).then(
      () => true,
      (error: {stderr?: string}) => {
        // A JRE without its compiler has no source launcher: a process per book.
        if (/jdk\.compiler|source-file mode|compiler/i.test(error.stderr ?? '')) return false
        throw error
      }
    )
    if (!ran) return (await Promise.all(books.map(({bytes, args: flags}) => epubcheck(t, bytes, flags)))) as Message[][]
    return await Promise.all(
      books.map(async (_, index) => (JSON.parse(await readFile(join(dir, `report-${index}.json`), 'utf8')) as {messages: Message[]}).messages)
    )
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

export function describe(messages: Message[]): string {
  return messages.map((m) => `${m.severity}(${m.ID}) ${m.locations.map((l) => `${l.path}:${l.line}:${l.column}`).join(', ')}: ${m.message}`).join('\n')
}
