/**
 * `pnpm bench`: Samizdat against Pandoc (and Pandoc + WeasyPrint for the PDF) on the same Markdown, at every size.
 *
 * The corpora are generated in a temporary folder from corpus/works/afaq-oppositions.md by repetition: FAQ x1, x10
 * and x50 are 1, 10 and 50 works (Pandoc gets the same bodies as one document). Each command runs in its own
 * process under `/usr/bin/time` (wall, CPU, peak memory); the runs alternate between the tools so that a busy
 * machine slows both alike, and the table shows medians. It is written to bench/results.md with the machine's
 * description. The compiled CLI is timed, as `pnpm build` runs it (`tsc -b`, then bundled in packages/cli/dist/bundle):
 * what a user runs, without tsx. At x10 the
 * cache is timed too: fresh processes (an unchanged rebuild, an edited one) and the author's loop (`samizdat watch`,
 * scripts/bench-watch.mjs: its rebuilds after edits, in one long-lived process).
 *
 * Environment: BENCH_SIZES (default `1,10,50`), BENCH_RUNS (runs per command; default 5 at x1, 3 at x10 and x50),
 * BENCH_MEMORY_RUNS (more runs of Samizdat's all three at x50, alone, for its peak memory; default 5). A peak in the
 * table is the highest of its runs, not their median: one build's peak at x50 varies by a fifth or more with when
 * the two threads' heaps top out, and the target is that no build passes 1 GB.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const cli = path.join(root, 'packages/cli/dist/bundle/bin.js')
const faq = readFileSync(path.join(root, 'corpus/works/afaq-oppositions.md'), 'utf8')
const body = faq.replace(/^---\n[\s\S]*?\n---\n/, '')
const title = /^title: "?(.*?)"?$/m.exec(faq)?.[1] ?? 'FAQ'

const sizes = (process.env['BENCH_SIZES'] ?? '1,10,50').split(',').map(Number)
const runsFor = (size: number): number => Number(process.env['BENCH_RUNS'] ?? (size <= 1 ? 5 : 3))

interface Sample {
  wall: number
  cpu: number
  /** Peak resident memory, MB: the highest of the runs'. */
  peak: number
  /** Each run's peak, in the order run. */
  peaks?: number[]
}
interface Command {
  name: string
  tool: 'samizdat' | 'pandoc'
  argv: string[]
  cwd: string
  /** Run before each timed run (not timed): e.g. to put the cache back in a known state. */
  before?: () => void
  failed?: string
}

function has(command: string): string | undefined {
  const result = spawnSync(command, ['--version'], {encoding: 'utf8'})
  return result.status === 0 ? result.stdout.split('\n')[0]?.trim() : undefined
}

function timed(command: Command): Sample | undefined {
  command.before?.()
  const log = path.join(os.tmpdir(), `samizdat-bench-time-${process.pid}`)
  const result = spawnSync('/usr/bin/time', ['-o', log, '-f', '%e %U %S %M', ...command.argv], {
    cwd: command.cwd,
    encoding: 'utf8',
    env: {...process.env, SOURCE_DATE_EPOCH: '0'},
    maxBuffer: 1 << 30
  })
  if (result.status !== 0) {
    command.failed = `${result.stderr}`.trim().split('\n').slice(-3).join(' / ')
    return undefined
  }
  const [wall, user, system, kb] = readFileSync(log, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number, number]
  return {wall, cpu: user + system, peak: kb / 1024}
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Runs each command `runs` times, alternating; medians by name. */
function bench(commands: Command[], runs: number): Map<string, Sample> {
  const samples = new Map<string, Sample[]>(commands.map((command) => [command.name, []]))
  for (let run = 0; run < runs; run++) {
    for (const command of commands) {
      if (command.failed) continue
      const sample = timed(command)
      if (sample) samples.get(command.name)!.push(sample)
      process.stderr.write(sample ? '.' : 'x')
    }
  }
  process.stderr.write('\n')
  const medians = new Map<string, Sample>()
  for (const [name, list] of samples) {
    if (list.length === 0) continue
    const peaks = list.map((s) => s.peak)
    medians.set(name, {wall: median(list.map((s) => s.wall)), cpu: median(list.map((s) => s.cpu)), peak: Math.max(...peaks), peaks})
  }
  for (const command of commands) if (command.failed) console.error(`${command.name} failed: ${command.failed}`)
  return medians
}

/** A corpus of `size` copies of the FAQ (one work each), and the same bodies as one Markdown file for Pandoc. */
function generate(folder: string, size: number): {corpus: string; markdown: string; bytes: number} {
  const corpus = path.join(folder, `faq-x${size}`)
  mkdirSync(path.join(corpus, 'works'), {recursive: true})
  const parts: string[] = []
  for (let index = 1; index <= size; index++) {
    const work = `---\nid: faq-${index}\ntitle: "${title} (${index})"\nauthors: ["The Anarchist FAQ Editorial Collective"]\nlanguage: en\n---\n${body}`
    writeFileSync(path.join(corpus, 'works', `faq-${String(index).padStart(3, '0')}.md`), work)
    parts.push(`# ${title} (${index})\n\n${body.replace(/^(#+) /gm, '#$1 ')}`)
  }
  const markdown = path.join(folder, `faq-x${size}.md`)
  writeFileSync(markdown, `---\ntitle: "FAQ x${size}"\nlang: en\n---\n\n${parts.join('\n\n')}`)
  return {corpus, markdown, bytes: Buffer.byteLength(parts.join(''))}
}

const seconds = (sample: Sample | undefined): string => (sample ? `${sample.wall.toFixed(2)} s (${sample.cpu.toFixed(2)} s CPU)` : '—')
const mb = (sample: Sample | undefined): string => (sample ? `${Math.round(sample.peak)} MB` : '—')
function ratio(ours: Sample | undefined, theirs: Sample | undefined): string {
  if (!ours || !theirs) return '—'
  const value = ours.wall / theirs.wall
  return value >= 1 ? `${value.toFixed(2)}x slower` : `${(1 / value).toFixed(2)}x faster`
}

/**
 * One more run of `argv` with `SAMIZDAT_TRACE=1` (untimed): each thread's stages with their time since the start
 * and the memory then, the timeline that says where a gap comes from.
 */
function traced(argv: string[], before?: () => void): string[] {
  before?.()
  const result = spawnSync(argv[0] as string, argv.slice(1), {
    cwd: work,
    encoding: 'utf8',
    env: {...process.env, SOURCE_DATE_EPOCH: '0', SAMIZDAT_TRACE: '1'},
    maxBuffer: 1 << 30
  })
  return `${result.stderr}`
    .split('\n')
    .filter((line) => line.startsWith('trace '))
    .map((line) => line.slice('trace '.length))
    .sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b))
}
const timelines: Array<{key: string; title: string; lines: string[]}> = []

/** When the timeline `key` first reached a stage whose name starts with `stage` (seconds since the start). */
function at(key: string, stage: string): number | undefined {
  const line = timelines.find((timeline) => timeline.key === key)?.lines.find((text) => / {2}thread \d+ {2}(.*?)\s+heap/.exec(text)?.[1]?.startsWith(stage))
  return line === undefined ? undefined : Number.parseFloat(line)
}
/** `seconds` as a share of the cold build of all three at x10 (its median), as text. */
function percentOfCold(seconds: number | undefined): string {
  const cold = allThree.get(10)?.wall
  return seconds === undefined || cold === undefined ? '?' : `${Math.round((seconds / cold) * 100)}%`
}
/** What is left of 15% of the cold build of all three at x10 after `seconds`, as text. */
function leftOf15(seconds: number | undefined): string {
  const cold = allThree.get(10)?.wall
  return seconds === undefined || cold === undefined ? '?' : `${Math.max(0, 0.15 * cold - seconds).toFixed(2)} s`
}
/** `to - from` in seconds, as text (`?` when a stage is missing from the timeline). */
function span(key: string, from: string | number, to: string): string {
  const start = typeof from === 'number' ? from : at(key, from)
  const end = at(key, to)
  return start === undefined || end === undefined ? '?' : `${(end - start).toFixed(2)} s`
}
/** What each target not met was short of: filled in as they are judged, printed under the timelines. */
const short = new Set<'start' | 'all' | 'pdf' | 'edit' | 'memory'>()

// What runs the bench: the compiled CLI, fresh, and its bundle.
execFileSync('npx', ['tsc', '-b'], {cwd: root, stdio: 'inherit'})
execFileSync(process.execPath, [path.join(root, 'packages/cli/scripts/bundle.mjs')], {cwd: root, stdio: 'inherit'})
const pandoc = has('pandoc')
const weasyprint = has('weasyprint')
if (!pandoc) console.error('pandoc is missing (apt-get install pandoc): only Samizdat is timed')
if (pandoc && !weasyprint) console.error('weasyprint is missing (apt-get install weasyprint): no PDF to compare with')

const work = mkdtempSync(path.join(os.tmpdir(), 'samizdat-bench-'))
const lines: string[] = []
const print = (line = ''): void => {
  lines.push(line)
  console.log(line)
}
const cpus = os.cpus()
const machine = `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores (${os.availableParallelism()} available), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}, load average ${os
  .loadavg()
  .map((load) => load.toFixed(1))
  .join(' ')} at the start; ${pandoc ?? 'no Pandoc'}, ${weasyprint ?? 'no WeasyPrint'}`

print('# Benchmark: Samizdat against Pandoc and WeasyPrint')
print()
print(`Made by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.`)
print()
print('Wall time (CPU time in brackets), medians of alternating runs, each in a new process; peak resident memory, the highest of those runs.')
const [load] = os.loadavg() as [number]
if (load > os.availableParallelism()) {
  print(`**The machine was busy** (load ${load.toFixed(1)} on ${os.availableParallelism()} cores): wall times are inflated and the targets`)
  print('judged on them are not meaningful; compare the CPU times, or run again on a quiet machine.')
}
print('Ratios are wall time, Samizdat / the other. "All three" is one `samizdat build` of HTML, EPUB and PDF; it is')
print('compared with Pandoc making HTML and EPUB (the sum of the two).')
print()

// Start-up: the fixed cost before any work.
{
  const folder = path.join(work, 'one')
  mkdirSync(folder, {recursive: true})
  writeFileSync(path.join(folder, 'one.md'), '---\ntitle: One paragraph\nlanguage: en\n---\n\nA paragraph, alone.\n')
  const out = path.join(work, 'one-out')
  const commands: Command[] = [
    {name: 'help', tool: 'samizdat', argv: ['node', cli, '--help'], cwd: work},
    {name: 'html', tool: 'samizdat', argv: ['node', cli, 'build', '--corpus', folder, '--out', out, '-f', 'html', '--quiet', '--no-cache'], cwd: work}
  ]
  if (pandoc) commands.push({name: 'pandoc', tool: 'pandoc', argv: ['pandoc', '-s', path.join(folder, 'one.md'), '-o', path.join(work, 'one.html')], cwd: work})
  const result = bench(commands, Number(process.env['BENCH_RUNS'] ?? 9))
  print('## Start-up')
  print()
  print('| command | wall (CPU) | peak memory | target |')
  print('|---|---|---|---|')
  const help = result.get('help')
  const html = result.get('html')
  print(`| \`samizdat --help\` | ${seconds(help)} | ${mb(help)} | under 0.2 s: ${help && help.wall < 0.2 ? 'met' : 'not met'} |`)
  print(`| one paragraph to HTML | ${seconds(html)} | ${mb(html)} | under 0.5 s: ${html && html.wall < 0.5 ? 'met' : 'not met'} |`)
  if (!(html && html.wall < 0.5)) {
    short.add('start')
    timelines.push({key: 'one', title: 'One paragraph to HTML', lines: traced(commands[1]!.argv)})
  }
  if (pandoc)
    print(
      `| Pandoc, one paragraph to HTML | ${seconds(result.get('pandoc'))} | ${mb(result.get('pandoc'))} | Samizdat is ${ratio(html, result.get('pandoc'))} |`
    )
  print()
}

print('## Book and library sizes')
print()
print('| corpus | format | Samizdat | peak | Pandoc | peak | ratio |')
print('|---|---|---|---|---|---|---|')
const allThree = new Map<number, Sample>()
const notes: string[] = []
for (const size of sizes) {
  const {corpus, markdown, bytes} = generate(work, size)
  const out = path.join(work, `out-x${size}`)
  const build = (name: string, formats: string[]): Command => ({
    name,
    tool: 'samizdat',
    argv: ['node', cli, 'build', '--corpus', corpus, '--out', out, '--quiet', '--no-cache', ...formats.flatMap((format) => ['-f', format])],
    cwd: work
  })
  const commands: Command[] = [build('html', ['html']), build('epub', ['epub']), build('pdf', ['pdf']), build('all', [])]
  if (pandoc) {
    const them = (name: string, ...argv: string[]): Command => ({name, tool: 'pandoc', argv: ['pandoc', '-s', '--toc', markdown, ...argv], cwd: work})
    commands.push(them('pandoc html', '-o', path.join(work, `x${size}.html`)))
    commands.push(them('pandoc epub', '-o', path.join(work, `x${size}.epub`)))
    if (weasyprint) commands.push(them('pandoc pdf', '--pdf-engine=weasyprint', '-o', path.join(work, `x${size}.pdf`)))
  }
  const runs = runsFor(size)
  console.error(`FAQ x${size}: ${runs} run(s) of ${commands.length} commands`)
  const result = bench(commands, runs)
  const label = `FAQ x${size} (${(bytes / 1e6).toFixed(2)} MB, ${runs} run${runs > 1 ? 's' : ''})`
  for (const format of ['html', 'epub', 'pdf']) {
    const ours = result.get(format)
    const theirs = result.get(`pandoc ${format}`)
    print(`| ${label} | ${format.toUpperCase()} | ${seconds(ours)} | ${mb(ours)} | ${seconds(theirs)} | ${mb(theirs)} | ${ratio(ours, theirs)} |`)
  }
  const all = result.get('all')
  const html = result.get('pandoc html')
  const epub = result.get('pandoc epub')
  const both = html && epub ? {wall: html.wall + epub.wall, cpu: html.cpu + epub.cpu, peak: Math.max(html.peak, epub.peak)} : undefined
  print(`| ${label} | all three (Pandoc: HTML + EPUB) | ${seconds(all)} | ${mb(all)} | ${seconds(both)} | ${mb(both)} | ${ratio(all, both)} |`)
  if (all) allThree.set(size, all)
  if (size === 10) {
    const pdf = result.get('pdf')
    const weasy = result.get('pandoc pdf')
    notes.push(
      `- Book size (x10), all three in less wall time than Pandoc's HTML + EPUB: ${all && both ? (all.wall < both.wall ? 'met' : 'not met') : 'not measured'} (${ratio(all, both)}).`
    )
    notes.push(
      `- Book size (x10), the PDF at least 3x faster than Pandoc + WeasyPrint: ${pdf && weasy ? (weasy.wall / pdf.wall >= 3 ? 'met' : 'not met') : 'not measured'} (${ratio(pdf, weasy)}).`
    )
    if (all && both && all.wall >= both.wall) short.add('all')
    if (pdf && weasy && weasy.wall / pdf.wall < 3) short.add('pdf')
    if (pdf) timelines.push({key: 'pdf10', title: 'FAQ x10, the PDF alone, cold (`--no-cache`)', lines: traced(build('pdf', ['pdf']).argv)})
  }
  if ((size === 10 || size === 50) && all)
    timelines.push({key: `all${size}`, title: `FAQ x${size}, all three, cold (\`--no-cache\`)`, lines: traced(build('all', []).argv)})
  if (size === 10 && all) incremental(corpus, all, runs)
  if (size === 50 && all) {
    // Samizdat alone, for the spread of its peak (Pandoc and WeasyPrint take minutes at this size).
    const more = bench([build('all', [])], Number(process.env['BENCH_MEMORY_RUNS'] ?? 5)).get('all')
    const peaks = [...(all.peaks ?? []), ...(more?.peaks ?? [])]
    const highest = Math.max(...peaks)
    notes.push(
      `- Library size (x50), all three under 1 GB peak memory: ${highest < 1024 ? 'met' : 'not met'} (the highest of ${peaks.length} runs: ` +
        `${Math.round(highest)} MB; median ${Math.round(median(peaks))} MB, lowest ${Math.round(Math.min(...peaks))} MB).`
    )
    if (highest >= 1024) short.add('memory')
  }
  rmSync(out, {recursive: true, force: true})
}
/** The cache at book size: an unchanged rebuild, and one after a one-paragraph edit in one work, against the cold build. */
function incremental(corpus: string, cold: Sample, runs: number): void {
  const out = path.join(work, 'out-cached')
  const argv = ['node', cli, 'build', '--corpus', corpus, '--out', out, '--quiet']
  const work5 = path.join(corpus, 'works', 'faq-005.md')
  const original = readFileSync(work5, 'utf8')
  let edits = 0
  // The cache is filled once, untimed.
  timed({name: 'fill', tool: 'samizdat', argv, cwd: work})
  const result = bench(
    [
      {name: 'unchanged', tool: 'samizdat', argv, cwd: work},
      {
        name: 'edit',
        tool: 'samizdat',
        argv,
        cwd: work,
        // A new word in one paragraph of one work, different each run.
        before: () => writeFileSync(work5, original.replace('The real limitations', `The real (${++edits}) limitations`))
      }
    ],
    runs
  )
  const unchanged = result.get('unchanged')
  const edit = result.get('edit')
  const share = (sample: Sample | undefined): string => (sample ? `${Math.round((sample.wall / cold.wall) * 100)}% of the cold build` : '—')
  print(`| FAQ x10, cached | all three, nothing changed | ${seconds(unchanged)} | ${mb(unchanged)} | | | ${share(unchanged)} |`)
  print(`| FAQ x10, cached | all three, one paragraph edited | ${seconds(edit)} | ${mb(edit)} | | | ${share(edit)} |`)
  const loop = watched(corpus, work5, 2 * runs + 1)
  print(`| FAQ x10, watch | all three, one paragraph edited | ${seconds(loop)} | ${mb(loop)} | | | ${share(loop)} |`)
  notes.push(
    `- Incremental (x10), a rebuild after a one-paragraph edit under 15% of the cold build: ${edit && edit.wall < 0.15 * cold.wall ? 'met' : 'not met'} (${share(edit)}; unchanged: ${share(unchanged)}; in \`samizdat watch\`: ${share(loop)}).`
  )
  if (!(edit && edit.wall < 0.15 * cold.wall)) short.add('edit')
  timelines.push({
    key: 'edit',
    title: 'FAQ x10, all three, cached, one paragraph edited',
    lines: traced(argv, () => writeFileSync(work5, original.replace('The real limitations', `The real (${++edits}) limitations`)))
  })
  writeFileSync(work5, original)
}

/**
 * The author's loop: `samizdat watch` (the library's `watch`, compiled, as the CLI runs it) on the corpus, `edits`
 * one-paragraph edits of `file`, each after the last build (scripts/bench-watch.mjs). The medians of the rebuilds'
 * wall and CPU (the first build, cold or from the cache, is not counted), and the loop's peak memory.
 */
function watched(corpus: string, file: string, edits: number): Sample | undefined {
  const result = spawnSync(
    'node',
    [path.join(root, 'scripts/bench-watch.mjs'), path.join(root, 'packages/cli/dist/index.js'), corpus, path.join(work, 'out-watch'), file, String(edits)],
    {cwd: work, encoding: 'utf8', env: {...process.env, SOURCE_DATE_EPOCH: '0'}, maxBuffer: 1 << 30}
  )
  const builds = `${result.stdout}`
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as {type: string; edit: number; wall: number; cpu: number; peak?: number})
  const rebuilds = builds.filter((build) => build.edit > 0 && build.type === 'built')
  if (result.status !== 0 || rebuilds.length < edits) {
    console.error(`watch failed: ${`${result.stderr}`.trim().split('\n').slice(-3).join(' / ')}`)
    return undefined
  }
  return {wall: median(rebuilds.map((build) => build.wall)), cpu: median(rebuilds.map((build) => build.cpu)), peak: builds.at(-1)?.peak ?? 0}
}

const ten = allThree.get(10)
const fifty = allThree.get(50)
if (ten && fifty)
  notes.push(`- Growth, all three, x50 / x10: ${(fifty.wall / ten.wall).toFixed(2)} in wall time, ${(fifty.cpu / ten.cpu).toFixed(2)} in CPU (5 is linear).`)
print()
print('## Targets')
print()
for (const note of notes) print(note)
print()
if (timelines.length > 0) {
  print('## Where the time goes')
  print()
  print('One more run of each, traced (`SAMIZDAT_TRACE=1`): when each thread (0 is the main thread, 1 the worker) reached')
  print("each stage, in seconds since the process started, with its heap and the process's resident memory then.")
  for (const {title, lines: timeline} of timelines) {
    print()
    print(`### ${title}`)
    print()
    print('```')
    for (const line of timeline) print(line)
    print('```')
  }
  print()
}

if (short.size > 0) {
  print('## Causes of the gaps')
  print()
  print('Read off the timelines above (their seconds, not the medians of the table).')
  print()
  if (short.has('start'))
    print(
      `- **One paragraph.** Node's start and the modules the build needs until ${at('one', 'load')?.toFixed(2) ?? '?'} s; loading the ` +
        `one-file corpus ${span('one', 'load', 'loaded')} (the Markdown and YAML parsers made), resolving ${span('one', 'loaded', 'resolved')}, ` +
        `the site ${span('one', 'html start', 'html done')} (its modules loaded on first need), written at ${at('one', 'written')?.toFixed(2) ?? '?'} s; ` +
        'then the process ends. Pandoc is one compiled program: its start is a few hundredths of a second.'
    )
  if (short.has('all')) {
    const helped = /\((\d+) trees from the worker\)/.exec(timelines.find((timeline) => timeline.key === 'all10')?.lines.join('\n') ?? '')?.[1] ?? '?'
    print(
      `- **All three at x10.** The main thread's path is the build's: start-up and loading the corpus until ${at('all10', 'loaded')?.toFixed(2) ?? '?'} s ` +
        `(the worker, its own code loaded at ${at('all10', 'worker formats loaded')?.toFixed(2) ?? '?'} s, parsed ${helped} of the 10 works meanwhile), ` +
        `resolving ${span('all10', 'loaded', 'resolved')}, the site ${span('all10', 'html start', 'html done')}; then the EPUB rendered its works' ` +
        `chapters and had the PDF's page starts ${span('all10', 'html done', 'epub has pages')} later (its page-break markers and ` +
        `page-list follow the print edition) and took ${span('all10', 'epub has pages', 'epub done')} after them (the markers put into ` +
        `the chapters, the preface and back matter, the zip). The worker laid the PDF out in ` +
        `${span('all10', 'worker resolved', 'worker page starts')} and drew it in ${span('all10', 'worker page starts', 'worker pdf done')}. ` +
        `Pandoc makes neither a PDF nor a page-list, and its start-up is a few hundredths of a second against Node's and the modules' ${at('all10', 'load')?.toFixed(2) ?? '?'} s.`
    )
  }
  if (short.has('pdf'))
    print(
      `- **The PDF at x10.** ${at('pdf10', 'pdf start')?.toFixed(2) ?? '?'} s pass before the PDF starts (start-up, loading and resolving ` +
        `the corpus, as for every format); the PDF itself takes ${span('pdf10', 'pdf start', 'pdf done')}: laying the book out (the front ` +
        'and back matter again once the page numbers are known), shaping with fontkit, drawing every page and deflating its content.'
    )
  if (short.has('edit'))
    print(
      `- **The edited rebuild.** Loading until ${at('edit', 'loaded')?.toFixed(2) ?? '?'} s (every file read and hashed, the edited work ` +
        `parsed again), resolving the whole edition on both threads (${span('edit', 'loaded', 'resolved')} on the main one), the site ` +
        `${span('edit', 'html start', 'html done')} (unchanged works' pages kept); the worker's layout, each unchanged work's kept while its ` +
        `start page holds, gave the page starts at ${at('edit', 'worker page starts')?.toFixed(2) ?? '?'} s; then the PDF walks every page ` +
        `again (${span('edit', 'worker page starts', 'worker pdf done')}: marked content, links and structure for every page, but only the ` +
        `pages whose content changed encoded and deflated, the others kept), and the EPUB takes ${span('edit', 'epub has pages', 'epub done')} ` +
        "after the page starts (its chapters are kept without the print edition's page breaks, which are put in afterwards; a chapter " +
        'whose page starts moved is zipped again). In `samizdat watch` start-up, parsing and decoding the kept layouts are gone, and the ' +
        "main thread's site and EPUB, made of the whole edition each time (every page's frame, the search index, the zip), are the " +
        `longer path. Start-up and loading alone, until ${at('edit', 'loaded')?.toFixed(2) ?? '?'} s, are ${percentOfCold(at('edit', 'loaded'))} ` +
        `of the cold build, which leaves ${leftOf15(at('edit', 'loaded'))} of the 15% to resolve, lay out, draw and write the edition: a ` +
        'new process cannot, a process kept between builds (`samizdat watch`) can.'
    )
  if (short.has('memory'))
    print(
      `- **x50 memory.** The two threads' heaps peak together while the worker draws the PDF and the main thread makes the EPUB ` +
        '(the resident memory in the x50 timeline).'
    )
  print()
}

if (existsSync(work)) rmSync(work, {recursive: true, force: true})
mkdirSync(path.join(root, 'bench'), {recursive: true})
writeFileSync(path.join(root, 'bench/results.md'), `${lines.join('\n')}\n`)
console.error('written to bench/results.md')
