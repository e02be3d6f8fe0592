import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {chmod, mkdir, symlink} from 'node:fs/promises'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {checkCorpus, hasErrors, loadCorpus} from '@samizdat/model'
import {messages, scratch, writeTree} from './helpers/corpus.js'

// Layout: <tmp>/outside/secret.md (not part of any corpus) and <tmp>/<case>/ corpora beside it.
let tmp: {dir: string; cleanup: () => Promise<void>}
const marker = 'OUTSIDE-MARKER-7f3a'
before(async () => {
  tmp = await scratch('sandbox')
  await writeTree(tmp.dir, {'outside/secret.md': `# Secret\n\n${marker}\n`, 'outside/dir/a.md': `# A\n\n${marker}\n`})
})
after(() => tmp.cleanup())

async function corpus(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
  await writeTree(join(tmp.dir, name), {'works/ok.md': '# Fine\n\nText.\n', ...files})
  return name
}
const load = (name: string, options = {}) => loadCorpus(name, {cwd: tmp.dir, ...options})
const leaks = (loaded: Awaited<ReturnType<typeof loadCorpus>>): boolean => loaded.files.some((file) => String(file.value ?? '').includes(marker))

test('a symlink in works/ that leaves the corpus is an error on the file, and is not read', async () => {
  const name = await corpus('link-out', {})
  await symlink(join(tmp.dir, 'outside/secret.md'), join(tmp.dir, name, 'works/secret.md'))
  const loaded = await load(name)
  assert.deepEqual(messages(loaded.files), [
    'link-out/works/secret.md:1:1: `link-out/works/secret.md` is outside the corpus folder (it resolves to a path outside it): only files inside the corpus are read [file-outside]'
  ])
  assert.equal(leaks(loaded), false)
  assert.deepEqual(
    loaded.works.map((work) => work.meta.id),
    ['ok']
  )
})

test('a symlink inside the corpus is followed', async () => {
  const name = await corpus('link-in', {'drafts/b.md': '# B\n\nInside.\n'})
  await symlink('../drafts/b.md', join(tmp.dir, name, 'works/b.md'))
  const loaded = await load(name)
  assert.deepEqual(messages(loaded.files), [])
  assert.deepEqual(
    loaded.works.map((work) => work.meta.id),
    ['b', 'ok']
  )
})

test('a works/ folder that is a symlink out of the corpus is an error on the folder', async () => {
  await mkdir(join(tmp.dir, 'folder-out'))
  await symlink(join(tmp.dir, 'outside/dir'), join(tmp.dir, 'folder-out/works'))
  const loaded = await load('folder-out')
  assert.deepEqual(messages(loaded.files), [
    'folder-out/works:1:1: `folder-out/works` is outside the corpus folder (it resolves to a path outside it): only files inside the corpus are read [file-outside]'
  ])
  assert.equal(hasErrors(loaded.files), true)
  assert.equal(leaks(loaded), false)
})

test('a preface path with ../ or an absolute path is an error at the YAML value', async () => {
  const name = await corpus('preface-out', {
    'editions/a.yaml': 'title: A\npreface: ../../outside/secret.md\n',
    'editions/b.yaml': 'title: B\npreface: /proc/self/environ\n',
    'editions/c.yaml': `title: C\npreface: ${join(tmp.dir, 'outside/secret.md')}\n`,
    'editions/d.yaml': 'title: D\npreface: file:///etc/passwd\n'
  })
  const loaded = await load(name)
  const lines = messages(loaded.files)
  assert.deepEqual(lines.slice(0, 3), [
    'preface-out/editions/a.yaml:2:10: Preface `../../outside/secret.md` is outside the corpus folder (it resolves to a path outside it): only files inside the corpus are read [file-outside]',
    'preface-out/editions/b.yaml:2:10: Preface `/proc/self/environ` is outside the corpus folder (it resolves to a path outside it): only files inside the corpus are read [file-outside]',
    `preface-out/editions/c.yaml:2:10: Preface \`${join(tmp.dir, 'outside/secret.md')}\` is outside the corpus folder (it resolves to a path outside it): only files inside the corpus are read [file-outside]`
  ])
  assert.match(lines[3]!, /^preface-out\/editions\/d\.yaml:2:10: Preface `file:\/\/\/etc\/passwd` not found .*\[file-missing\]$/)
  assert.equal(lines.length, 4)
  assert.equal(leaks(loaded), false)
  assert.ok(!loaded.files.some((file) => String(file.value ?? '').includes('PATH=')))
})

test('a FIFO named *.md is refused without blocking', {timeout: 20_000}, async () => {
  const name = await corpus('fifo', {})
  execFileSync('mkfifo', [join(tmp.dir, name, 'works/pipe.md')])
  const loaded = await load(name)
  assert.deepEqual(messages(loaded.files), [
    'fifo/works/pipe.md:1:1: `fifo/works/pipe.md` is not a regular file (a device, pipe or socket): it is not read [file-special]'
  ])
})

test('a folder named x.md is an error on it, not an internal error', async () => {
  const name = await corpus('folder-md', {'works/x.md/inner.txt': 'x'})
  const loaded = await load(name)
  assert.deepEqual(messages(loaded.files), ['folder-md/works/x.md:1:1: `folder-md/works/x.md` is a folder, not a file [file-special]'])
})

test('a symlink to /dev/zero is refused before any byte is read', {timeout: 20_000}, async () => {
  const name = await corpus('dev-zero', {})
  await symlink('/dev/zero', join(tmp.dir, name, 'works/zero.md'))
  const loaded = await load(name)
  assert.deepEqual(messages(loaded.files), [
    'dev-zero/works/zero.md:1:1: `dev-zero/works/zero.md` is outside the corpus folder (it resolves to a path outside it): only files inside the corpus are read [file-outside]'
  ])
})

test('an unreadable file is an error on it', async (t) => {
  if (process.getuid?.() === 0) {
    t.skip('root reads every file; run as a normal user to test permissions')
    return
  }
  const name = await corpus('unreadable', {'works/locked.md': '# Locked\n'})
  await chmod(join(tmp.dir, name, 'works/locked.md'), 0o000)
  const loaded = await load(name)
  assert.deepEqual(messages(loaded.files), ['unreadable/works/locked.md:1:1: `unreadable/works/locked.md` cannot be read: permission denied [file-unreadable]'])
})

test('a file over maxFileSize is an error, checked before reading', async () => {
  const name = await corpus('too-large', {'works/big.md': '# Big\n\n' + 'word '.repeat(400) + '\n'})
  const loaded = await load(name, {maxFileSize: 1000})
  assert.deepEqual(messages(loaded.files), [
    'too-large/works/big.md:1:1: `too-large/works/big.md` is larger than the limit of 1000 bytes (`maxFileSize`) [file-too-large]'
  ])
  assert.deepEqual(
    loaded.works.map((work) => work.meta.id),
    ['ok']
  )
  await assert.rejects(load(name, {maxFileSize: -1}), {name: 'UsageError', message: 'Expected `maxFileSize` to be a whole number of bytes, not `-1`'})
})

test('invalid UTF-8 is an error at its line and column, never silently replaced', async () => {
  const bytes = Buffer.concat([Buffer.from('# Latin-1\n\nna'), Buffer.from([0xef]), Buffer.from('ve\n')])
  const name = await corpus('latin1', {'works/latin.md': bytes})
  const loaded = await load(name)
  assert.deepEqual(messages(loaded.files), [
    'latin1/works/latin.md:3:3: `latin1/works/latin.md`: invalid UTF-8 at byte 14: save the file as UTF-8 [encoding-invalid]'
  ])
})

test('a source named in the manifest that leaves the corpus is an error at its `file`, and is not read', async () => {
  const name = await corpus('source-out', {
    'works/ok.md': '---\ntitle: Fine\nsource:\n  file: ../../outside/secret.md\n  sha256: "' + '0'.repeat(64) + '"\n---\n\nText.\n',
    'sources/manifest.yaml': `sources:\n  - file: ../../outside/secret.md\n    sha256: "${'0'.repeat(64)}"\n    title: Secret\n`
  })
  const loaded = await load(name)
  await checkCorpus(loaded)
  assert.deepEqual(messages(loaded.files), [
    'source-out/sources/manifest.yaml:2:11: Source `sources/../../outside/secret.md` is outside the corpus folder (it resolves to a path outside it): only files inside the corpus are read [file-outside]'
  ])
  assert.equal(leaks(loaded), false)
})
