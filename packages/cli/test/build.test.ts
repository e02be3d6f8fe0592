import assert from 'node:assert/strict'
import {mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {test} from 'node:test'
import JSZip from 'jszip'
import {build} from '../src/index.js'
import {dependencyVersions} from '../src/lib/cache/code.js'
import {png} from '../../model/test/helpers/images.js'
import {editionsCorpus, hasTool, runCli, snapshot, tempDir, writeTree} from './util.js'

test('a plain folder of Markdown builds one edition named after the folder, works in file-name order', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    // File names sort the other way round from titles, so order must come from the names.
    await writeTree(path.join(dir, 'field-notes'), {
      'b-second.md': '---\ntitle: Aardvark Essay\n---\n\nThe second file.\n',
      'a-first.md': '---\ntitle: Zebra Essay\n---\n\nThe first file.\n',
      'c-third.md': '# Mongoose Essay\n\nA file whose only title is its heading.\n'
    })
    const result = await runCli(['build', '--corpus', 'field-notes', '--out', 'site'], dir)
    // Not a terminal: a plain line per task as it ends, then the summary: each output's path, size and time.
    assert.equal(result.stderr.match(/^wrote .*$/gm)?.length, 4, result.stderr)
    assert.match(result.stderr, /^built field-notes: html \((\d+ ms|\d+\.\d s)\)$/m)
    assert.match(result.stderr, /^wrote site\/field-notes\.pdf \(\d+(\.\d+)? KB, (\d+ ms|\d+\.\d s)\)$/m)
    assert.match(result.stderr, /^wrote site\/field-notes\.epub \(\d+(\.\d+)? [KM]B, (\d+ ms|\d+\.\d s)\)$/m)
    assert.match(result.stderr, /^wrote site\/field-notes\/ \(\d+ files, \d+(\.\d+)? KB, (\d+ ms|\d+\.\d s)\)$/m)
    assert.match(result.stderr, /^wrote site\/field-notes\.apparatus\.json \(\d+(\.\d+)? K?B\)$/m)
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

    const result = await runCli(['build', '--corpus', 'broken', '--out', 'out'], dir)
    assert.equal(result.code, 1, result.stderr)
    assert.match(result.stderr, /^broken\/works\/bad-yaml\.md:2:\d+: error Invalid YAML.*\[yaml-invalid\]$/m)
    assert.match(result.stderr, /^broken\/editions\/ed\.yaml:4:5: error .*`no-such-work`.*\[work-unknown\]$/m)
    assert.match(result.stderr, /^2 errors, 0 warnings$/m)
    assert.doesNotMatch(result.stderr, /^wrote /m)
    assert.equal(result.stdout, '')
    assert.deepEqual(await snapshot(path.join(dir, 'out')), before)

    // And with no --out folder yet, none is created.
    const again = await runCli(['build', '--corpus', 'broken', '--out', 'fresh'], dir)
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
    assert.match(result.stderr, /^wrote dist\/both\/ \(\d+ files?, .*\)$/m)
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

test('--quiet silences progress; without it a line per task, then a line per entry written with its size and time', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const quiet = await runCli(['build', '--quiet'], dir)
    assert.equal(quiet.code, 0)
    assert.equal(quiet.stderr, '')
    assert.equal(quiet.stdout, '')

    const loud = await runCli(['build', '--edition', 'beta-only,both', '--format', 'html'], dir)
    const time = String.raw`(\d+ ms|\d+\.\d s)`
    const size = String.raw`\d+(\.\d+)? K?B`
    assert.deepEqual(
      loud.stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => line.replace(new RegExp(String.raw`\(\d+ files, ${size}, ${time}\)`), '(N files, SIZE, TIME)'))
        .map((line) => line.replace(new RegExp(String.raw`\(${size}\)`), '(SIZE)'))
        .map((line) => line.replace(new RegExp(String.raw`\(${time}\)`), '(TIME)')),
      [
        'built beta-only: html (TIME)',
        'built both: html (TIME)',
        'wrote dist/beta-only/ (N files, SIZE, TIME)',
        'wrote dist/beta-only.apparatus.json (SIZE)',
        'wrote dist/both/ (N files, SIZE, TIME)',
        'wrote dist/both.apparatus.json (SIZE)'
      ]
    )

    const verbose = await runCli(['build', '--edition', 'both', '--format', 'html', '--verbose'], dir)
    assert.match(verbose.stderr, /^loaded and resolved in \d+ ms\nbuilt both: html/m)
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
  if (!hasTool(t, 'pdfinfo')) return
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

test('--booklet writes <edition>.booklet.pdf beside the book, its own entry in the manifest; on Letter, Letter sheets', async (t) => {
  const {spawnSync} = await import('node:child_process')
  if (!hasTool(t, 'pdfinfo')) return
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const pages = (file: string): {pages: number; size: string} => {
      const info = spawnSync('pdfinfo', [path.join(dir, file)], {encoding: 'utf8'}).stdout
      return {pages: Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]), size: /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? ''}
    }
    let result = await runCli(['build', '--format', 'pdf', '--edition', 'both', '--booklet', '--signature', '4', '--quiet'], dir)
    assert.equal(result.code, 0, result.stderr)
    const book = pages('dist/both.pdf')
    // A sheet holds four pages (two a side), each signature of 4 pages is one sheet.
    assert.deepEqual(pages('dist/both.booklet.pdf'), {pages: Math.ceil(book.pages / 4) * 2, size: '841.89 x 595.276 pts (A4)'})
    const manifest = JSON.parse(await readFile(path.join(dir, 'dist/.samizdat-manifest.json'), 'utf8')) as {entries: Record<string, unknown>}
    assert.deepEqual(Object.keys(manifest.entries).sort(), ['both.apparatus.json', 'both.booklet.pdf', 'both.pdf'])
    result = await runCli(['build', '--format', 'pdf', '--edition', 'both', '--booklet', '--paper', 'letter', '--quiet'], dir)
    assert.equal(result.code, 0, result.stderr)
    assert.match(pages('dist/both.pdf').size, /^612 x 792 pts \(letter\)$/)
    assert.match(pages('dist/both.booklet.pdf').size, /^792 x 612 pts \(letter\)$/)
    // Half-letter pages at full size: the body's words are 11 pt type (EB Garamond's box is 1.305 em), not A5 scaled to 94 %.
    if (!hasTool(t, 'pdftotext')) return
    const heights = [
      ...spawnSync('pdftotext', ['-bbox', path.join(dir, 'dist/both.booklet.pdf'), '-'], {encoding: 'utf8'}).stdout.matchAll(
        /yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g
      )
    ]
      .map((match) => Number(match[2]) - Number(match[1]))
      .sort((a, b) => a - b)
    assert.ok(
      Math.abs((heights[Math.floor(heights.length / 2)] as number) - 11 * 1.305) < 0.05,
      `median word height ${heights[Math.floor(heights.length / 2)]}`
    )
  } finally {
    await cleanup()
  }
})

test('the cache: a cached build is byte for byte a clean one, and an edit remakes exactly the editions it changes', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const date = new Date(Date.UTC(2001, 0, 2))
    // Which edition.format pairs were made again (not from the cache).
    const remade = async (options: {formats?: string[]; date?: Date | undefined} = {}): Promise<string[]> => {
      const result = await build({corpus: 'corpus', out: 'out', cwd: dir, date, cache: true, ...options})
      return result.written.filter((written) => !written.cached && written.format !== 'apparatus').map((written) => `${written.edition}.${written.format}`)
    }
    const all = ['beta-only.html', 'beta-only.epub', 'beta-only.pdf', 'both.html', 'both.epub', 'both.pdf']
    assert.deepEqual(await remade(), all)
    assert.deepEqual(await remade(), [])
    // From the cache (on the worker thread's side too) as from a clean build without it.
    await build({corpus: 'corpus', out: 'clean', cwd: dir, date})
    assert.deepEqual(await snapshot(path.join(dir, 'out')), await snapshot(path.join(dir, 'clean')))
    // One entry per edition and format, beside the stages' folders.
    assert.deepEqual((await readdir(path.join(dir, '.samizdat-cache'))).filter((name) => name.endsWith('.bin')).length, 6)

    const html = {formats: ['html']}
    // A site built alone offers no downloads: it is not the one built with the EPUB and the PDF.
    assert.deepEqual(await remade(html), ['beta-only.html', 'both.html'])
    assert.deepEqual(await remade(html), [])
    // A paragraph of a work: the editions that hold it.
    await writeFile(path.join(dir, 'corpus/works/alpha.md'), editionsCorpus['works/alpha.md']!.replace('The first work', 'The first work, edited'))
    assert.deepEqual(await remade(html), ['both.html'])
    await writeFile(path.join(dir, 'corpus/works/beta.md'), editionsCorpus['works/beta.md']!.replace('The second work', 'The second work, edited'))
    assert.deepEqual(await remade(html), ['beta-only.html', 'both.html'])
    // An edition file: that edition alone.
    await writeFile(path.join(dir, 'corpus/editions/beta-only.yaml'), 'title: Beta, Alone\nworks:\n  - beta\n')
    assert.deepEqual(await remade(html), ['beta-only.html'])
    // An annotation on a work: the editions that hold the work.
    await writeTree(path.join(dir, 'corpus'), {
      'annotations/alpha.notes.yaml': 'annotations:\n  - id: n1\n    work: alpha\n    kind: note\n    quote: {exact: "first work"}\n    body: A note.\n'
    })
    assert.deepEqual(await remade(html), ['both.html'])
    // The writers' options: everything.
    assert.deepEqual(await remade({...html, date: new Date(Date.UTC(2002, 0, 2))}), ['beta-only.html', 'both.html'])
    assert.deepEqual(await remade({...html, date: new Date(Date.UTC(2002, 0, 2))}), [])
    // The clock's date (none asked for) is not in the key: an unchanged build is cached from one second to the next.
    if (process.env['SOURCE_DATE_EPOCH'] === undefined) {
      assert.deepEqual(await remade({...html, date: undefined}), ['beta-only.html', 'both.html'])
      assert.deepEqual(await remade({...html, date: undefined}), [])
    }

    // The CLI caches by default, beside the output folder; --no-cache neither reads nor writes it.
    await mkdir(path.join(dir, 'sub'))
    const cli = (...flags: string[]) => runCli(['build', '--corpus', '../corpus', '--out', 'site', '-f', 'html', ...flags], path.join(dir, 'sub'))
    assert.equal((await cli('--no-cache')).code, 0)
    assert.deepEqual(await readdir(path.join(dir, 'sub')), ['site'])
    assert.equal((await cli()).code, 0)
    assert.deepEqual((await readdir(path.join(dir, 'sub'))).sort(), ['.samizdat-cache', 'site'])
  } finally {
    await cleanup()
  }
})

test('the cache per stage: an edit re-parses and re-lays out its work only, each trigger remakes what depends on it, outputs stay byte for byte', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    // Generated text: three works of numbered words, a footnote, and two scripts the book's fonts lack (Noto slices).
    const words = (from: number, count: number): string => Array.from({length: count}, (_, index) => `word${from + index}`).join(' ')
    const work = (title: string, seed: number, extra: string): string =>
      `---\ntitle: ${title}\n---\n\n${words(seed, 120)}.\n\n${words(seed + 500, 90)}${extra}\n\n${words(seed + 900, 60)}.\n`
    const files: Record<string, string> = {
      'works/a.md': work('Work A', 0, ' שלום עולם.'),
      'works/b.md': work('Work B', 2000, '.[^1]\n\n[^1]: A note on word2500.'),
      'works/c.md': work('Work C', 4000, ' नमस्ते दुनिया.'),
      'editions/book.yaml': 'title: The Book\nworks:\n  - a\n  - b\n  - c\n'
    }
    await writeTree(path.join(dir, 'corpus'), files)
    const date = new Date(Date.UTC(2001, 0, 2))
    // One thread: the PDF is made where its stages are counted. Returns what was made again, by stage.
    const made = async (options: {paper?: string; formats?: string[]} = {}): Promise<{parse: number; layout: number; outputs: string[]}> => {
      const result = await build({corpus: 'corpus', out: 'out', cwd: dir, date, cache: true, threads: 1, formats: ['pdf'], ...options})
      const outputs = result.written.filter((written) => !written.cached && written.format !== 'apparatus').map((written) => written.format)
      return {parse: result.stages?.parse.made ?? -1, layout: result.stages?.layout.made ?? -1, outputs}
    }
    const all = ['html', 'epub', 'pdf']
    const pdf = ['pdf']
    // The outputs of `formats` are a clean build's, byte for byte (the names of those that differ, else none).
    const same = async (formats = pdf): Promise<void> => {
      await rm(path.join(dir, 'clean'), {recursive: true, force: true})
      await build({corpus: 'corpus', out: 'clean', cwd: dir, date, threads: 1, formats})
      const clean = (await snapshot(path.join(dir, 'clean'))) ?? {}
      const ours = (await snapshot(path.join(dir, 'out'))) ?? {}
      const names = Object.keys(clean).filter((name) => name !== '.samizdat-manifest.json')
      assert.ok(names.includes('book.pdf'))
      assert.deepEqual(
        names.filter((name) => ours[name] !== clean[name]),
        []
      )
    }
    // Layouts made: one per work laid out, the table of text widths measured (always written with a PDF), and the
    // pages drawn (written when any page or font subset was made afresh; one entry per edition and paper).
    assert.deepEqual(await made({formats: all}), {parse: 3, layout: 5, outputs: all})
    assert.deepEqual(await made({formats: all}), {parse: 0, layout: 0, outputs: []})
    // One paragraph of one work: that work is parsed and laid out again, nothing else; every output is a clean build's.
    await writeFile(path.join(dir, 'corpus/works/b.md'), files['works/b.md']!.replace('word2001 ', 'word2001 edited '))
    assert.deepEqual(await made({formats: all}), {parse: 1, layout: 3, outputs: all})
    await same(all)
    // From here on, the PDF alone (what its layouts depend on).
    // The work with a script of its own loses it: the other works' fallback fonts still come in the same order.
    await writeFile(path.join(dir, 'corpus/works/a.md'), files['works/a.md']!.replace(' שלום עולם.', '.'))
    assert.deepEqual(await made(), {parse: 1, layout: 3, outputs: pdf})
    await same()
    // An annotation on one work: that work's layout, no parse (annotations are their own files).
    await writeTree(path.join(dir, 'corpus'), {
      'annotations/c.notes.yaml': 'annotations:\n  - id: n1\n    work: c\n    kind: note\n    quote: {exact: "word4003"}\n    body: A note.\n'
    })
    assert.deepEqual(await made(), {parse: 0, layout: 3, outputs: pdf})
    // A person entry whose name is in one work only: that work.
    await writeTree(path.join(dir, 'corpus'), {'persons.yaml': 'persons:\n  - id: w\n    name: "Word Smith"\n    variants: ["word4010"]\n'})
    assert.deepEqual(await made(), {parse: 0, layout: 3, outputs: pdf})
    await same()
    // The edition file (its title heads every page): every work.
    await writeFile(path.join(dir, 'corpus/editions/book.yaml'), files['editions/book.yaml']!.replace('The Book', 'The Other Book'))
    assert.deepEqual(await made(), {parse: 0, layout: 5, outputs: pdf})
    // The PDF's options (the paper): every work again; back to A5, every work and every page from the cache.
    assert.deepEqual(await made({paper: 'A4'}), {parse: 0, layout: 5, outputs: pdf})
    assert.deepEqual(await made(), {parse: 0, layout: 1, outputs: pdf})
    await same()

    // A torn or foreign entry is a miss, never a crash or a wrong output.
    for (const stage of ['parse', 'layout']) {
      const folder = path.join(dir, '.samizdat-cache', stage)
      const names = await readdir(folder)
      assert.ok(names.length > 0)
      for (const [index, name] of names.entries()) {
        const bytes = await readFile(path.join(folder, name))
        await writeFile(path.join(folder, name), index % 2 === 0 ? bytes.subarray(0, bytes.length >> 1) : 'not an entry')
      }
    }
    await writeFile(path.join(dir, 'corpus/editions/book.yaml'), files['editions/book.yaml']!)
    assert.deepEqual(await made(), {parse: 3, layout: 5, outputs: pdf})
    await same()
  } finally {
    await cleanup()
  }
})

test("the cache of rendered works: an edit renders its work again for the site and the EPUB, each key part remakes what reads it, outputs and warnings stay a clean build's", async () => {
  const {dir, cleanup} = await tempDir()
  try {
    // Generated text: three works of numbered words, one linking to another's heading, one with raw HTML the site drops.
    const words = (from: number, count: number): string => Array.from({length: count}, (_, index) => `word${from + index}`).join(' ')
    const work = (title: string, seed: number, extra: string, length = 80): string =>
      `---\ntitle: ${title}\n---\n\n${words(seed, length)}.\n\n## Part ${seed}\n\n${words(seed + 500, 60)}${extra}\n`
    const files: Record<string, string> = {
      'works/a.md': work('Work A', 0, ' See [part two](b.md#part-2000).'),
      // Over two printed pages: pages start inside its text.
      'works/b.md': work('Work B', 2000, '.[^1]\n\n[^1]: A note on word2500.', 480),
      'works/c.md': work('Work C', 4000, '.\n\n<script>word4999</script>\n'),
      'editions/book.yaml': 'title: The Book\nworks:\n  - a\n  - b\n  - c\n'
    }
    await writeTree(path.join(dir, 'corpus'), files)
    const date = new Date(Date.UTC(2001, 0, 2))
    const formats = ['html', 'epub', 'pdf']
    // One thread: every format is made where the works' stage is counted. Each work's page and chapters count one each,
    // and the EPUB's cover image one (its PNG, kept by the SVG it is drawn from: the book's title, authors and words);
    // the EPUB's zip entries are counted apart (`chapters`: cover, title page, one per work, colophon, fonts' licence).
    const made = async (options: {locale?: string} = {}): Promise<{works: number; reused: number; chapters: number; warnings: string[]}> => {
      const result = await build({corpus: 'corpus', out: 'out', cwd: dir, date, cache: true, threads: 1, formats, ...options})
      const warnings = result.files.flatMap((file) =>
        file.messages.map((message) => `${message.file}:${message.line}:${message.column} ${message.reason} [${message.ruleId}]`)
      )
      return {works: result.stages?.works.made ?? -1, reused: result.stages?.works.reused ?? -1, chapters: result.stages?.chapters.made ?? -1, warnings}
    }
    // The outputs are a clean build's, byte for byte (the names of those that differ, else none), and so are its warnings.
    const same = async (warnings: string[], options: {locale?: string} = {}): Promise<void> => {
      await rm(path.join(dir, 'clean'), {recursive: true, force: true})
      const clean = await build({corpus: 'corpus', out: 'clean', cwd: dir, date, threads: 1, formats, ...options})
      assert.deepEqual(
        warnings,
        clean.files.flatMap((file) => file.messages.map((message) => `${message.file}:${message.line}:${message.column} ${message.reason} [${message.ruleId}]`))
      )
      const ours = (await snapshot(path.join(dir, 'out'))) ?? {}
      const theirs = (await snapshot(path.join(dir, 'clean'))) ?? {}
      const names = Object.keys(theirs).filter((name) => name !== '.samizdat-manifest.json')
      assert.ok(names.includes('book/a.html') && names.includes('book.epub'))
      assert.deepEqual(
        names.filter((name) => ours[name] !== theirs[name]),
        []
      )
    }
    const first = await made()
    assert.deepEqual([first.works, first.reused, first.chapters], [7, 0, 7])
    assert.ok(first.warnings.some((warning) => warning.endsWith('[html-dropped]')))
    // Unchanged: the outputs themselves come from the cache, no work is rendered or read.
    assert.deepEqual((await made()).works, 0)
    // One paragraph of one work: that work's page and chapter, the others read back, their warnings told again.
    await writeFile(path.join(dir, 'corpus/works/c.md'), files['works/c.md']!.replace('word4001 ', 'word4001 edited '))
    const edited = await made()
    assert.deepEqual([edited.works, edited.reused, edited.chapters], [2, 5, 1])
    await same(edited.warnings)
    await writeFile(path.join(dir, 'corpus/works/a.md'), files['works/a.md']!.replace('word1 ', 'word1 edited '))
    const again = await made()
    assert.deepEqual([again.works, again.reused], [2, 5])
    await same(again.warnings)
    // A page more of text in one work moves the print edition's page starts in the works after it: that work's
    // page and chapter are made again, the others' chapters kept (their page breaks are put in afterwards), but for
    // work C's: with raw HTML in it, its chapter is rendered with its page breaks in its text (page-list.ts).
    const breaks = async (): Promise<string[]> => {
      const zip = await JSZip.loadAsync(await readFile(path.join(dir, 'out/book.epub')))
      const chapter = await zip.file('OEBPS/b.xhtml')!.async('string')
      // The page breaks inside its paragraphs (a page opening with its heading has its break in the heading).
      return [...chapter.matchAll(/word\d+ <span id="print-page-(\d+)" epub:type="pagebreak"/g)].map((match) => match[1]!)
    }
    const placed = await breaks()
    assert.ok(placed.length > 0, 'a page starts inside the text of work B')
    await writeFile(path.join(dir, 'corpus/works/a.md'), files['works/a.md']!.replace('word1 ', `word1 edited ${words(9000, 400)} `))
    const moved = await made()
    assert.deepEqual([moved.works, moved.reused], [3, 4])
    assert.notDeepEqual(await breaks(), placed)
    await same(moved.warnings)
    // The heading another work links to is renamed: the work it is in (its text) and the work that links to it (its link).
    await writeFile(path.join(dir, 'corpus/works/b.md'), files['works/b.md']!.replace('## Part 2000', '## Part Two Thousand'))
    const renamed = await made()
    assert.deepEqual([renamed.works, renamed.chapters], [4, 2])
    // An annotation on one work: that work.
    await writeTree(path.join(dir, 'corpus'), {
      'annotations/b.notes.yaml': 'annotations:\n  - id: n1\n    work: b\n    kind: note\n    quote: {exact: "word2003"}\n    body: A note.\n'
    })
    assert.deepEqual((await made()).works, 2)
    // The edition's metadata (its title): every work.
    await writeFile(path.join(dir, 'corpus/editions/book.yaml'), files['editions/book.yaml']!.replace('The Book', 'The Other Book'))
    const retitled = await made()
    // The zip entries are kept by what they hold: the works' chapters are the same; the cover, title page and colophon name the book.
    assert.deepEqual([retitled.works, retitled.chapters], [7, 3])
    // The works the edition holds (each work's name is a link target): every work, and the new one.
    await writeTree(path.join(dir, 'corpus'), {
      'works/d.md': work('Work D', 6000, '.'),
      'editions/book.yaml': 'title: The Other Book\nworks:\n  - a\n  - b\n  - c\n  - d\n'
    })
    assert.deepEqual((await made()).works, 8)
    // The words (another language): every work, the site's and the EPUB's.
    const french = await made({locale: 'fr'})
    assert.deepEqual([french.works, french.reused], [9, 0])
    // The book's own pages speak French; the works' chapters hold no word that changed (their notes are "Notes" in both).
    assert.equal(french.chapters, 4)
    await same(french.warnings, {locale: 'fr'})
    // The images the edition holds (the works' <img> read them): every work.
    await writeTree(path.join(dir, 'corpus'), {'works/d.md': work('Work D', 6000, '.\n\n![a pixel](pic.png)'), 'works/pic.png': png})
    assert.deepEqual((await made()).works, 8)

    // A torn or foreign entry is a miss, never a crash or a wrong output.
    for (const stage of ['works', 'chapters']) {
      const folder = path.join(dir, '.samizdat-cache', stage)
      const names = await readdir(folder)
      for (const [index, name] of names.entries()) {
        const bytes = await readFile(path.join(folder, name))
        await writeFile(path.join(folder, name), index % 2 === 0 ? bytes.subarray(0, bytes.length >> 1) : 'not an entry')
      }
    }
    await writeFile(path.join(dir, 'corpus/works/a.md'), files['works/a.md']!)
    // (Read back, then found torn: counted as read, and made again.)
    const torn = await made()
    assert.deepEqual([torn.works, torn.chapters], [9, 8])
    await same(torn.warnings)
  } finally {
    await cleanup()
  }
})

test('the cache keys take in the versions of the packages Samizdat runs on, direct or not', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    const manifest = (name: string, version: string, dependencies: Record<string, string> = {}): string => JSON.stringify({name, version, dependencies})
    await writeTree(dir, {
      'app/package.json': manifest('app', '1.0.0', {shaper: '^2'}),
      'app/node_modules/shaper/package.json': manifest('shaper', '2.0.4', {tables: '^1'}),
      'app/node_modules/tables/package.json': manifest('tables', '1.1.0')
    })
    const app = path.join(dir, 'app')
    assert.deepEqual(dependencyVersions([app]), ['shaper@2.0.4', 'tables@1.1.0'])
    await writeTree(dir, {'app/node_modules/tables/package.json': manifest('tables', '1.2.0')})
    assert.deepEqual(dependencyVersions([app]), ['shaper@2.0.4', 'tables@1.2.0'])
  } finally {
    await cleanup()
  }
})

test('-o FILE writes that one file atomically: no folder, no temp left; it replaces a file but never a folder', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    await writeFile(path.join(dir, 'pack.epub'), 'an older pack\n')
    // The format comes from the name; the corpus is the argument.
    const result = await runCli(['build', 'corpus', '-e', 'both', '-o', 'pack.epub'], dir)
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stderr, /^wrote pack\.epub \(\d+(\.\d+)? KB, (\d+ ms|\d+\.\d s)\)$/m)
    assert.deepEqual((await readdir(dir)).sort(), ['corpus', 'pack.epub'])
    const bytes = await readFile(path.join(dir, 'pack.epub'))
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK')

    // A folder named pack.pdf is never written into, nor replaced.
    await mkdir(path.join(dir, 'pack.pdf'))
    const folder = await runCli(['build', 'corpus', '-e', 'both', '-o', 'pack.pdf'], dir)
    assert.equal(folder.code, 2)
    assert.equal(folder.stderr, 'samizdat: Output file "pack.pdf" is a folder; name a file to write\n')
    assert.deepEqual(await readdir(path.join(dir, 'pack.pdf')), [])

    // A broken corpus leaves the older file as it was.
    await writeFile(path.join(dir, 'corpus/editions/both.yaml'), 'title: [unclosed\n')
    const broken = await runCli(['build', 'corpus', '-e', 'beta-only', '-o', 'pack.epub'], dir)
    assert.equal(broken.code, 1)
    assert.deepEqual(await readFile(path.join(dir, 'pack.epub')), bytes)
    assert.deepEqual((await readdir(dir)).sort(), ['corpus', 'pack.epub', 'pack.pdf'])
  } finally {
    await cleanup()
  }
})

test('--json prints one JSON document on stdout: messages and outputs, or the error', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), {'a.md': '# A\n\nA [link](#nowhere).\n'})
    const result = await runCli(['build', 'notes', '-f', 'html', '--json'], dir)
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stderr, '')
    const json = JSON.parse(result.stdout) as {ok: boolean; messages: unknown[]; outputs: Array<Record<string, unknown>>}
    assert.equal(json.ok, true)
    assert.deepEqual(json.messages, [
      {
        file: 'notes/a.md',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 19,
        severity: 'warning',
        reason: 'Link to `#nowhere` in `a`, which has no such heading or anchor: its text stands unlinked',
        ruleId: 'anchor-missing'
      }
    ])
    assert.deepEqual(
      json.outputs.map(({edition, format, path, files}) => ({edition, format, path, files})),
      [
        {edition: 'notes', format: 'html', path: 'dist/notes/', files: 13},
        {edition: 'notes', format: 'apparatus', path: 'dist/notes.apparatus.json', files: 1}
      ]
    )
    assert.ok(json.outputs.every((output) => typeof output['bytes'] === 'number' && typeof output['ms'] === 'number'))

    await writeFile(path.join(dir, 'notes/b.md'), '---\ntitle: [unclosed\n---\n')
    const failed = await runCli(['build', 'notes', '-f', 'html', '--json', '-o', 'other'], dir)
    assert.equal(failed.code, 1)
    const error = JSON.parse(failed.stdout) as {ok: boolean; exitCode: number; error: string; messages: Array<{file: string; severity: string; ruleId: string}>}
    assert.equal(error.ok, false)
    assert.equal(error.exitCode, 1)
    assert.equal(error.error, 'Corpus "notes" has errors; nothing was written')
    assert.deepEqual(
      error.messages.filter((message) => message.severity === 'error').map(({file, ruleId}) => ({file, ruleId})),
      [{file: 'notes/b.md', ruleId: 'yaml-invalid'}]
    )
    // A usage error in --json mode is a document too.
    const usage = await runCli(['build', 'notes', '--json', '-o', '-', '-f', 'pdf'], dir)
    assert.equal(usage.code, 2)
    assert.deepEqual(JSON.parse(usage.stdout), {ok: false, exitCode: 2, error: '-o - and --json both write to stdout; choose one', messages: [], outputs: []})
  } finally {
    await cleanup()
  }
})

test('samizdat.config.json gives the corpus defaults (formats, paper, output, labels, metadata); options win; -M sets edition fields', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), {
      'a.md': '# A\n\nText.\n',
      'samizdat.config.json': JSON.stringify({
        formats: ['html'],
        out: '../site',
        labels: {html: {contents: 'Sommaire'}},
        metadata: {title: 'From the Config', date: '1921'}
      })
    })
    const result = await runCli(['build', 'notes', '--quiet'], dir)
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual((await readdir(path.join(dir, 'site'))).sort(), ['.samizdat-manifest.json', 'notes', 'notes.apparatus.json'])
    const index = await readFile(path.join(dir, 'site/notes/index.html'), 'utf8')
    assert.match(index, /<title>From the Config<\/title>/)
    assert.match(index, />Sommaire</)

    // -M wins over the config's metadata, --format and --out over its formats and output.
    const override = await runCli(['build', 'notes', '--quiet', '-M', 'title=From the Command Line', '-f', 'html', '-o', 'other'], dir)
    assert.equal(override.code, 0, override.stderr)
    assert.match(await readFile(path.join(dir, 'other/notes/index.html'), 'utf8'), /<title>From the Command Line<\/title>/)

    // An invalid config is a content error on it: exit 1, nothing written.
    await writeFile(path.join(dir, 'notes/samizdat.config.json'), JSON.stringify({paper: 'B5', plugins: ['evil.js']}))
    const invalid = await runCli(['build', 'notes', '-o', 'never'], dir)
    assert.equal(invalid.code, 1)
    assert.equal(
      invalid.stderr,
      [
        'notes/samizdat.config.json: error Invalid samizdat.config.json: / must NOT have additional properties (`plugins`); /paper must be equal to one of the allowed values (A5, A4, Letter) [config-invalid]',
        '1 error, 0 warnings',
        'samizdat: samizdat.config.json has errors; nothing was written',
        ''
      ].join('\n')
    )
    assert.equal(await snapshot(path.join(dir, 'never')), undefined)
  } finally {
    await cleanup()
  }
})

test('samizdat new scaffolds a corpus that builds at once with no warning, and never writes into a folder holding anything', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    const created = await runCli(['new', 'my-notes'], dir)
    assert.equal(created.code, 0, created.stderr)
    assert.match(created.stderr, /^created my-notes\/ with:$/m)
    assert.match(created.stderr, /^ {2}samizdat build my-notes$/m)
    const files = Object.keys((await snapshot(path.join(dir, 'my-notes'))) ?? {}).filter((name) => name.includes('.'))
    assert.deepEqual(files, [
      'annotations/first-work.notes.yaml',
      'bibliography.yaml',
      'editions/my-edition.preface.md',
      'editions/my-edition.yaml',
      'works/first-work.md'
    ])

    const built = await runCli(['build', 'my-notes', '--strict', '--json'], dir)
    assert.equal(built.code, 0, built.stdout)
    const json = JSON.parse(built.stdout) as {messages: unknown[]; outputs: Array<{path: string}>}
    assert.deepEqual(json.messages, [])
    assert.deepEqual(
      json.outputs.map((output) => output.path),
      ['dist/my-edition/', 'dist/my-edition.epub', 'dist/my-edition.pdf', 'dist/my-edition.apparatus.json']
    )
    // The annotation is anchored and the citation resolved against the bibliography.
    const html = await readFile(path.join(dir, 'dist/my-edition/first-work.html'), 'utf8')
    assert.match(html, /An editor’s note, written in Markdown\./)
    assert.match(html, /Writer 1950, 12\)/)

    // Not over anything: a non-empty folder, a file.
    const before = await snapshot(path.join(dir, 'my-notes'))
    const again = await runCli(['new', 'my-notes'], dir)
    assert.equal(again.code, 2)
    assert.equal(again.stderr, 'samizdat: "my-notes" is not empty (4 entries); choose a new or empty folder\n')
    assert.deepEqual(await snapshot(path.join(dir, 'my-notes')), before)
    await writeFile(path.join(dir, 'a-file'), 'mine\n')
    assert.equal((await runCli(['new', 'a-file'], dir)).stderr, 'samizdat: "a-file" exists and is not a folder; choose a new folder\n')
    // An empty folder is fine.
    await mkdir(path.join(dir, 'empty'))
    assert.equal((await runCli(['new'], path.join(dir, 'empty'))).code, 0)
  } finally {
    await cleanup()
  }
})
