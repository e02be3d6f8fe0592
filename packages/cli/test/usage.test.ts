import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {spawnSync} from 'node:child_process'
import process from 'node:process'
import {binArgs, editionsCorpus, root, runCli, snapshot, spawnCli, tempDir, writeTree} from './util.js'

const {version} = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}

test('usage errors exit 2, name the bad value and the valid ones, and write nothing', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const cases: Array<[string[], RegExp]> = [
      [['build', '--edition', 'nope'], /^samizdat: Unknown edition "nope"; expected one of "beta-only", "both"$/m],
      [['build', '--edition', 'both,nope,nada'], /^samizdat: Unknown editions "nope", "nada"; expected one of "beta-only", "both"$/m],
      [['build', '--format', 'docx'], /^samizdat: Unknown format "docx"; expected one of "html", "epub", "pdf"$/m],
      [['build', '--paper', 'B5'], /^samizdat: Unknown paper "B5"; expected one of "A5", "A4", "Letter"$/m],
      [
        ['build', '--booklet', '--signature', '6'],
        /^error: option '--signature <pages>' argument '6' is invalid\. expected a number of pages that is a multiple of 4 \(8, 16, 32…\), not "6"$/m
      ],
      [['build', '--locale', 'not a tag!'], /^samizdat: Expected a BCP 47 language tag for the locale \(e\.g\. `fr`, `en-GB`\), not `not a tag!`$/m],
      [['build', '--corpus', 'missing'], /^samizdat: Corpus folder not found: missing$/m],
      [['build', '--bogus'], /^error: unknown option '--bogus'$/m],
      [['build', '--out'], /^error: option '-o, --out <path>' argument missing$/m],
      [['build', 'corpus', 'extra'], /^error: too many arguments for 'build'/m],
      [['build', 'extra'], /^samizdat: Corpus folder not found: extra$/m],
      [['build', 'corpus', '--corpus', 'other'], /^samizdat: Two corpora given, "corpus" and --corpus "other"; give one$/m],
      // -o FILE takes one output: one edition, one single-file format, whose extension it names.
      [
        ['build', '-o', 'pack.pdf'],
        /^samizdat: "pack\.pdf" takes one output, but 2 editions would be built \(beta-only, both\); choose one with --edition and --format, or give -o a folder$/m
      ],
      [
        ['build', '-e', 'both', '-o', 'pack.pdf', '-f', 'epub'],
        /^samizdat: -o "pack\.pdf" names one pdf file, but --format asks for epub; give -o a folder for several formats$/m
      ],
      [
        ['build', '-e', 'both', '-o', 'site.html'],
        /^samizdat: The html format is a folder \(a page per work, fonts, images\), not one file; give -o a folder, not "site\.html"$/m
      ],
      [
        ['build', '-e', 'both', '-o', '-'],
        /^samizdat: standard output takes one output, but 3 formats would be built \(html, epub, pdf\); choose one with --edition and --format, or give -o a folder$/m
      ],
      [
        ['build', '-e', 'both', '-f', 'html', '-o', '-'],
        /^samizdat: The html format is a folder \(a page per work, fonts, images\), not one file; give -o a folder for it$/m
      ],
      [
        ['build', '-e', 'both', '-f', 'pdf', '-o', 'corpus/pack.pdf'],
        /^samizdat: Output file "corpus\/pack\.pdf" is inside the corpus folder "corpus"; choose an output file outside the corpus$/m
      ],
      [
        ['build', '-e', 'both', '-f', 'pdf', '-o', 'corpus/works'],
        /^samizdat: Output folder "corpus\/works" is inside the corpus folder "corpus"; choose an output folder outside the corpus$/m
      ],
      [['build', '-e', 'both', '-o', 'missing/pack.pdf'], /^samizdat: Output file "missing\/pack\.pdf": its folder "missing" does not exist$/m],
      // -M: only edition fields, checked as the edition file checks them.
      [
        ['build', '-M', 'colour=red'],
        /^error: option '-M, --metadata <key=value>' argument 'colour=red' is invalid\. expected key=value with a key among title, /m
      ],
      [
        ['build', '-M', 'date=March 1921'],
        /^samizdat: Invalid metadata \(-M\): Malformed date `March 1921` in edition at `date`: expected an ISO 8601 date: .*; use 1921-03$/m
      ],
      [['build', '-M', 'language=not a tag'], /^samizdat: Invalid metadata \(-M\): .*`language`/m],
      [['completion', 'tcsh'], /^error: command-argument value 'tcsh' is invalid for argument 'shell'\. Allowed choices are bash, zsh, fish\.$/m],
      [['new', 'corpus'], /^samizdat: "corpus" is not empty \(2 entries\); choose a new or empty folder$/m],
      [['publish'], /^error: unknown command 'publish'$/m],
      [['check', '--edition', 'both'], /^error: unknown option '--edition'$/m],
      [[], /^Usage: samizdat \[options\] \[command\]$/m]
    ]
    for (const [args, expected] of cases) {
      const result = await runCli(args, dir)
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`)
      assert.match(result.stderr, expected, args.join(' '))
      assert.equal(result.stdout, '', args.join(' '))
    }
    assert.equal(await snapshot(path.join(dir, 'dist')), undefined)
  } finally {
    await cleanup()
  }
})

test('the spawned bin exits 2 on a usage error', () => {
  const result = spawnCli(['build', '--format', 'docx,html'])
  assert.equal(result.code, 2)
  assert.equal(result.stderr, 'samizdat: Unknown format "docx"; expected one of "html", "epub", "pdf"\n')
})

test('a SOURCE_DATE_EPOCH that is not whole seconds is a usage error', async () => {
  const result = await runCli(['build', '--out', 'never-written'], root, {SOURCE_DATE_EPOCH: '2024-01-01'})
  assert.equal(result.code, 2)
  assert.equal(result.stderr, 'samizdat: SOURCE_DATE_EPOCH must be whole seconds, not "2024-01-01"\n')
})

test('a SOURCE_DATE_EPOCH past the year 9999 is a usage error, not an invalid EPUB', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'corpus'), editionsCorpus)
    const result = await runCli(['build', '--format', 'epub'], dir, {SOURCE_DATE_EPOCH: '253402300800'})
    assert.equal(result.code, 2)
    assert.equal(result.stderr, 'samizdat: SOURCE_DATE_EPOCH must be at most 253402300799 (the end of the year 9999), not 253402300800\n')
    assert.equal(await snapshot(path.join(dir, 'dist')), undefined)
  } finally {
    await cleanup()
  }
})

// In-process: what the bin prints comes from `run()` (commander's output goes through its stdout); a spawn is seconds of CPU.
test('--help of each command exits 0 and lists its options', async () => {
  const main = await runCli(['--help'], root)
  assert.equal(main.code, 0)
  assert.match(main.stdout, /^Usage: samizdat \[options\] \[command\]$/m)
  assert.match(main.stdout, /^ {2}build \[options\] /m)
  assert.match(main.stdout, /^ {2}check \[options\] /m)
  assert.match(main.stdout, /^Exit codes: 0 ok, 1 content errors, 2 usage errors, 70 internal error, 130 stopped by Ctrl-C\.$/m)

  const build = await runCli(['build', '--help'], root)
  assert.equal(build.code, 0)
  for (const option of [
    '[corpus]',
    '--corpus <dir>',
    '--out <path>',
    '--edition <ids>',
    '--format <ids>',
    '--metadata <key=value>',
    '--quiet',
    '--verbose',
    '--json'
  ]) {
    assert.ok(build.stdout.includes(option), option)
  }
  assert.match(build.stdout, /^ {2}html {2}a static web edition/m)

  const check = await runCli(['help', 'check'], root)
  assert.equal(check.code, 0, check.stderr)
  assert.match(check.stdout, /^Usage: samizdat check \[options\] \[corpus\]$/m)
  assert.equal(check.stderr, '')
})

test('--version and -v print the package version', async () => {
  const result = spawnCli(['--version'])
  assert.equal(result.code, 0)
  assert.equal(result.stdout, `${version}\n`)
  assert.deepEqual(await runCli(['-v'], root), {code: 0, stdout: `${version}\n`, stderr: ''})
})

test('completion prints a script for bash, zsh and fish made from the commands and their options', async () => {
  const bash = await runCli(['completion', 'bash'], root)
  assert.equal(bash.code, 0)
  assert.match(bash.stdout, /^complete -o filenames -F _samizdat samizdat$/m)
  assert.match(bash.stdout, /compgen -W "build check new watch preview completion help --help --version"/)
  assert.match(bash.stdout, /^ {6}-f\|--format\) COMPREPLY=\(\$\(compgen -W "html epub pdf" -- "\$cur"\)\); return ;;$/m)
  assert.match(bash.stdout, /-o --out .*-M --metadata .*--json/)
  // bash itself parses it (and defines the function), when bash is here.
  const parsed = spawnSync('bash', ['-n'], {input: bash.stdout, encoding: 'utf8'})
  if (parsed.error === undefined) assert.equal(parsed.status, 0, parsed.stderr)

  const zsh = await runCli(['completion', 'zsh'], root)
  assert.match(zsh.stdout, /^#compdef samizdat$/m)
  assert.match(zsh.stdout, /^ {4}\{-f,--format\}'\[format\(s\) to build, repeatable or comma-separated \(default\\: all\)\]:value:\(html epub pdf\)' \\$/m)
  assert.match(zsh.stdout, /^ {4}'new:Start a corpus/m)

  const fish = await runCli(['completion', 'fish'], root)
  assert.match(
    fish.stdout,
    /^complete -c samizdat -n __fish_use_subcommand -a build -d 'Build editions of a corpus; writes nothing if the corpus has errors\.'$/m
  )
  assert.match(fish.stdout, /^complete -c samizdat -n '__fish_seen_subcommand_from build' -s p -l paper -x -a 'A5 A4 Letter' -d /m)
})

test('run as a `samizdat` script (pnpm samizdat, pnpm --dir), paths are relative to where the user typed', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), {'a.md': '# A\n\nText.\n'})
    // What pnpm sets: the script's name, and the folder it was typed in while it runs from the package's.
    const result = spawnCli(['build', 'notes', '-f', 'html', '-o', 'site', '--quiet'], root, {npm_lifecycle_event: 'samizdat', INIT_CWD: dir})
    assert.equal(result.code, 0, result.stderr)
    assert.ok((await snapshot(path.join(dir, 'site')))?.['notes/index.html'])
  } finally {
    await cleanup()
  }
})

test('`-` reads one Markdown document from stdin, messages name <stdin>; `-o -` writes the one output to stdout, bytes intact', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    const markdown = '# From a pipe\n\nSome text with [a link](#nowhere).\n'
    const child = spawnSync(process.execPath, [...binArgs, 'build', '-', '-f', 'pdf', '-o', '-'], {cwd: dir, input: markdown, maxBuffer: 64 * 1024 * 1024})
    assert.equal(child.status, 0, child.stderr.toString())
    const pdf = child.stdout
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
    assert.equal(pdf.subarray(-6).toString('latin1').trim(), '%%EOF')
    assert.equal(
      child.stderr.toString(),
      [
        'built stdin: pdf (TIME)',
        '<stdin>:3:16: warning Link to `#nowhere` in `stdin`, which has no such heading or anchor: its text stands unlinked [anchor-missing]',
        ' 3 | Some text with [a link](#nowhere).',
        '   |                ^',
        '0 errors, 1 warning',
        ''
      ]
        .join('\n')
        .replace('TIME', /\((\d+ ms|\d+\.\d s)\)/.exec(child.stderr.toString())?.[1] ?? '')
    )
    // Nothing was written to the disk.
    assert.deepEqual(await snapshot(dir), {})
    const text = spawnSync('pdftotext', ['-', '-'], {input: pdf, encoding: 'utf8'})
    if (text.error === undefined) assert.match(text.stdout, /From a pipe[\s\S]*Some text with a link\./)
    else if (process.env['CI'] === 'true') assert.fail('pdftotext is missing')
  } finally {
    await cleanup()
  }
})

test('on a terminal a live task list (listr2) is drawn on stderr; NO_COLOR turns colours off', {
  skip: spawnSync('script', ['--version']).error !== undefined && process.env['CI'] !== 'true'
}, async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), {'a.md': '# A\n\nText [x](#nowhere).\n'})
    // `script` gives the bin a pseudo-terminal, as a user's shell would.
    const command = [process.execPath, ...binArgs, 'build', 'notes', '-f', 'html,epub', '-o', 'site'].map((arg) => `'${arg}'`).join(' ')
    const terminal = (env: Record<string, string>) =>
      spawnSync('script', ['-qec', `stty cols 100; ${command}`, '/dev/null'], {
        cwd: dir,
        encoding: 'utf8',
        env: {...process.env, TERM: 'xterm', ...env},
        timeout: 120_000
      })
    const colour = terminal({})
    assert.equal(colour.status, 0, colour.stdout)
    assert.match(colour.stdout, /✔\S* notes: html \((\d+ ms|\d+\.\d s)\)/)
    assert.match(colour.stdout, /✔\S* notes: epub/)
    assert.match(colour.stdout, /\u001b\[33mwarning\u001b\[39m/)
    assert.match(colour.stdout, /^wrote site\/notes\.epub \(/m)
    const plain = terminal({NO_COLOR: '1'})
    assert.equal(plain.status, 0, plain.stdout)
    assert.match(plain.stdout, /notes: epub/)
    assert.doesNotMatch(plain.stdout, /\u001b\[3\dm/)
  } finally {
    await cleanup()
  }
})
