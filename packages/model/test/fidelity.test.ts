import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {after, test} from 'node:test'
import {spawnSync} from 'node:child_process'
import {checkCorpus, checkFidelity, hasErrors, loadCorpus, normalizeForFidelity, stripChrome, type SourceEntry} from '@samizdat/model'

const corpusDir = fileURLToPath(new URL('../../../corpus', import.meta.url))
const scratch = await mkdtemp(join(tmpdir(), 'samizdat-fidelity-'))
after(() => rm(scratch, {recursive: true, force: true}))

const report = (files: Awaited<ReturnType<typeof loadCorpus>>['files']): string[] =>
  files.flatMap((file) => file.messages.map((m) => `${file.basename}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`))

/** A copy of the project corpus with one file edited. */
async function mutated(name: string, path: string, edit: (text: string) => string): Promise<string> {
  const dir = join(scratch, name)
  await cp(corpusDir, dir, {recursive: true})
  const file = join(dir, path)
  const before = await readFile(file, 'utf8')
  const afterEdit = edit(before)
  assert.notEqual(afterEdit, before, 'the mutation must change the file')
  await writeFile(file, afterEdit)
  return dir
}

test('normalisation: quote and dash forms, markup characters, hyphenated line breaks', () => {
  assert.deepEqual(normalizeForFidelity('“Left—Communist” _it’s_ Brest-\nLitovsk . . . end…'), ['"Left-Communist"', "it's", 'Brest-Litovsk', '...', 'end...'])
})

test('every work of the project corpus equals its source minus declared chrome', async () => {
  const corpus = await loadCorpus(corpusDir)
  await checkCorpus(corpus)
  assert.deepEqual(report(corpus.files), [])
  // Not vacuous: every source of the manifest is the source of a work, so every one was compared.
  assert.ok(corpus.sources.length > 0)
  assert.deepEqual(corpus.works.flatMap((work) => (work.meta.source ? [work.meta.source.file] : [])).sort(), corpus.sources.map((source) => source.file).sort())
})

test('a changed word in a work is reported at its place', async () => {
  const dir = await mutated('changed', 'works/solidarity-introduction.md', (text) => text.replace('as VII be made clear', 'as will be made clear'))
  const corpus = await loadCorpus(dir)
  await checkFidelity(corpus)
  const messages = report(corpus.files)
  assert.equal(messages.length, 1)
  assert.match(
    messages[0]!,
    /^solidarity-introduction\.md:\d+:\d+: Text changed: work has «will» where source `002_a6ada37ac24b90a3\.txt` word \d+ has «VII» \(source: “.* as «VII» be made clear.*”\) \[fidelity\]$/
  )
})

test('a dropped word is reported', async () => {
  const dir = await mutated('dropped', 'works/libcom-history.md', (text) => text.replace('respected veteran Bolsheviks', 'respected Bolsheviks'))
  const corpus = await loadCorpus(dir)
  await checkFidelity(corpus)
  assert.match(
    report(corpus.files).join('\n'),
    /Text dropped: «veteran» of source `003_3f338e899216165a\.txt` word \d+ is missing here \(source: “.*respected «veteran» Bolsheviks.*”\) \[fidelity\]/
  )
})

test('every unrecorded change is reported, each at its word: two in one paragraph, one in another', async () => {
  // Text nobody here wrote: the licence of the `diff` package, as a one-work corpus.
  const licence = await readFile(fileURLToPath(new URL('LICENSE', import.meta.resolve('diff/package.json'))), 'utf8')
  const paragraphs = licence.split(/\n\n/)
  const grant = paragraphs.find((paragraph) => paragraph.startsWith('Redistribution and use'))!
  const disclaimer = paragraphs.find((paragraph) => paragraph.startsWith('THIS SOFTWARE'))!.trim()
  const source = `Licence\n\n${grant}\n\n${disclaimer}\n`
  const sha256 = createHash('sha256').update(source).digest('hex')
  const body = `${grant.replace('source and binary forms', 'source and compiled forms').replace('the following conditions', 'the conditions')}\n\n${disclaimer.replace('WARRANTIES OF MERCHANTABILITY', 'WARRANTIES OF GOOD MERCHANTABILITY')}\n`
  const work = `---\ntitle: Licence\nsource: {file: licence.txt, sha256: ${sha256}}\n---\n\n${body}`
  const dir = join(scratch, 'three')
  await mkdir(join(dir, 'works'), {recursive: true})
  await mkdir(join(dir, 'sources'), {recursive: true})
  await writeFile(join(dir, 'works/licence.md'), work)
  await writeFile(join(dir, 'sources/licence.txt'), source)
  await writeFile(
    join(dir, 'sources/manifest.yaml'),
    `sources:\n  - file: licence.txt\n    sha256: ${sha256}\n    title: Licence\n    format: text\n    chrome: []\n`
  )
  const corpus = await loadCorpus(dir)
  await checkFidelity(corpus)
  /** line:column of the first occurrence of `text` in the work file. */
  const at = (text: string): string => {
    const before = work.slice(0, work.indexOf(text)).split('\n')
    return `${before.length}:${before.at(-1)!.length + 1}`
  }
  assert.deepEqual(report(corpus.files), [
    `licence.md:${at('compiled')}: Text changed: work has «compiled» where source \`licence.txt\` word 8 has «binary» (source: “use in source and «binary» forms, with or without”) [fidelity]`,
    `licence.md:${at('conditions are met')}: Text dropped: «following» of source \`licence.txt\` word 19 is missing here (source: “permitted provided that the «following» conditions are met: THIS”) [fidelity]`,
    `licence.md:${at('GOOD')}: Text added: «GOOD» is not in source \`licence.txt\` (source: “THE IMPLIED WARRANTIES OF ^ MERCHANTABILITY AND FITNESS FOR”) [fidelity]`
  ])
})

test('a chrome rule that matches nothing, and a changed source, are reported on the manifest', async () => {
  const dir = await mutated('manifest', 'sources/manifest.yaml', (text) => text.replace('\\x{00a0}$', 'X$'))
  await writeFile(join(dir, 'sources/001_0dbd461c35781ac4.txt'), 'changed')
  const corpus = await loadCorpus(dir)
  await checkFidelity(corpus)
  const messages = report(corpus.files)
  assert.ok(
    messages.some((m) => /^manifest\.yaml:\d+:\d+: Chrome rule 1 of `002_a6ada37ac24b90a3\.txt` matches nothing \[chrome-unused\]$/.test(m)),
    messages.join('\n')
  )
  assert.ok(
    messages.some((m) =>
      /^manifest\.yaml:\d+:\d+: SHA-256 of `001_0dbd461c35781ac4\.txt` is [0-9a-f]{64}, manifest says b4343548.* \[source-changed\]$/.test(m)
    ),
    messages.join('\n')
  )
  assert.equal(hasErrors(corpus.files), true)
})

const entry = (chrome: SourceEntry['chrome']): SourceEntry => ({file: 'x.txt', sha256: '', title: 'x', format: 'text', chrome})

test('a chrome pattern runs in linear time: a catastrophic pattern on a long line finishes', () => {
  // In a child process with a generous guard, so that a regression fails instead of hanging the suite.
  const script = `
    import {stripChrome} from '@samizdat/model'
    const text = 'a'.repeat(30000) + 'b\\n' + 'a'.repeat(30000) + '\\n'
    const result = stripChrome(text, {file: 'x.txt', sha256: '', title: 'x', format: 'text', chrome: [{pattern: '^(a+)+$', reason: 'redos'}]})
    console.log(JSON.stringify({length: result.text.length, problems: result.problems}))
  `
  const child = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '--eval', script], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    encoding: 'utf8',
    timeout: 60_000
  })
  assert.equal(child.error, undefined, 'the pattern must not spin')
  assert.equal(child.status, 0, child.stderr)
  assert.deepEqual(JSON.parse(child.stdout), {length: 30003, problems: []})
})

test('a chrome pattern may remove only one capture group, keeping its context', () => {
  const result = stripChrome('Title - Author\nTitle - Author, again\n', entry([{pattern: '^Title( - Author)$', group: 1, reason: 'credit'}]))
  assert.deepEqual(result, {text: 'Title\nTitle - Author, again\n', problems: []})
})

test('a pattern RE2 cannot run (lookaround) is reported on its rule, not thrown', () => {
  const result = stripChrome(
    'a b',
    entry([
      {pattern: '(?<=a) b', reason: 'lookbehind'},
      {pattern: 'a', group: 2, reason: 'no group'}
    ])
  )
  assert.deepEqual(result.problems, [
    {rule: 0, reason: 'Invalid chrome pattern in rule 1 of `x.txt`: error parsing regexp: invalid named capture: `(?<=a) b`'},
    {rule: 1, reason: 'Invalid chrome pattern in rule 2 of `x.txt`: the pattern has no capture group 2'}
  ])
})
