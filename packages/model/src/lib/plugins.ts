/**
 * The model's steps as unified plugins, for someone else's remark pipeline:
 * each wraps the function `resolveEdition` uses (no second copy of the
 * logic), takes options, and reports on the pipeline's own `file`. What one
 * step finds that a later one needs (ids taken, headings, notes) is kept on
 * `file.data.samizdat`. The order `resolveEdition` uses:
 * anchors → typography → headings → notes → links.
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import {VFile} from 'vfile'
import './vfile-data.js'
import {anchorApparatus} from './apparatus/anchor.js'
import {loadApparatus} from './apparatus/load.js'
import {collectNotes} from './apparatus/notes.js'
import type {ResolvedAnnotation, ResolvedNote} from './apparatus/types.js'
import {resolveLabels} from './locale/resolve.js'
import type {ModelLabels} from './locale/types.js'
import {warn} from './message.js'
import {identifyHeadings} from './resolve/headings.js'
import {IdRegistry} from './resolve/ids.js'
import {inlineReferences, resolveLinks, type Landing} from './resolve/links.js'
import {typesetter} from './resolve/typeset.js'
import type {HeadingEntry, Work} from './types.js'

/** What the plugins leave on `file.data.samizdat` for the steps after them (and the caller). */
export interface SamizdatData {
  /** Ids taken in this document, shared by the steps so that none is given twice. */
  registry: IdRegistry
  /** From `remarkSamizdatHeadings`: every heading with its id. */
  headings?: HeadingEntry[]
  /** From `remarkSamizdatHeadings`: fragments as written (slugs, ids) → id. */
  fragments?: Map<string, string>
  /** From `remarkSamizdatNotes`: the notes, numbered in reading order. */
  notes?: ResolvedNote[]
  /** From `remarkSamizdatAnchors`: the annotations anchored, for the notes step. */
  apparatus?: {annotations: ResolvedAnnotation[]}
}

declare module 'vfile' {
  interface DataMap {
    samizdat: SamizdatData
  }
}

function dataOf(file: VFile): SamizdatData {
  file.data.samizdat ??= {registry: new IdRegistry()}
  return file.data.samizdat
}

export interface TypographyOptions {
  /** Apply house typography (default true), as `ResolveOptions.typography`. */
  typography?: boolean
}

/** House typography (curly quotes, dashes, ellipses, spaces) on every prose text of the tree; code is left alone. */
export const remarkSamizdatTypography: Plugin<[TypographyOptions?], Root> = function (options = {}) {
  const set = typesetter(options.typography !== false)
  return function (tree, file) {
    set.tree(tree)
    const notes = file.data.samizdat?.notes
    for (const note of notes ?? []) set.tree({type: 'root', children: note.children})
  }
}

export interface HeadingsOptions {
  /** The depth the document's top headings are moved to (default 2: under a title the page gives). */
  minimumDepth?: number
}

/** Give every heading an id (`data.id`, GitHub's slugs, unique in the document) and shift depths under the title. */
export const remarkSamizdatHeadings: Plugin<[HeadingsOptions?], Root> = function (options = {}) {
  const minimumDepth = options.minimumDepth ?? 2
  return function (tree, file) {
    const data = dataOf(file)
    const result = identifyHeadings(tree, data.registry, minimumDepth)
    data.headings = [...(data.headings ?? []), ...result.headings]
    data.fragments = new Map([...(data.fragments ?? []), ...result.fragments])
  }
}

export interface NotesOptions {
  /** Prefix of the notes' ids (default `note`): `<id>-fn-1`. */
  id?: string
  /** The words the model writes (English by default). */
  labels?: Partial<ModelLabels>
}

/**
 * GFM footnotes become numbered note marks (`noteReference`), their
 * definitions leave the tree for `file.data.samizdat.notes`; editor's notes
 * anchored by `remarkSamizdatAnchors` join the same numbering. A definition
 * no mark calls is a warning on `file`.
 */
export const remarkSamizdatNotes: Plugin<[NotesOptions?], Root> = function (options = {}) {
  const labels = {...resolveLabels().model, ...options.labels}
  return function (tree, file) {
    const data = dataOf(file)
    const annotations = new Map((data.apparatus?.annotations ?? []).map((annotation) => [annotation.anchorId, annotation]))
    data.notes = [...(data.notes ?? []), ...collectNotes(tree, annotations, data.registry, options.id ?? 'note', file, labels)]
  }
}

export interface LinksOptions {
  /** Base URL for relative links (as a work's `baseUrl`); without it a relative link other than `#fragment` is unlinked, with a warning. */
  baseUrl?: string
}

/**
 * Resolve every link: `#fragment` lands on a heading (run
 * `remarkSamizdatHeadings` first: without it, a warning says so), others are
 * made absolute; refused schemes (`javascript:`…) are unlinked and remote
 * images become links to them, with warnings on `file`.
 */
export const remarkSamizdatLinks: Plugin<[LinksOptions?], Root> = function (options = {}) {
  return function (tree, file) {
    const data = dataOf(file)
    if (!data.fragments) {
      warn(
        file,
        'remarkSamizdatLinks: no heading ids found: use remarkSamizdatHeadings before it, or links to `#fragments` cannot land',
        undefined,
        'plugin-order'
      )
    }
    const landing: Landing = {work: 'document', id: 'document', fragments: data.fragments ?? new Map()}
    const context = {byUrl: new Map(), byFile: new Map()}
    inlineReferences(tree)
    resolveLinks(tree, landing, options.baseUrl, context, file)
    for (const note of data.notes ?? []) resolveLinks({type: 'root', children: note.children}, landing, options.baseUrl, context, file)
  }
}

export interface AnchorsOptions {
  /** An annotations file (the YAML of a corpus's `annotations/*.yaml`), as text or a vfile. */
  annotations: string | VFile
  /** The work id the annotations name in their `work` field (default `document`). */
  work?: string
}

/**
 * Standoff anchoring: find each annotation's quote in the text (exactly
 * once) and mark it (notes, corrections, language spans…). Run it first,
 * on the text as written. Problems with the annotations are copied to `file`
 * (each names the annotations file and its line).
 */
export const remarkSamizdatAnchors: Plugin<[AnchorsOptions], Root> = function (options) {
  return function (tree, file) {
    const data = dataOf(file)
    const workId = options.work ?? 'document'
    const annotations =
      typeof options.annotations === 'string' ? new VFile({cwd: file.cwd, path: 'annotations.yaml', value: options.annotations}) : options.annotations
    const known = annotations.messages.length
    const loaded = loadApparatus({annotations: [annotations]}, new Set([workId]))
    const work: Work = {meta: {id: workId, title: '', creators: [], publicationHistory: [], language: 'und', anchors: {}}, tree, file}
    const result = anchorApparatus([{work, tree, startId: workId, file}], loaded, data.registry)
    data.apparatus = {annotations: [...(data.apparatus?.annotations ?? []), ...result.annotations]}
    file.messages.push(...annotations.messages.slice(known))
  }
}
