/**
 * The corpus is a sandbox, end to end: a corpus whose YAML fields name files
 * outside it (`/etc/passwd`, `/proc/self/environ`, `../` paths, `file:` URLs,
 * the home folder), with a symlink out of `works/` too, publishes none of
 * their contents in any of the four outputs (the EPUB unzipped, the PDF's text).
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {readFile, symlink, writeFile} from 'node:fs/promises'
import {homedir} from 'node:os'
import {join} from 'node:path'
import {after, test} from 'node:test'
import {corpusFromFiles, hasErrors, loadCorpus, resolveEdition, toApparatusJson, type Corpus} from '@samizdat/model'
import {toHtml} from '@samizdat/html'
import {toEpub} from '@samizdat/epub'
import {toPdf} from '@samizdat/pdf'
import {scratch, writeTree} from './helpers/corpus.js'
import {baseCorpus, fieldPaths, otherFiles, parseCache, render} from './helpers/hostile.js'
import {unzipEntries} from './helpers/unzip.js'
import {siteOf} from '../../html/test/helpers/site.js'

const marker = 'OUTSIDE-THE-CORPUS-9c1e'
const tmp = await scratch('leak')
await writeTree(tmp.dir, {'outside/secret.md': `# ${marker}\n\n${marker}\n`})
// What the files named would give away: a line of /etc/passwd, this process's environment.
const environ = (await readFile('/proc/self/environ', 'utf8')).split('\0').filter((entry) => entry.startsWith('PATH='))
const secrets = [marker, 'root:x:0:0', ...environ]
after(() => tmp.cleanup())

const base = baseCorpus()
const secretFile = () => join(tmp.dir, 'outside/secret.md')
const payloads = (): string[] => [
  '/etc/passwd',
  '/proc/self/environ',
  '../../../outside/secret.md',
  '../outside/secret.md',
  `file://${secretFile()}`,
  secretFile(),
  `${homedir()}/.bashrc`,
  '~/.profile'
]

/** Errors a corpus has, as `path: rule` lines. */
function errorsOf(corpus: Corpus): Set<string> {
  return new Set(corpus.files.flatMap((file) => file.messages.filter((m) => m.fatal).map((m) => `${file.path}:${m.line}:${m.column} ${m.ruleId}`)))
}

/** Keys whose value names a file of the corpus: probed on the disk, where the sandbox is; other fields in memory. */
const fileKeys = new Set(['file', 'preface'])

async function pdfText(pdf: Uint8Array, dir: string): Promise<string> {
  const path = join(dir, 'out.pdf')
  await writeFile(path, pdf)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], {encoding: 'utf8'})
}

for (const payload of payloads()) {
  test(`fields naming \`${payload.replace(tmp.dir, '<tmp>')}\` publish nothing from outside the corpus`, async (t) => {
    const dir = join(tmp.dir, 'corpus-' + payloads().indexOf(payload), 'book')
    const docs = structuredClone(base)
    // Each document's text, rendered again only when its data changes; the works' unchanged bodies parsed once.
    const rendered = Object.fromEntries(Object.entries(docs).map(([path, doc]) => [path, render(doc)]))
    const texts = (): Record<string, string> => ({...otherFiles, ...rendered})
    await writeTree(dir, texts())
    await symlink(secretFile(), join(dir, 'works', 'linked.md'))
    const clean = {disk: errorsOf(await loadCorpus(dir, {cwd: dir, parseCache})), memory: errorsOf(await corpusFromFiles(texts(), {parseCache}))}
    // Put the payload in every string field the corpus still accepts with it (a rejected value is read by no one).
    for (const [path, doc] of Object.entries(docs)) {
      for (const field of fieldPaths(doc.data)) {
        let node = doc.data as Record<string | number, unknown>
        for (const key of field.slice(0, -1)) node = node[key] as Record<string | number, unknown>
        const key = field.at(-1) as string | number
        const before = node[key]
        if (typeof before !== 'string') continue
        node[key] = payload
        const kept = rendered[path] as string
        rendered[path] = render(doc)
        const onDisk = fileKeys.has(String(key))
        if (onDisk) await writeFile(join(dir, path), rendered[path])
        const now = onDisk ? errorsOf(await loadCorpus(dir, {cwd: dir, parseCache})) : errorsOf(await corpusFromFiles(texts(), {parseCache}))
        if ([...now].some((line) => !clean[onDisk ? 'disk' : 'memory'].has(line))) {
          node[key] = before
          rendered[path] = kept
        }
      }
      await writeFile(join(dir, path), rendered[path] as string)
    }
    const corpus = await loadCorpus(dir, {cwd: dir})
    // The symlink is refused; everything else loads.
    assert.deepEqual(
      corpus.files.flatMap((file) => file.messages.filter((m) => m.fatal).map((m) => `${file.path} ${m.ruleId}`)),
      ['works/linked.md file-outside']
    )
    const accepted = JSON.stringify(Object.values(docs).map((doc) => doc.data)).split(JSON.stringify(payload)).length - 1
    assert.ok(accepted >= 20, `the payload sits in ${accepted} fields`)
    assert.equal(hasErrors(corpus.files.filter((file) => file.path !== 'works/linked.md')), false)

    const edition = resolveEdition(corpus, 'main')
    const date = new Date(Date.UTC(2024, 0, 1))
    const outputs: Array<[string, string]> = []
    for (const file of (await siteOf(toHtml(edition))).files) outputs.push([`html ${file.path}`, String(file.contents)])
    outputs.push(['apparatus.json', JSON.stringify(toApparatusJson(edition))])
    for (const [name, bytes] of unzipEntries((await toEpub(edition, {date}))[0]!.data))
      outputs.push([`epub ${name}`, bytes.toString('latin1') + bytes.toString('utf8')])
    const pdf = (await toPdf(edition, {date}))[0]!.data
    outputs.push(['pdf bytes', Buffer.from(pdf).toString('latin1')])
    try {
      outputs.push(['pdf text', await pdfText(pdf, join(tmp.dir, 'corpus-' + payloads().indexOf(payload)))])
    } catch {
      if (process.env['CI'] === 'true') assert.fail('pdftotext (poppler-utils) is needed in CI')
      t.diagnostic('pdftotext missing: PDF text not checked')
    }
    assert.ok(
      outputs.some(([, text]) => text.includes('Petrograd met in')),
      'the outputs hold the text'
    )
    for (const [where, text] of outputs) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `${where} holds \`${secret.slice(0, 40)}\``)
    }
  })
}
