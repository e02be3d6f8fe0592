/**
 * Read a corpus folder: `works/*.md` (or, failing that, the folder's own
 * `*.md`; `*.markdown` too, and in subfolders, each a part of the book),
 * optional `editions/*.yaml`, optional `sources/manifest.yaml`.
 * Content problems never throw: they are messages on `corpus.files`.
 * Every read goes through a `Reader` (`read.ts`): the disk's sandbox, or
 * memory (`corpusFromFiles`), with one loading code for both.
 */
import {basename, isAbsolute, join, relative, resolve} from 'node:path'
import {VFile} from 'vfile'
import {UsageError} from '../errors.js'
import {fail} from '../message.js'
import type {Corpus, Work} from '../types.js'
import {loadApparatus, type ApparatusFiles} from '../apparatus/load.js'
import {loadEdition} from './edition.js'
import {implicitEdition} from './implicit.js'
import {loadManifest} from './manifest.js'
import {MemoryReader, type CorpusFiles} from './memory.js'
import {CorpusReader, defaultMaxFileSize, setReader, type Reader} from './read.js'
import {isReservedId, reservedIds} from './reserved.js'
import {loadWork} from './work.js'
import type {ParseCache} from './markdown.js'
import {highlightTrees} from '../code/highlight.js'
import {loadImages} from '../images/load.js'

/** The bibliography's file names, in the order they are looked for. */
const bibliographyNames = ['bibliography.yaml', 'bibliography.json', 'bibliography.bib']

export interface LoadOptions {
  /** Directory that reported paths are relative to (default: `process.cwd()`). */
  cwd?: string
  /**
   * Largest file the model reads, in bytes (default 50 MB). A larger file
   * is a content error, checked before reading it.
   */
  maxFileSize?: number
  /** Where to keep the works' parsed trees between runs (the CLI's `.samizdat-cache/`): an edit re-parses its work only. */
  parseCache?: ParseCache
}

export interface MemoryLoadOptions {
  /** The absolute folder the files stand in, which names the implicit edition (default `/corpus`). */
  dir?: string
  /** Absolute directory that reported paths are relative to (default: `dir`, so paths read `works/a.md`). */
  cwd?: string
  /** Largest file, in bytes (default 50 MB), as for `loadCorpus`. */
  maxFileSize?: number
  /** Trees parsed already, as for `loadCorpus` (the CLI's worker thread takes the main thread's). */
  parseCache?: ParseCache
}

export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  const cwd = options.cwd ?? process.cwd()
  const maxFileSize = checkedMaxFileSize(options.maxFileSize)
  const root = resolve(cwd, dir)
  const reader = await CorpusReader.of(root, maxFileSize)
  if (!reader) throw new UsageError(`Corpus folder not found: ${dir}`)
  return loadWith(reader, dir, basename(root), cwd, options.parseCache)
}

/**
 * A corpus from files held in memory (`{'works/a.md': '…'}`), loaded by the
 * same code as a folder and never touching the disk. File names are relative
 * to the corpus folder; an absolute name or one with `..` is a `UsageError`.
 */
export async function corpusFromFiles(files: CorpusFiles, options: MemoryLoadOptions = {}): Promise<Corpus> {
  if (files === null || typeof files !== 'object') throw new UsageError('Expected the corpus files as an object of path → text')
  for (const [key, value] of [
    ['dir', options.dir],
    ['cwd', options.cwd]
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || !isAbsolute(value)))
      throw new UsageError(`Expected \`${key}\` to be an absolute path, not \`${String(value)}\``)
  }
  const root = resolve(options.dir ?? '/corpus')
  const reader = new MemoryReader(root, files, checkedMaxFileSize(options.maxFileSize))
  return loadWith(reader, root, basename(root), options.cwd ?? root, options.parseCache)
}

/** Markdown file names, as written in the corpus's folders. */
const markdown = /\.(?:md|markdown)$/i
/** Folders of a plain corpus folder that are its layout, not parts of the book. */
const layout = new Set(['editions', 'sources', 'annotations', 'works', 'node_modules'])
/** How deep parts may nest (a link to a folder above would otherwise never end). */
const maxDepth = 8
// Natural order: `2-two.md` before `10-ten.md`, as people number their files; the same in every locale. The
// collator is made on the first comparison: making one loads ICU's collation data (10-20 ms), which a folder of
// one file never needs.
let collator: Intl.Collator | undefined

function naturalOrder(a: string, b: string): number {
  collator ??= new Intl.Collator('en', {numeric: true})
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}

function stemOf(path: string): string {
  return basename(path).replace(markdown, '')
}

/**
 * The Markdown files of a works folder and its subfolders (each a part of the book), as paths relative to it,
 * files and folders in natural order. Hidden names are skipped, and in a plain corpus folder its layout folders.
 */
async function markdownFiles(reader: Reader, dir: string, names: readonly string[], top: boolean, prefix = '', depth = 0): Promise<string[]> {
  const found: string[] = []
  for (const name of [...names].sort(naturalOrder)) {
    if (name.startsWith('.')) continue
    const path = join(dir, name)
    // A folder named `x.md` is read as a file, and so reported where it is.
    if (markdown.test(name)) {
      found.push(prefix + name)
      continue
    }
    if ((top && layout.has(name)) || depth >= maxDepth || !(await reader.isFolder(path))) continue
    const children = await reader.list(path)
    if (children) found.push(...(await markdownFiles(reader, path, children, false, `${prefix}${name}/`, depth + 1)))
  }
  return found
}

function checkedMaxFileSize(value: unknown): number {
  const maxFileSize = value ?? defaultMaxFileSize
  if (typeof maxFileSize !== 'number' || !Number.isSafeInteger(maxFileSize) || maxFileSize < 0) {
    throw new UsageError(`Expected \`maxFileSize\` to be a whole number of bytes, not \`${String(value)}\``)
  }
  return maxFileSize
}

/** Load a corpus through `reader`; `dir` is how usage errors name it, `name` the corpus's name. */
async function loadWith(reader: Reader, dir: string, name: string, cwd: string, parseCache?: ParseCache): Promise<Corpus> {
  const top = await reader.list(reader.root)
  if (top === undefined) throw new UsageError(`Corpus folder not found: ${dir}`)

  const files: VFile[] = []
  const at = (path: string): string => relative(cwd, path)
  /** A problem with a file or folder as a whole is an error on it, at 1:1. */
  const refuse = (path: string, reason: string, ruleId: string, place = {line: 1, column: 1}): void => {
    const file = new VFile({cwd, path: at(path)})
    fail(file, reason, place, ruleId)
    files.push(file)
  }
  const open = async (path: string): Promise<VFile | undefined> => {
    const result = await reader.read(path, at(path))
    if (result.problem) {
      refuse(path, result.problem.reason, result.problem.ruleId, result.problem.place)
      return undefined
    }
    const file = new VFile({cwd, path: at(path), value: result.value})
    files.push(file)
    return file
  }
  /** A folder of the corpus layout: its names, or a message when it leaves the sandbox. */
  const folder = async (path: string): Promise<string[]> => {
    const resolved = await reader.resolve(path, at(path))
    if (resolved.problem) {
      refuse(path, resolved.problem.reason, resolved.problem.ruleId)
      return []
    }
    return (await reader.list(resolved.real)) ?? []
  }

  const worksDir = top.includes('works') ? join(reader.root, 'works') : reader.root
  const workPaths = await markdownFiles(reader, worksDir, await folder(worksDir), worksDir === reader.root)
  const works: Work[] = []
  const seen = new Map<string, Work>()
  for (const workPath of workPaths) {
    const file = await open(join(worksDir, workPath))
    const folders = workPath.split('/').slice(0, -1)
    // A work in a subfolder is named by its path (`part-one/intro.md` is `part-one-intro`): unique and stable.
    const work = file && loadWork(file, folders.length > 0 ? {id: [...folders, stemOf(workPath)].join('-'), part: folders.join('/')} : {}, parseCache)
    if (!work) continue
    const idPlace = work.file.data.locate?.(['id']) ?? {line: 1, column: 1}
    if (isReservedId(work.meta.id)) {
      fail(
        work.file,
        `Work id \`${work.meta.id}\` is reserved for a page the outputs make: give the work another \`id\` (reserved: ${[...reservedIds].join(', ')})`,
        idPlace,
        'id-reserved'
      )
      continue
    }
    const previous = seen.get(work.meta.id)
    if (previous) {
      fail(work.file, `Duplicate work id \`${work.meta.id}\` (first used by ${previous.file.path})`, idPlace, 'id-duplicate')
      continue
    }
    seen.set(work.meta.id, work)
    works.push(work)
  }
  if (workPaths.length === 0 && files.length === 0) {
    throw new UsageError(`No works in ${dir}: expected Markdown files in ${relative(cwd, worksDir) || '.'}/`)
  }

  const corpus: Corpus = {
    dir: reader.root,
    name,
    works,
    editions: [],
    sources: [],
    files,
    apparatus: {annotations: [], persons: [], timeline: [], bibliography: []}
  }
  setReader(corpus, reader)

  if (top.includes('sources')) {
    const sourceNames = await folder(join(reader.root, 'sources'))
    if (sourceNames.includes('manifest.yaml')) {
      const manifest = await open(join(reader.root, 'sources', 'manifest.yaml'))
      if (manifest) {
        corpus.manifest = manifest
        corpus.sources = loadManifest(manifest)
      }
    }
  }

  const ids = works.map((work) => work.meta.id)
  const apparatusFiles: ApparatusFiles = {annotations: []}
  if (top.includes('annotations')) {
    for (const name of (await folder(join(reader.root, 'annotations'))).filter((name) => /\.ya?ml$/.test(name))) {
      const file = await open(join(reader.root, 'annotations', name))
      if (file) apparatusFiles.annotations.push(file)
    }
  }
  for (const part of ['persons', 'timeline', 'bibliography'] as const) {
    // A bibliography may also be CSL-JSON or BibTeX; the first of these found is read.
    const name = part === 'bibliography' ? bibliographyNames.find((candidate) => top.includes(candidate)) : `${part}.yaml`
    const file = name && top.includes(name) ? await open(join(reader.root, name)) : undefined
    if (file) apparatusFiles[part] = file
  }
  corpus.apparatus = loadApparatus(apparatusFiles, new Set(ids))

  const editionNames = top.includes('editions') ? (await folder(join(reader.root, 'editions'))).filter((name) => /\.ya?ml$/.test(name)) : []
  const editionFiles = new Map<string, VFile>()
  for (const name of editionNames) {
    const file = await open(join(reader.root, 'editions', name))
    if (!file) continue
    const edition = await loadEdition(file, ids, files, reader)
    if (!edition) continue
    // Edition ids name output files: ids differing only in case collide on a case-insensitive disk.
    const first = editionFiles.get(edition.id.toLowerCase())
    if (first) {
      fail(
        file,
        `Duplicate edition id \`${edition.id}\` (first used by ${first.path}; ids differing only in case count as the same)`,
        file.data.locate?.(['id']) ?? {line: 1, column: 1},
        'id-duplicate'
      )
      continue
    }
    editionFiles.set(edition.id.toLowerCase(), file)
    corpus.editions.push(edition)
  }
  if (editionNames.length === 0) {
    const edition = implicitEdition(corpus, cwd)
    files.push(edition.file)
    if (edition.id !== '') corpus.editions.push(edition)
  }
  // Images are read once, here (reading is asynchronous; resolution is not).
  await loadImages(
    corpus,
    [
      ...works.map((work) => ({tree: work.tree, file: work.file, baseUrl: work.meta.baseUrl})),
      ...corpus.editions.flatMap((edition) => (edition.preface ? [edition.preface] : []))
    ],
    reader
  )
  // Code is highlighted once, here (the highlighter loads asynchronously); every adapter reads the runs.
  await highlightTrees([...works.map((work) => work.tree), ...corpus.editions.flatMap((edition) => (edition.preface ? [edition.preface.tree] : []))])
  return corpus
}
