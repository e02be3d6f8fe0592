import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readdir, readFile, realpath} from 'node:fs/promises'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {after, test} from 'node:test'
import {checkCorpus, corpusFromFiles, loadCorpus, resolveEdition, UsageError, type Corpus} from '@samizdat/model'
import {messages, scratch, writeTree} from './helpers/corpus.js'

const corpusDir = await realpath(fileURLToPath(new URL('../../../corpus', import.meta.url)))
const apparatusDir = await realpath(fileURLToPath(new URL('fixtures/apparatus', import.meta.url)))
const temp = await scratch('memory')
after(temp.cleanup)

/** Every file under `dir`, by path relative to it. */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files[relative(dir, path)] = await readFile(path, 'utf8')
  }
  return files
}

/** What a corpus and its editions hold, as data (functions, such as `data.locate`, are left out). */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value))
}

async function resolvedAll(corpus: Corpus): Promise<unknown> {
  await checkCorpus(corpus)
  const editions = corpus.editions.map((edition) => resolveEdition(corpus, edition.id))
  return plain({corpus, editions, messages: messages(corpus.files)})
}

for (const [name, dir] of [
  ['the project corpus', corpusDir],
  ['the apparatus fixture', apparatusDir]
] as const) {
  test(`${name}: loaded from memory and from disk, the same corpus, messages and resolved editions`, async () => {
    const fromDisk = await resolvedAll(await loadCorpus(dir, {cwd: dir}))
    const fromMemory = await resolvedAll(await corpusFromFiles(await filesOf(dir), {dir, cwd: dir}))
    assert.ok(JSON.stringify(fromDisk).length > 10_000, 'not vacuous')
    assert.deepEqual(fromMemory, fromDisk)
  })
}

test('a memory corpus reads nothing from disk: run where the working directory is gone, with the file system watched', () => {
  // A child process whose cwd was deleted: anything that asks for `process.cwd()` or reads a relative path fails.
  const script = `
    import fs from 'node:fs'
    import fsp from 'node:fs/promises'
    import {mkdtempSync, rmSync} from 'node:fs'
    import {tmpdir} from 'node:os'
    import {join} from 'node:path'
    import {syncBuiltinESMExports} from 'node:module'
    const model = await import('@samizdat/model')
    const files = {
      'works/a.md': '---\\ntitle: First\\n---\\n\\nSome *text* with a [link](b.md#part).[^1]\\n\\n[^1]: A note.\\n',
      'works/b.md': '# Second\\n\\n## Part\\n\\nMore text.\\n',
      'editions/book.yaml': 'id: book\\ntitle: A book\\nlanguage: en\\npreface: book.preface.md\\nworks: [a, b]\\n',
      'editions/book.preface.md': '# Preface\\n\\nBefore it all.\\n',
      'annotations/notes.yaml': 'annotations:\\n  - {id: n, work: b, kind: note, quote: {exact: More}, body: An *editor* note.}\\n'
    }
    // Once first, where the working directory is: the model loads some libraries on first need (src/lib/lazy.ts,
    // by absolute path), and tsx's require hook (these tests run the sources through it) asks for process.cwd()
    // on every require. Code loaded, what follows is the memory corpus alone.
    model.resolveEdition(await model.corpusFromFiles(files), 'book')
    const gone = mkdtempSync(join(tmpdir(), 'samizdat-gone-'))
    process.chdir(gone)
    rmSync(gone, {recursive: true})
    const calls = []
    for (const target of [fs, fsp]) {
      for (const key of Object.keys(target)) {
        const original = target[key]
        if (typeof original !== 'function' || /^[A-Z]/.test(key)) continue
        target[key] = function (...args) {
          calls.push(key + ' ' + String(args[0]))
          return original.apply(this, args)
        }
      }
    }
    syncBuiltinESMExports()
    const corpus = await model.corpusFromFiles(files)
    await model.checkCorpus(corpus)
    const edition = model.resolveEdition(corpus, 'book')
    const memoryCalls = [...calls]
    // The watch works: the same loader on a folder is seen reading it.
    await model.loadCorpus(${JSON.stringify(apparatusDir)}, {cwd: '/'})
    console.log(JSON.stringify({calls: memoryCalls, watched: calls.some((call) => call.includes('fixtures/apparatus/works')), works: edition.works.map((work) => work.id), notes: edition.works.map((work) => work.notes.length), preface: edition.preface?.title, messages: corpus.files.flatMap((file) => file.messages.map(String))}))
  `
  const child = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '--eval', script], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    encoding: 'utf8',
    timeout: 60_000
  })
  assert.equal(child.status, 0, child.stderr)
  assert.deepEqual(JSON.parse(child.stdout), {calls: [], watched: true, works: ['a', 'b'], notes: [1, 1], preface: 'Preface', messages: []})
})

test('memory files follow the disk rules: names inside the corpus, the size limit, UTF-8, no preface outside', async () => {
  for (const name of ['../a.md', '/etc/a.md', 'works/../../a.md', 'works//a.md', 'C:\\a.md', '']) {
    await assert.rejects(
      corpusFromFiles({[name]: '# A\n'}),
      (error: unknown) => error instanceof UsageError && error.message.includes('relative to the corpus folder'),
      name
    )
  }
  await assert.rejects(corpusFromFiles({'works/a.md': '# A\n'}, {dir: 'relative'}), UsageError)
  await assert.rejects(corpusFromFiles({'works/a.md': '# A\n'}, {maxFileSize: -1}), UsageError)
  const corpus = await corpusFromFiles(
    {
      'works/big.md': `# Big\n\n${'word '.repeat(40)}\n`,
      'works/bad.md': new Uint8Array([0x23, 0x20, 0x41, 0x0a, 0xff, 0x0a]),
      'works/ok.md': '# Ok\n',
      'editions/e.yaml': 'id: e\ntitle: E\nlanguage: en\npreface: ../../outside.md\nworks: [ok]\n'
    },
    {maxFileSize: 100}
  )
  assert.deepEqual(messages(corpus.files), [
    'works/bad.md:2:1: `works/bad.md`: invalid UTF-8 at byte 5: save the file as UTF-8 [encoding-invalid]',
    'works/big.md:1:1: `works/big.md` is larger than the limit of 100 bytes (`maxFileSize`) [file-too-large]',
    'editions/e.yaml:4:10: Preface `../../outside.md` is outside the corpus folder (it resolves to a path outside it): only files inside the corpus are read [file-outside]'
  ])
})

test('the same rules on disk and in memory: a layout with a missing preface gives the same messages', async () => {
  const files = {'works/a.md': '# A\n\nText.\n', 'editions/e.yaml': 'id: e\ntitle: E\nlanguage: en\npreface: missing.md\nworks: [a, nobody]\n'}
  const dir = join(temp.dir, 'same')
  await writeTree(dir, files)
  const disk = await loadCorpus(dir, {cwd: dir})
  const memory = await corpusFromFiles(files, {dir, cwd: dir})
  assert.ok(messages(disk.files).length > 0)
  assert.deepEqual(messages(memory.files), messages(disk.files))
})
