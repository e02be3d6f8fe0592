/**
 * Read a corpus folder: `works/*.md` (or, failing that, the folder's own
 * `*.md`), optional `editions/*.yaml`, optional `sources/manifest.yaml`.
 * Content problems never throw: they are messages on `corpus.files`.
 */
import {readFile, readdir} from 'node:fs/promises'
import {basename, join, relative, resolve} from 'node:path'
import {VFile} from 'vfile'
import {UsageError} from '../errors.js'
import {fail} from '../message.js'
import type {Corpus, EditionSpec, Work} from '../types.js'
import {loadApparatus, type ApparatusFiles} from '../apparatus/load.js'
import {loadEdition} from './edition.js'
import {loadManifest} from './manifest.js'
import {loadWork} from './work.js'

export interface LoadOptions {
  /** Directory that reported paths are relative to (default: `process.cwd()`). */
  cwd?: string
}

export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  const cwd = options.cwd ?? process.cwd()
  const root = resolve(cwd, dir)
  const top = await list(root)
  if (top === undefined) throw new UsageError(`Corpus folder not found: ${dir}`)

  const files: VFile[] = []
  const open = async (path: string): Promise<VFile> => {
    const file = new VFile({cwd, path: relative(cwd, path), value: await readFile(path, 'utf8')})
    files.push(file)
    return file
  }

  const worksDir = top.includes('works') ? join(root, 'works') : root
  const workNames = ((await list(worksDir)) ?? []).filter((name) => name.endsWith('.md')).sort()
  const works: Work[] = []
  const seen = new Map<string, Work>()
  for (const name of workNames) {
    const work = loadWork(await open(join(worksDir, name)))
    if (!work) continue
    const previous = seen.get(work.meta.id)
    if (previous) {
      fail(work.file, `Duplicate work id \`${work.meta.id}\` (also used by ${previous.file.path})`, {line: 1, column: 1}, 'id-duplicate')
      continue
    }
    seen.set(work.meta.id, work)
    works.push(work)
  }
  if (workNames.length === 0) {
    throw new UsageError(`No works in ${dir}: expected Markdown files in ${relative(cwd, worksDir) || '.'}/`)
  }

  const corpus: Corpus = {dir: root, name: basename(root), works, editions: [], sources: [], files, apparatus: {annotations: [], persons: [], timeline: [], bibliography: []}}

  if (top.includes('sources')) {
    const manifestNames = (await list(join(root, 'sources'))) ?? []
    if (manifestNames.includes('manifest.yaml')) {
      corpus.manifest = await open(join(root, 'sources', 'manifest.yaml'))
      corpus.sources = loadManifest(corpus.manifest)
    }
  }

  const ids = works.map((work) => work.meta.id)
  const apparatusFiles: ApparatusFiles = {annotations: []}
  if (top.includes('annotations')) {
    for (const name of ((await list(join(root, 'annotations'))) ?? []).filter((name) => /\.ya?ml$/.test(name)).sort()) {
      apparatusFiles.annotations.push(await open(join(root, 'annotations', name)))
    }
  }
  if (top.includes('persons.yaml')) apparatusFiles.persons = await open(join(root, 'persons.yaml'))
  if (top.includes('timeline.yaml')) apparatusFiles.timeline = await open(join(root, 'timeline.yaml'))
  if (top.includes('bibliography.yaml')) apparatusFiles.bibliography = await open(join(root, 'bibliography.yaml'))
  corpus.apparatus = loadApparatus(apparatusFiles, new Set(ids))
  const editionNames = top.includes('editions')
    ? ((await list(join(root, 'editions'))) ?? []).filter((name) => /\.ya?ml$/.test(name)).sort()
    : []
  for (const name of editionNames) {
    const edition = await loadEdition(await open(join(root, 'editions', name)), ids, files)
    if (edition) corpus.editions.push(edition)
  }
  if (editionNames.length === 0) {
    const edition = implicitEdition(corpus)
    files.push(edition.file)
    corpus.editions.push(edition)
  }
  return corpus
}

/** A folder without `editions/` is one edition, named after the folder, of every work in file-name order. */
function implicitEdition(corpus: Corpus): EditionSpec {
  const file = new VFile({cwd: process.cwd(), path: corpus.name})
  return {
    id: corpus.name,
    title: corpus.name,
    creators: [],
    language: corpus.works[0]?.meta.language ?? 'en',
    works: corpus.works.map((work) => work.meta.id),
    subjects: [],
    file
  }
}

async function list(dir: string): Promise<string[] | undefined> {
  try {
    return await readdir(dir)
  } catch {
    return undefined
  }
}
