/**
 * Shared test tools: the two editions (the reader edition of the real
 * corpus and the fixture with notes, lists, tables), their builds shared by
 * the run's test files, `test-output/` for a test's own files, and wrappers
 * around the Poppler and qpdf tools.
 * When a tool is missing, the test fails in CI and is skipped elsewhere.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {TestContext} from 'node:test'
import assert from 'node:assert/strict'
import {corpusFromFiles, hasErrors, loadCorpus, resolveEdition, type ResolvedEdition} from '@samizdat/model'
import {toPdf, type PdfOptions} from '@samizdat/pdf'
import {cacheDir, sharedBuild} from '../../../scripts/test-cache.js'

const here = fileURLToPath(new URL('.', import.meta.url))
export const root = join(here, '..', '..', '..')
export const outputDir = join(here, '..', 'test-output')
export const fixtureCorpus = join(here, 'fixtures', 'apparatus')

/** The build date every test uses, as the CLI would pass it from SOURCE_DATE_EPOCH. */
export const date = new Date('2024-05-01T00:00:00Z')

const editions = new Map<string, Promise<ResolvedEdition>>()

async function load(dir: string, id: string): Promise<ResolvedEdition> {
  const corpus = await loadCorpus(dir)
  const edition = resolveEdition(corpus, id)
  assert.equal(hasErrors(corpus.files), false, `the corpus at ${dir} has errors`)
  return edition
}

export function readerEdition(): Promise<ResolvedEdition> {
  if (!editions.has('reader')) editions.set('reader', load(join(root, 'corpus'), 'workers-opposition'))
  return editions.get('reader') as Promise<ResolvedEdition>
}

export function fixtureEdition(): Promise<ResolvedEdition> {
  if (!editions.has('fixture')) editions.set('fixture', load(fixtureCorpus, 'fixture'))
  return editions.get('fixture') as Promise<ResolvedEdition>
}

/**
 * Build `edition` once per test run and name, shared by every test file through
 * the cache of `scripts/test-cache.ts` (keyed by the sources, corpora and
 * options); the path of the PDF.
 */
export function build(name: string, edition: () => Promise<ResolvedEdition>, options: PdfOptions = {}): Promise<string> {
  const all = {date, ...options}
  // This file makes the generated editions: a change to it is a change of their sources.
  return sharedBuild(`pdf-${name}`, 'pdf', all, [fixtureCorpus, fileURLToPath(import.meta.url)], async () => (await toPdf(await edition(), all))[0]!.data)
}

/**
 * English prose nobody here wrote: the prose paragraphs of the READMEs of the packages this one depends
 * on (so they are installed: about 30,000 characters), one work each in a plain-folder corpus, for measuring typography on text it
 * was not tuned for. Code, lists, tables and HTML are left out: their spaces are not word spaces to judge.
 */
export function readmeEdition(): Promise<ResolvedEdition> {
  if (!editions.has('readmes')) {
    const files: Record<string, string> = {}
    const modules = join(here, '..', 'node_modules')
    for (const name of readdirSync(modules).sort()) {
      const readme = existsSync(join(modules, name)) ? readdirSync(join(modules, name)).find((file) => /^readme\.md$/i.test(file)) : undefined
      if (!readme) continue
      const text = readFileSync(join(modules, name, readme), 'utf8')
      const prose = text
        .replace(/^(```|~~~)[^]*?^\1/gm, '')
        .split(/\n\s*\n/)
        .filter((block) => block.length > 80 && !/[`<|]|!\[|\]\[|^\s*(?:[#>*+-]|\d+\.|\s{4}|\t)/m.test(block))
      files[`${name}.md`] = `# ${name}\n\n${prose.join('\n\n')}\n`
    }
    editions.set(
      'readmes',
      corpusFromFiles(files).then((corpus) => resolveEdition(corpus, 'corpus'))
    )
  }
  return editions.get('readmes') as Promise<ResolvedEdition>
}

export const readerPdf = (): Promise<string> => build('workers-opposition', readerEdition)
export const fixturePdf = (): Promise<string> => build('fixture', fixtureEdition)

/** Whether `name` can run: in CI a missing tool fails the test, elsewhere it skips it. */
export function hasTool(t: TestContext, name: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${name}`]).status === 0
  if (found) return true
  if (process.env['CI'] === 'true') assert.fail(`${name} is required in CI but was not found`)
  t.skip(`${name} not installed`)
  return false
}

export function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})
}

const printed = new Map<string, string>()

/**
 * What a tool that only reads the PDF prints (pdftotext, qpdf --json). A PDF of the shared cache (`build`,
 * `sharedBuild`) is named by a hash of all it is made from and never rewritten: it is read once per process, for
 * every test file the process runs (the reader edition's words were read some ten times a run). Callers get the
 * text and parse it afresh.
 */
function readOnce(command: 'pdftotext' | 'qpdf', options: readonly string[], pdf: string): string {
  const args = command === 'pdftotext' ? [...options, pdf, '-'] : [...options, pdf]
  if (!pdf.startsWith(cacheDir)) return run(command, args)
  const key = [command, ...args].join('\0')
  let text = printed.get(key)
  if (text === undefined) {
    text = run(command, args)
    printed.set(key, text)
  }
  return text
}

/** Text of each page (pdftotext, reading order), pages in order. */
export function pageTexts(pdf: string, layout = false): string[] {
  const text = readOnce('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8'], pdf)
  const pages = text.split('\f')
  if (pages.at(-1)?.trim() === '') pages.pop()
  return pages
}

export interface Word {
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

export interface PageWords {
  width: number
  height: number
  lines: Word[][]
}

/** Words with their boxes, grouped by line, from `pdftotext -bbox-layout`. */
export function pageWords(pdf: string): PageWords[] {
  const html = readOnce('pdftotext', ['-bbox-layout', '-enc', 'UTF-8'], pdf)
  const pages: PageWords[] = []
  for (const page of html.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page)
    const lines: Word[][] = []
    for (const line of page.split('<line ').slice(1)) {
      const words: Word[] = []
      for (const match of line.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
        words.push({xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]), text: unescape(match[5] as string)})
      }
      if (words.length > 0) lines.push(words)
    }
    pages.push({width: Number(size?.[1]), height: Number(size?.[2]), lines})
  }
  return pages
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The objects of a PDF as qpdf's JSON shows them. */
export function pdfObjects(pdf: string): Record<string, unknown> {
  const json = JSON.parse(readOnce('qpdf', ['--json'], pdf)) as {qpdf: [unknown, Record<string, {value?: unknown}>]}
  const objects: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(json.qpdf[1])) objects[key.replace(/^obj:/, '')] = value.value
  return objects
}

/** Printed page numbers (folios): the last line of each page when it is a number; undefined on pages without one. */
export function folios(pages: readonly string[]): Array<string | undefined> {
  return pages.map((page) => {
    const last = page.trim().split('\n').at(-1)?.trim() ?? ''
    return /^(?:\d+|[ivxlcdm]+)$/.test(last) ? last : undefined
  })
}

/** Whitespace collapsed, for comparing text across line breaks. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * The entries of the contents and the page numbers they give, read from the
 * contents pages' layout text: `{text before the number} ⟦number⟧ …`.
 */
export function contentsText(pdf: string): string {
  const pages = pageTexts(pdf, true)
  const start = pages.findIndex((page) => /^\s*Contents\s*$/m.test(page))
  const parts: string[] = []
  for (let index = start; index >= 0 && index < pages.length; index++) {
    const page = pages[index] as string
    if (index > start && !/^\s*Contents\s*$/m.test(page.trim().split('\n')[0] ?? '')) break
    const lines = page.replace(/\s+$/, '').split('\n').slice(0, -1)
    for (const line of lines) {
      const match = /^(.*?)\s{2,}(\d+|[ivxlcdm]+)\s*$/.exec(line)
      parts.push(match ? `${match[1]} ⟦${match[2]}⟧` : line)
    }
  }
  return squash(parts.join(' '))
}

/** Named destinations and link targets, by page index, from qpdf's JSON. */
export function destinationsAndLinks(pdf: string): {dests: Map<string, number>; links: Array<Set<string>>} {
  const objects = pdfObjects(pdf)
  const get = (ref: unknown): Record<string, unknown> => (typeof ref === 'string' && ref.endsWith(' R') ? objects[ref] : ref) as Record<string, unknown>
  const catalog = Object.values(objects).find((value) => (value as Record<string, unknown> | null)?.['/Type'] === '/Catalog') as Record<string, unknown>
  const kids = get(get(catalog['/Pages'])['/Kids']) as unknown as string[]
  const pageIndex = new Map(kids.map((ref, index) => [ref, index]))
  const dests = new Map<string, number>()
  const walk = (node: Record<string, unknown>): void => {
    const names = node['/Names'] as unknown[] | undefined
    for (let index = 0; names && index < names.length; index += 2) {
      const name = String(names[index]).replace(/^u:/, '')
      const dest = get(names[index + 1]) as unknown as unknown[]
      dests.set(name, pageIndex.get(dest[0] as string) ?? -1)
    }
    for (const kid of (node['/Kids'] as unknown[] | undefined) ?? []) walk(get(kid))
  }
  walk(get(get(get(catalog['/Names'])['/Dests'])))
  const links = kids.map((ref) => {
    const targets = new Set<string>()
    for (const annot of (get(ref)['/Annots'] as unknown[] | undefined) ?? []) {
      const action = get(get(annot)['/A'])
      if (action?.['/S'] === '/GoTo') targets.add(String(action['/D']).replace(/^u:/, ''))
      if (action?.['/S'] === '/URI') targets.add(String(action['/URI']).replace(/^u:/, ''))
    }
    return targets
  })
  return {dests, links}
}
