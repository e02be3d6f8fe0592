import assert from 'node:assert/strict'
import {mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {editionsCorpus, runCli, snapshot, spawnCli, tempDir, writeTree} from './util.js'

test('a plain folder of Markdown builds one edition named after the folder, works in file-name order', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    // File names sort the other way round from titles, so order must come from the names.
    await writeTree(path.join(dir, 'field-notes'), {
      'b-second.md': '---\ntitle: Aardvark Essay\n---\n\nThe second file.\n',
      'a-first.md': '---\ntitle: Zebra Essay\n---\n\nThe first file.\n',
      'c-third.md': '# Mongoose Essay\n\nA file whose only title is its heading.\n'
    })
    const result = spawnCli(['build', '--corpus', 'field-notes', '--out', 'site'], dir)
    assert.equal(result.stderr.match(/^wrote .*$/gm)?.length, 4, result.stderr)
    assert.match(result.stderr, /^wrote site\/field-notes\.pdf \(\d+ bytes\)$/m)
    assert.match(result.stderr, /^wrote site\/field-notes\.epub \(\d+ bytes\)$/m)
    assert.match(result.stderr, /^wrote site\/field-notes\/ \(\d+ files?\)$/m)
    assert.match(result.stderr, /^wrote site\/field-notes\.apparatus\.json \(\d+ bytes\)$/m)
    assert.equal(result.code, 0, result.stderr)

    assert.deepEqual((await readdir(path.join(dir, 'site'))).sort(), [
      '.samizdat-manifest.json',
      'field-notes',
      'field-notes.apparatus.json',
      'field-notes.epub',
      'field-notes.pdf'
    ])
    const apparatus = JSON.parse(await readFile(path.join(dir, 'site/field-notes.apparatus.json'), 'utf8'))
    assert.deepEqual([apparatus.edition, apparatus.annotations.type, apparatus.annotations.total], ['field-notes', 'AnnotationCollection', 0])
    const index = await readFile(path.join(dir, 'site/field-notes/index.html'), 'utf8')
    const positions = ['Zebra Essay', 'Aardvark Essay', 'Mongoose Essay'].map((title) => index.indexOf(title))
    assert.ok(
      positions.every((position) => position >= 0),
      `index.html lists every work: ${positions}`
    )
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      'in file-name order'
    )
  } finally {
    await cleanup()
  }
})

test('a work without a title is titled by its file name, with a warning naming the file (as Pandoc does)', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), {
      'a.md': '---\ntitle: Fine\n---\n\nText.\n',
      'untitled.md': 'Just a paragraph, no heading and no front matter.\n'
    })
    const result = await runCli(['build', '--corpus', 'notes', '--out', 'out', '--quiet'], dir)
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stderr, /^notes\/untitled\.md:1:1: warning No title: the work is titled `untitled` from its file name .*\[title-missing\]$/m)
    assert.match(await readFile(path.join(dir, 'out', 'notes', 'untitled.html'), 'utf8'), /<title>untitled – /)
    // With --strict the warning is an error, and nothing is written.
    const strict = await runCli(['build', '--corpus', 'notes', '--out', 'strict', '--strict'], dir)
    assert.equal(strict.code, 1)
    assert.equal(await snapshot(path.join(dir, 'strict')), undefined)
  } finally {
    await cleanup()
  }
})

test('a broken corpus exits 1 with every error at file:line:column and leaves --out untouched', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'broken'), {
      'works/good.md': '---\ntitle: Good\n---\n\nFine.\n',
      'works/bad-yaml.md': '---\ntitle: [unclosed\n---\n\nText.\n',
      'editions/ed.yaml': 'title: Ed\nworks:\n  - good\n  - no-such-work\n'
    })
    await writeTree(path.join(dir, 'out'), {'keep.txt': 'mine\n', 'ed/index.html': '<p>an older build</p>\n'})
    const before = await snapshot(path.join(dir, 'out'))

    const result = spawnCli(['build', '--corpus', 'broken', '--out', 'out'], dir)
    assert.equal(result.code, 1, result.stderr)
    assert.match(result.stderr, /^broken\/works\/bad-yaml\.md:2:\d+: error Invalid YAML.*\[yaml-invalid\]$/m)
    assert.match(result.stderr, /^broken\/editions\/ed\.yaml:4:5: error .*`no-such-work`.*\[work-unknown\]$/m)
    assert.match(result.stderr, /^2 errors, 0 warnings$/m)
    assert.doesNotMatch(result.stderr, /^wrote /m)
    assert.equal(result.stdout, '')
    assert.deepEqual(await snapshot(path.join(dir, 'out')), before)

    // And with no --out folder yet, none is created.
    const again = spawnCli(['build', '--corpus', 'broken', '--out', 'fresh'], dir)
    assert.equal(again.code, 1)
    assert.equal(await snapshot(path.join(dir, 'fresh')), undefined)
  } finally {
    await cleanup()
  }
})

test('a build replaces older builds of the editions it writes, and only those, leaving no temp folder', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    assert.equal((await runCli(['build', '--quiet'], dir)).code, 0)
    await writeFile(path.join(dir, 'dist/keep.txt'), 'not ours\n')
    const first = await snapshot(path.join(dir, 'dist'))

    const result = await runCli(['build', '--edition', 'both', '--format', 'html'], dir)
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stderr, /^wrote dist\/both\/ \(\d+ files?\)$/m)
    assert.deepEqual((await readdir(path.join(dir, 'dist'))).sort(), [
      '.samizdat-manifest.json',
      'beta-only',
      'beta-only.apparatus.json',
      'beta-only.epub',
      'beta-only.pdf',
      'both',
      'both.apparatus.json',
      'both.epub',
      'both.pdf',
      'keep.txt'
    ])
    // Same corpus, so the same bytes, but for the site's index: it offers only what its own run built (here, nothing).
    const second = await snapshot(path.join(dir, 'dist'))
    const index = (snap: Record<string, string> | undefined) => Buffer.from(snap?.['both/index.html'] ?? '', 'base64').toString('utf8')
    assert.match(index(first), /<a href="\.\.\/both\.epub" type="application\/epub\+zip" download>EPUB \(e-book\)<\/a>/)
    assert.doesNotMatch(index(second), /class="downloads"|both\.epub|both\.pdf/)
    // (and the manifest, which lists its hash).
    const others = (snap: Record<string, string> | undefined) => ({...snap, 'both/index.html': '', '.samizdat-manifest.json': ''})
    assert.deepEqual(others(second), others(first))
    // The editions not built are still listed as the build's own.
    const manifest = JSON.parse(await readFile(path.join(dir, 'dist/.samizdat-manifest.json'), 'utf8'))
    assert.deepEqual(Object.keys(manifest.entries), [
      'beta-only.apparatus.json',
      'beta-only.epub',
      'beta-only.pdf',
      'beta-only/',
      'both.apparatus.json',
      'both.epub',
      'both.pdf',
      'both/'
    ])
  } finally {
    await cleanup()
  }
})

test('the site offers for download the e-book and the PDF built in the same run, and only those, beside its folder', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const result = await runCli(['build', '--quiet', '--edition', 'both', '--format', 'html,epub'], dir)
    assert.equal(result.code, 0, result.stderr)
    const index = await readFile(path.join(dir, 'dist/both/index.html'), 'utf8')
    const links = [...index.matchAll(/<a href="([^"]+)" type="([^"]+)" download>/g)].map(([, href, type]) => [href, type])
    assert.deepEqual(links, [['../both.epub', 'application/epub+zip']])
    // The link lands on the book the run wrote.
    assert.ok((await readFile(path.resolve(dir, 'dist/both', links[0]![0]!))).byteLength > 1000)
  } finally {
    await cleanup()
  }
})

test('a file added to or changed in an entry the build wrote is an error, not a casualty', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    assert.equal((await runCli(['build', '--quiet', '--format', 'html'], dir)).code, 0)
    await writeFile(path.join(dir, 'dist/both/notes.txt'), "the user's own\n")
    await writeFile(path.join(dir, 'dist/both.apparatus.json'), '{}\n')
    const before = await snapshot(path.join(dir, 'dist'))

    const result = await runCli(['build', '--quiet', '--format', 'html'], dir)
    assert.equal(result.code, 1, result.stderr)
    assert.equal(
      result.stderr,
      [
        'dist/both/notes.txt: error "dist/both/notes.txt" was not written by samizdat; move it away, or choose another output folder [output-foreign]',
        'dist/both.apparatus.json: error "dist/both.apparatus.json" was changed since samizdat wrote it; move it away, or choose another output folder [output-foreign]',
        '2 errors, 0 warnings',
        'samizdat: The output folder holds files samizdat did not write; nothing was written',
        ''
      ].join('\n')
    )
    assert.deepEqual(await snapshot(path.join(dir, 'dist')), before)

    // Once the user's file is moved away (and the changed one deleted), the build replaces its own entries.
    await rm(path.join(dir, 'dist/both/notes.txt'))
    await rm(path.join(dir, 'dist/both.apparatus.json'))
    assert.equal((await runCli(['build', '--quiet', '--format', 'html'], dir)).code, 0)
    assert.ok((await readdir(path.join(dir, 'dist'))).includes('both.apparatus.json'))
  } finally {
    await cleanup()
  }
})

test('--quiet silences progress; without it there is one line per entry written', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const quiet = await runCli(['build', '--quiet'], dir)
    assert.equal(quiet.code, 0)
    assert.equal(quiet.stderr, '')
    assert.equal(quiet.stdout, '')

    const loud = await runCli(['build', '--edition', 'beta-only,both', '--format', 'html'], dir)
    assert.deepEqual(
      loud.stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => line.replace(/\(\d+ (files|bytes)\)/, '(N $1)')),
      [
        'wrote dist/beta-only/ (N files)',
        'wrote dist/beta-only.apparatus.json (N bytes)',
        'wrote dist/both/ (N files)',
        'wrote dist/both.apparatus.json (N bytes)'
      ]
    )
  } finally {
    await cleanup()
  }
})

test('two builds with the same SOURCE_DATE_EPOCH are byte-identical, also in another time zone', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    assert.equal(spawnCli(['build', '--out', 'one'], dir, {SOURCE_DATE_EPOCH: '1700000000', TZ: 'UTC'}).code, 0)
    assert.equal(spawnCli(['build', '--out', 'two'], dir, {SOURCE_DATE_EPOCH: '1700000000', TZ: 'Pacific/Auckland'}).code, 0)
    const one = await snapshot(path.join(dir, 'one'))
    const two = await snapshot(path.join(dir, 'two'))
    assert.ok(one && Object.keys(one).includes('both/index.html'), 'something was built')
    assert.deepEqual(two, one)
  } finally {
    await cleanup()
  }
})

test('an --out that is a file is a usage error', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    await mkdir(path.join(dir, 'x'))
    await writeFile(path.join(dir, 'x/out'), 'a file, not a folder\n')
    const result = await runCli(['build', '--out', 'x/out'], dir)
    assert.equal(result.code, 2)
    assert.equal(result.stderr, 'samizdat: Output folder "x/out" is not a folder\n')
    assert.equal(await readFile(path.join(dir, 'x/out'), 'utf8'), 'a file, not a folder\n')
  } finally {
    await cleanup()
  }
})

test('--paper sets the PDF page size, in any case', async (t) => {
  const {spawnSync} = await import('node:child_process')
  if (spawnSync('pdfinfo', ['-v']).error) {
    if (process.env['CI'] === 'true') assert.fail('pdfinfo (poppler-utils) is required in CI')
    t.skip('pdfinfo not installed (Debian package poppler-utils)')
    return
  }
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const result = await runCli(['build', '--format', 'pdf', '--paper', 'a4', '--edition', 'both', '--quiet'], dir)
    assert.equal(result.code, 0, result.stderr)
    const info = spawnSync('pdfinfo', [path.join(dir, 'dist/both.pdf')], {encoding: 'utf8'}).stdout
    assert.match(info, /^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$/m)
  } finally {
    await cleanup()
  }
})
