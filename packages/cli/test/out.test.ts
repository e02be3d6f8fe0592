/** The output folder is the build's own: apart from the corpus, only its own entries replaced, names that cannot collide, one build at a time. */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdir, readFile, readdir, symlink, writeFile} from 'node:fs/promises'
import {hostname} from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {test} from 'node:test'
import {checkNames} from '../src/lib/out/names.js'
import {writeEntries} from '../src/lib/write.js'
import {editionsCorpus, pool, runCli, snapshot, spawnCliAsync, tempDir, text, writeTree} from './util.js'

const notes = {'a.md': '# A note\n\nText.\n'}

test('an --out that is the corpus, holds it or lies inside it is refused (exit 2) and the corpus is untouched', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), notes)
    await symlink('notes', path.join(dir, 'link'))
    const before = await snapshot(dir)
    const cases: Array<[string[], string]> = [
      [['--corpus', 'notes', '--out', '.'], 'Output folder "." contains the corpus folder "notes"'],
      [['--corpus', 'notes', '--out', 'notes'], 'Output folder "notes" is the corpus folder "notes"'],
      [['--corpus', 'notes', '--out', 'notes/site/deeper'], 'Output folder "notes/site/deeper" is inside the corpus folder "notes"'],
      [['--corpus', 'notes', '--out', 'link'], 'Output folder "link" is the corpus folder "notes"'],
      [['--corpus', 'link/', '--out', 'notes/../notes/x'], 'Output folder "notes/../notes/x" is inside the corpus folder "link/"'],
      [['--corpus', 'notes', '--out', '..'], 'Output folder ".." contains the corpus folder "notes"']
    ]
    for (const [args, message] of cases) {
      const result = await runCli(['build', ...args], dir)
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`)
      assert.equal(result.stderr, `samizdat: ${message}; choose an output folder outside the corpus\n`)
    }
    assert.deepEqual(await snapshot(dir), before)
  } finally {
    await cleanup()
  }
})

test('a file or folder the build did not write, at a path it would write, is an error naming it; nothing is written', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), notes)
    // A plain folder named like the edition, and a file named like its PDF.
    await writeTree(path.join(dir, 'site'), {'notes/mine.md': 'my own notes\n', 'notes.pdf': 'not a PDF\n', 'other.txt': 'left alone\n'})
    const before = await snapshot(dir)
    // --quiet: only the problems (without it, each format's progress line comes first: they are found when writing).
    const result = await runCli(['build', '--corpus', 'notes', '--out', 'site', '--quiet'], dir)
    assert.equal(result.code, 1, result.stderr)
    assert.equal(
      result.stderr,
      [
        'site/notes: error "site/notes/" exists and was not written by samizdat; move it away, or choose another output folder [output-foreign]',
        'site/notes.pdf: error "site/notes.pdf" exists and was not written by samizdat; move it away, or choose another output folder [output-foreign]',
        '2 errors, 0 warnings',
        'samizdat: The output folder holds files samizdat did not write; nothing was written',
        ''
      ].join('\n')
    )
    assert.deepEqual(await snapshot(dir), before)
  } finally {
    await cleanup()
  }
})

test('the manifest lists every entry and file written, with its size and SHA-256, and nothing else', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    assert.equal((await runCli(['build', '--quiet', '--format', 'html,epub', '--edition', 'both'], dir)).code, 0)
    const manifest = JSON.parse(await readFile(path.join(dir, 'dist/.samizdat-manifest.json'), 'utf8'))
    assert.equal(manifest.samizdat, 1)
    assert.deepEqual(Object.keys(manifest.entries), ['both.apparatus.json', 'both.epub', 'both/'])
    const listed = Object.values(manifest.entries).flat() as Array<{path: string; size: number; sha256: string}>
    const files = (await readdir(path.join(dir, 'dist'), {recursive: true, withFileTypes: true})).filter(
      (entry) => entry.isFile() && !entry.name.startsWith('.samizdat-')
    )
    assert.equal(listed.length, files.length)
    for (const file of listed) {
      const bytes = await readFile(path.join(dir, 'dist', file.path))
      assert.deepEqual(file, {path: file.path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex')})
    }
  } finally {
    await cleanup()
  }
})

test('editions whose outputs would share a path (same id, a vs a.epub, A vs a) are errors before anything is written', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    const work = {'works/w.md': '---\ntitle: W\n---\n\nText.\n'}
    const edition = 'title: E\nworks: [w]\n'
    await writeTree(path.join(dir, 'same'), {...work, 'editions/a.yaml': edition, 'editions/a.yml': edition})
    await writeTree(path.join(dir, 'suffix'), {...work, 'editions/a.yaml': edition, 'editions/a.epub.yaml': edition})
    await writeTree(path.join(dir, 'case'), {...work, 'editions/Ed.yaml': edition, 'editions/ed.yaml': edition})
    // Two edition files with one id (also differing in case only) the model refuses first; an id that is
    // another edition's output name with a suffix only the CLI can see. Either way: exit 1, nothing written.
    const expected: Record<string, {rule: string; lines: string[]}> = {
      same: {
        rule: 'id-duplicate',
        lines: [
          'same/editions/a.yml:1:1: error Duplicate edition id `a` (first used by same/editions/a.yaml; ids differing only in case count as the same) [id-duplicate]'
        ]
      },
      suffix: {
        rule: 'output-collision',
        lines: [
          'suffix/editions/a.epub.yaml: error Output entry "a.epub/" (html of edition "a.epub") is the same path as "a.epub", written by the epub of edition "a"; rename one of the editions [output-collision]',
          'suffix/editions/a.yaml: error Output entry "a.epub" (epub of edition "a") is the same path as "a.epub/", written by the html of edition "a.epub"; rename one of the editions [output-collision]'
        ]
      },
      case: {
        rule: 'id-duplicate',
        lines: [
          'case/editions/ed.yaml:1:1: error Duplicate edition id `ed` (first used by case/editions/Ed.yaml; ids differing only in case count as the same) [id-duplicate]'
        ]
      }
    }
    for (const [corpus, {rule, lines}] of Object.entries(expected)) {
      const result = await runCli(['build', '--corpus', corpus, '--out', `out-${corpus}`], dir)
      assert.equal(result.code, 1, result.stderr)
      const errors = result.stderr.split('\n').filter((line) => line.includes(`[${rule}]`))
      for (const line of lines) assert.ok(errors.includes(line), `${corpus}: missing\n${line}\nin\n${result.stderr}`)
      assert.doesNotMatch(result.stderr, /internal error/)
      assert.equal(await snapshot(path.join(dir, `out-${corpus}`)), undefined, corpus)
    }
  } finally {
    await cleanup()
  }
})

test('an edition id that cannot name a file is a clear error, never an internal one', async () => {
  const planned = (edition: string) => ({edition, format: 'html', entry: `${edition}/`})
  const reasons = (ids: string[]) => checkNames(ids.map(planned)).map((problem) => problem.reason)
  assert.deepEqual(reasons(['.notes', 'a\\b', 'bell\u0007', 'con', 'ok', 'dots.', 'x'.repeat(201)]), [
    'Edition id ".notes" cannot name an output entry (".notes/"): it starts with a dot (hidden, and reserved for samizdat\'s own files)',
    'Edition id "a\\b" cannot name an output entry ("a\\b/"): it holds a slash or a backslash',
    'Edition id "bell\u0007" cannot name an output entry ("bell\u0007/"): it holds a control character or one of : * ? " < > |',
    'Edition id "con" cannot name an output entry ("con/"): it is a device name on Windows',
    'Edition id "dots." cannot name an output entry ("dots./"): it ends with a dot or a space',
    `Edition id "${'x'.repeat(201)}" cannot name an output entry ("${'x'.repeat(201)}/"): it is longer than 200 bytes`
  ])

  // A plain folder whose name starts with a dot: either the model gives it a plain id, or a clear error says why not.
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, '.notes'), notes)
    const result = await runCli(['build', '--corpus', '.notes', '--out', 'site', '--format', 'html'], dir)
    assert.doesNotMatch(result.stderr, /internal error|not a plain name/)
    if (result.code === 1)
      assert.match(
        result.stderr,
        /^(.*\/)?\.notes: error Edition id "\.notes" cannot name an output entry \("\.notes\/"\): it starts with a dot .*\[output-name\]$/m
      )
    else {
      assert.equal(result.code, 0, result.stderr)
      assert.ok((await readdir(path.join(dir, 'site'))).every((name) => !name.startsWith('.') || name === '.samizdat-manifest.json'))
    }
  } finally {
    await cleanup()
  }
})

test('two builds into one --out at once never fail or mix; a stale lock is broken, a live one waited for', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const args = ['build', '--format', 'html', '--quiet']
    assert.equal((await runCli([...args, '--out', 'ref'], dir)).code, 0)
    const reference = await snapshot(path.join(dir, 'ref'))
    for (let round = 0; round < 3; round++) {
      const results = await pool(
        2,
        [0, 1].map(() => () => spawnCliAsync(args, dir))
      )
      for (const result of results) assert.equal(result.code, 0, result.stderr)
      assert.deepEqual(await snapshot(path.join(dir, 'dist')), reference, `round ${round}`)
    }

    // The lock of a build that was killed: its process is gone.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout
    await writeFile(path.join(dir, 'dist/.samizdat-lock'), `${dead} ${hostname()}\n`)
    assert.equal((await runCli(args, dir)).code, 0)
    assert.deepEqual(await snapshot(path.join(dir, 'dist')), reference)

    // A live one (this process): wait, then a message naming the lock.
    await mkdir(path.join(dir, 'live'))
    await writeFile(path.join(dir, 'live/.samizdat-lock'), `${process.pid} ${hostname()}\n`)
    await assert.rejects(
      writeEntries(path.join(dir, 'live'), [{entry: 'x.json', files: [{path: 'x.json', data: text('{}')}]}], {shown: 'live', lockTimeout: 300}),
      {
        name: 'FaultError',
        message: `Another samizdat build (process ${process.pid} on ${hostname()}) is writing into "live"; waited 0.3 s. If no build is running, remove "live/.samizdat-lock"`
      }
    )
    assert.deepEqual(await readdir(path.join(dir, 'live')), ['.samizdat-lock'])
  } finally {
    await cleanup()
  }
})
