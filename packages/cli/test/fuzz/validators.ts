/**
 * The outside validators on generated books: epubcheck (the Debian package,
 * run with `java -jar`) and `qpdf --check`, run in parallel. As in the
 * adapters' tests, a missing tool skips locally and fails in CI (`CI=true`).
 */
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'

const run = promisify(execFile)

// Found, skipped or failed exactly as in the EPUB package's own tests.
export {epubcheckJar, tool} from '../../../epub/test/helpers/tools.js'
import {epubcheckCommand} from '../../../epub/test/helpers/tools.js'

export interface EpubcheckMessage {
  ID: string
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO'
  message: string
  locations: Array<{path: string; line: number; column: number}>
}

/** epubcheck's messages on a book. */
export async function epubcheck(jar: string, bytes: Uint8Array): Promise<EpubcheckMessage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-fuzz-epubcheck-'))
  try {
    const book = join(dir, 'book.epub')
    const report = join(dir, 'report.json')
    await writeFile(book, bytes)
    // epubcheck exits non-zero when it finds errors; the JSON report says which.
    await run('java', [...epubcheckCommand(jar), book, '--json', report], {maxBuffer: 64 * 1024 * 1024}).catch((error: unknown) => error)
    const json = JSON.parse(await readFile(report, 'utf8')) as {messages: EpubcheckMessage[]}
    return json.messages
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

/**
 * epubcheck's messages on each of `books`, from one Java process
 * (`EpubcheckBatch.java`, run by Java's source launcher against the jar): a
 * JVM start costs more CPU than checking a small book, so four books cost a
 * third of four processes. Where the source launcher is missing (a JRE
 * without its compiler), one process per book.
 */
export async function epubcheckMany(jar: string, books: readonly Uint8Array[]): Promise<EpubcheckMessage[][]> {
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-fuzz-epubcheck-'))
  try {
    const files = books.map((_, index) => ({book: join(dir, `book-${index}.epub`), report: join(dir, `report-${index}.json`)}))
    await Promise.all(books.map((bytes, index) => writeFile((files[index] as {book: string}).book, bytes)))
    const flags = epubcheckCommand(jar).filter((flag) => flag !== '-jar' && flag !== jar)
    const batch = fileURLToPath(new URL('EpubcheckBatch.java', import.meta.url))
    const ran = await run('java', [...flags, '-cp', jar, batch, ...files.flatMap(({book, report}) => [book, report])], {maxBuffer: 64 * 1024 * 1024}).then(
      () => true,
      (error: {stderr?: string}) => !/jdk\.compiler|source-file mode|compiler/i.test(error.stderr ?? '')
    )
    if (!ran) return Promise.all(books.map((bytes) => epubcheck(jar, bytes)))
    return await Promise.all(files.map(async ({report}) => (JSON.parse(await readFile(report, 'utf8')) as {messages: EpubcheckMessage[]}).messages))
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

/** Errors among epubcheck's messages (FATAL and ERROR), one line each. */
export function epubcheckErrors(messages: EpubcheckMessage[]): string[] {
  return messages
    .filter((m) => m.severity === 'FATAL' || m.severity === 'ERROR')
    .map((m) => `${m.severity}(${m.ID}) ${m.locations.map((l) => `${l.path}:${l.line}:${l.column}`).join(', ')}: ${m.message}`)
}

/** `qpdf --check`: the problems it reports (none for a sound file). */
export async function qpdfCheck(qpdf: string, bytes: Uint8Array): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-fuzz-qpdf-'))
  try {
    const file = join(dir, 'book.pdf')
    await writeFile(file, bytes)
    const output = await run(qpdf, ['--check', file]).then(
      ({stdout, stderr}) => stdout + stderr,
      (error: {stdout?: string; stderr?: string; message: string}) => `${error.stdout ?? ''}${error.stderr ?? ''}\nqpdf failed: ${error.message}`
    )
    const problems = output.split('\n').filter((line) => /WARNING|^ERROR|^qpdf failed/.test(line))
    if (!/No syntax or stream encoding errors found/.test(output)) problems.push('qpdf did not report "No syntax or stream encoding errors found"')
    return problems
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}
