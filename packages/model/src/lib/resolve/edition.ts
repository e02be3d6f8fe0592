/**
 * `resolveEdition`: from a loaded corpus to the edition every adapter consumes.
 * Works are cloned (the corpus stays as read), typeset, given edition-wide
 * ids, their links resolved, and gathered into a table of contents.
 */
import type {PhrasingContent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {walk, walkType} from '../walk.js'
import {textOf} from '../text.js'
import '../vfile-data.js'
import {UsageError} from '../errors.js'
import {normalizeForFidelity} from '../fidelity.js'
import {localeLabels, resolveLabels} from '../locale/resolve.js'
import type {LabelOverrides, ModelLabels} from '../locale/types.js'
import {fail} from '../message.js'
import type {Corpus, Creator, EditionMeta, EditionSpec, ResolvedEdition, ResolvedSection, ResolvedWork, Work, WorkMeta} from '../types.js'
import {dropEmptyHeadings, identifyHeadings, type HeadingResult} from './headings.js'
import {IdRegistry} from './ids.js'
import {inlineReferences, resolveLinks, slashed, type Landing, type LinkContext} from './links.js'
import {checkRawHtml} from './raw-html.js'
import {ResolutionFiles} from './messages.js'
import {buildToc} from './toc.js'
import {noteDroppedCaptions} from './captions.js'
import {sourceNote} from './source-note.js'
import {dropRepeatedTitle} from './title.js'
import {typesetter, type Typesetter} from './typeset.js'
import {alternateBrackets} from '../typography.js'
import {anchorApparatus} from '../apparatus/anchor.js'
import {bibliographyId, buildBackMatter, quotedSection, type SectionOf, type WorkInfo} from '../apparatus/back-matter.js'
import {collectNotes} from '../apparatus/notes.js'
import {noteSources} from '../apparatus/note-sources.js'
import type {Annotated, Apparatus, ResolvedAnnotation, UnlinkedLink} from '../apparatus/types.js'
import {applyCitations} from '../citations/apply.js'
import {defaultStyle, namedStyle, type CslStyle} from '../citations/style.js'
import {attachImages, Assets} from '../images/attach.js'
import {imagesOf} from '../images/load.js'

export interface ResolveOptions {
  /** Apply house typography (default true). */
  typography?: boolean
  /**
   * The language of every word the edition shows (a BCP 47 tag; default: the
   * edition's `language`). French for any `fr` tag, English for anything else.
   */
  locale?: string
  /** Words to lay over the language's own, by group (`model`, `html`, `epub`, `pdf`, `roles`). */
  labels?: LabelOverrides
  /**
   * The corpus's work trees are the resolver's to change, not cloned (default false: the corpus stays as read).
   * Only for a caller that reads those trees no more, nor resolves another edition holding one of its works.
   */
  takeTrees?: boolean
}

/**
 * Resolve edition `id` of `corpus`. Throws `UsageError` for an unknown id; content problems come back
 * as `edition.messages` (fatal ones are errors). The corpus is left as it was: its
 * trees are cloned (unless `takeTrees`), and no message is written into its files.
 */
export function resolveEdition(corpus: Corpus, id: string, options: ResolveOptions = {}): ResolvedEdition {
  const spec = corpus.editions.find((edition) => edition.id === id)
  if (!spec) {
    throw new UsageError(`Unknown edition \`${id}\`: expected one of ${corpus.editions.map((edition) => `\`${edition.id}\``).join(', ')}`)
  }
  const byId = new Map(corpus.works.map((work) => [work.meta.id, work]))
  const works = spec.works.map((workId) => byId.get(workId)).filter((work): work is Work => work !== undefined)
  const registry = new IdRegistry()
  const set = typesetter(options.typography !== false, spec.dashes ? {dashes: spec.dashes} : {})
  // The edition's language picks the words quietly; an explicit `locale` must be a real tag.
  const all =
    options.locale === undefined ? resolveLabels(localeLabels(spec.language, false).language, options.labels) : resolveLabels(options.locale, options.labels)
  const labels = all.model
  const files = new ResolutionFiles()
  const prepared = works.map((work) => {
    // Cloning is a good part of resolving: skipped when the caller is done with the corpus's trees.
    const tree = options.takeTrees === true ? work.tree : structuredClone(work.tree)
    const startId = registry.take(work.meta.id)
    const info: WorkInfo = {
      id: work.meta.id,
      title: set.text(work.meta.editorialTitle ?? work.meta.title),
      shortTitle: set.text(work.meta.shortTitle ?? work.meta.editorialTitle ?? work.meta.title),
      startId
    }
    return {work, tree, file: files.for(work.file), titleSlug: dropRepeatedTitle(tree, work.meta.title), startId, info}
  })
  const titles = prepared.map(({info}) => info)
  // What the apparatus and `[[id]]` in a work's metadata call each work: its short title.
  const shortTitles = new Map(titles.map((info) => [info.id, info.shortTitle]))

  // The apparatus anchors on the text as written, so it comes before typography.
  const data = corpus.apparatus
  for (const item of data.bibliography) registry.take(bibliographyId(item.id))
  const anchored = anchorApparatus(prepared, data, registry, files.for)
  // The style is read only when something is formatted with it: an edition without citations reads no style file.
  let chosen: CslStyle | undefined
  const style = (): CslStyle => (chosen ??= spec.citations?.style ?? (namedStyle(defaultStyle) as CslStyle))
  const citations = applyCitations(prepared, data.bibliography, registry, {
    brackets: spec.citations?.brackets ?? false,
    // Pandoc's `@key` needs something to resolve against: on with a bibliography, unless the edition says.
    pandoc: spec.citations?.pandoc ?? data.bibliographyFile !== undefined,
    style,
    language: spec.language,
    ...(data.bibliographyFile ? {bibliographyFile: files.for(data.bibliographyFile)} : {})
  })
  const apparatus: Apparatus = {...anchored, citations, bibliography: data.bibliography, unlinked: []}
  const annotationsById = new Map(apparatus.annotations.map((annotation) => [annotation.anchorId, annotation]))
  const items = new Map(apparatus.bibliography.map((item) => [item.id, item]))
  const sourcesOf = (annotation: ResolvedAnnotation) => noteSources(annotation.sources, items, labels, all.colon, all.semicolon, all.language)

  const quotedHeading = spec.quotedHeading ?? labels.quotedHeading
  const passages = markedPassages(prepared.map(({tree}) => tree))
  // Each corrected reading is marked once, in its place (the quoted copies carry no marks); adapters draw the mark.
  const mark = spec.correctionMarks ?? 'dot'
  if (mark !== 'none') for (const {tree} of prepared) walkType(tree, 'correction', (node) => void (node.mark = mark))
  const steps = prepared.map(({work, tree, file, titleSlug, startId, info}) => {
    tree.children.push(...quotedSection(info, apparatus.annotations, passages, titles, quotedHeading, labels))
    checkRawHtml(tree, file)
    noteDroppedCaptions(tree, labels)
    set.tree(tree)
    inlineReferences(tree)
    dropEmptyHeadings(tree, file)
    const headings = identifyHeadings(tree, registry)
    // Links to the dropped title heading land on the work's start.
    if (titleSlug !== undefined && !headings.fragments.has(titleSlug)) headings.fragments.set(titleSlug, startId)
    const landing: Landing = {work: work.meta.id, id: startId, fragments: headings.fragments}
    const legacyAnchors = addLegacyAnchors(work, file, headings, landing)
    const notes = collectNotes(tree, annotationsById, registry, work.meta.id, file, labels, (id) => shortTitles.get(id) ?? id, sourcesOf)
    for (const note of notes) set.tree({type: 'root', children: note.children})
    return {work, tree, file, startId, headings, landing, notes, legacyAnchors}
  })

  const context: LinkContext = {byUrl: new Map(), byFile: new Map(), byPath: new Map()}
  for (const {work, landing} of steps) {
    if (work.meta.url) context.byUrl.set(withoutHash(work.meta.url), landing)
    const name = work.file.basename
    if (name) context.byFile.set(name, landing)
    if (work.file.path) context.byPath?.set(slashed(work.file.path), landing)
  }

  const assets = new Assets(imagesOf(corpus))
  const editionSources = editionMeta(corpus, spec, works, set, labels).sources
  const resolved: ResolvedWork[] = steps.map(({work, tree, file, startId, headings, landing, notes, legacyAnchors}) => {
    const base = work.meta.baseUrl ?? work.meta.url
    resolveLinks(tree, landing, base, context, file, apparatus.unlinked)
    for (const note of notes) resolveLinks({type: 'root', children: note.children}, landing, base, context, file, apparatus.unlinked)
    attachImages(tree, assets)
    for (const note of notes) attachImages({type: 'root', children: note.children} as Root, assets)
    const meta = typesetWorkMeta(work.meta, set)
    const note = sourceNote({
      meta,
      file: work.file,
      report: file,
      titles: shortTitles,
      labels: all,
      ...withSource(editionSources.find((source) => source.work === work.meta.id))
    })
    set.tree(note)
    return {meta, id: startId, tree, headings: headings.headings, notes, legacyAnchors, sourceNote: note, file: work.file}
  })

  const preface = spec.preface && resolvePreface(spec.preface, files.for(spec.preface.file), registry, context, set, labels, assets, apparatus.unlinked)
  // The list follows the edition's `bibliographyStyle` (the reader edition: Chicago notes-and-bibliography, its
  // FAQ's citations staying APA), else the style of its citations.
  const listStyle = apparatus.bibliography.length > 0 ? (spec.citations?.bibliographyStyle ?? style()).template : undefined
  const backMatter = buildBackMatter(apparatus, titles, registry, spec.language, all, listStyle, sectionsOf(resolved))
  for (const section of backMatter) {
    set.tree(section.tree)
    identifyHeadings(section.tree, registry)
  }
  const edition: ResolvedEdition = {
    meta: typesetMeta(editionMeta(corpus, spec, works, set, labels), set),
    works: resolved,
    toc: buildToc(resolved),
    backMatter,
    apparatus,
    messages: files.messages(),
    labels: all,
    assets: assets.list
  }
  if (preface) edition.preface = preface
  return edition
}

/** The section each marked span lies in (the last heading before it), for the index's section links. */
function sectionsOf(works: readonly ResolvedWork[]): SectionOf {
  const sections = new Map<string, {id: string; text: string}>()
  for (const work of works) {
    let current: {id: string; text: string} | undefined
    walk(work.tree, (node) => {
      if (node.type === 'heading' && typeof node.data?.id === 'string') current = {id: node.data.id, text: textOf(node)}
      else if (node.type === 'annotated' && current) sections.set(node.id, current)
    })
  }
  return sections
}

/** The text each crossref marks, as the edition reads it (inside the link the crossref made). */
function markedPassages(trees: readonly Root[]): Map<string, PhrasingContent[]> {
  const passages = new Map<string, PhrasingContent[]>()
  for (const tree of trees) {
    walkType(tree, 'annotated', (node: Annotated) => {
      if (node.kind !== 'crossref') return
      const inner = node.children[0]
      passages.set(node.id, inner?.type === 'link' ? inner.children : node.children)
    })
  }
  return passages
}

/** Legacy fragment ids (`app4`) name a heading by its text (or id); returns legacy -> id. */
function addLegacyAnchors(work: Work, file: VFile, headings: HeadingResult, landing: Landing): Record<string, string> {
  const resolved: Record<string, string> = {}
  // Most works have none: their headings are not normalised for nothing.
  if (Object.keys(work.meta.anchors).length === 0) return resolved
  const byText = new Map(headings.headings.map((heading) => [comparable(heading.text), heading.id]))
  // The work's title names its start (its heading, when the body repeated it, is dropped).
  if (!byText.has(comparable(work.meta.title))) byText.set(comparable(work.meta.title), landing.id)
  for (const [legacy, target] of Object.entries(work.meta.anchors)) {
    const id = headings.fragments.get(target) ?? byText.get(comparable(target))
    if (id === undefined) {
      const place = work.file.data.locate?.(['anchors', legacy])
      fail(file, `Anchor \`${legacy}\` names \`${target}\`, which is no heading of this work`, place, 'anchor-target-missing')
      continue
    }
    landing.fragments.set(legacy, id)
    resolved[legacy] = id
  }
  return resolved
}

/** The preface reads like a work: typography, ids, links, and its footnotes made notes with the works' numbering. */
function resolvePreface(
  preface: NonNullable<EditionSpec['preface']>,
  file: VFile,
  registry: IdRegistry,
  context: LinkContext,
  set: Typesetter,
  labels: ModelLabels,
  assets: Assets,
  unlinked: UnlinkedLink[]
): ResolvedSection {
  const tree: Root = structuredClone(preface.tree)
  checkRawHtml(tree, file)
  set.tree(tree)
  inlineReferences(tree)
  dropEmptyHeadings(tree, file)
  const headings = identifyHeadings(tree, registry)
  const landing: Landing = {work: 'preface', id: 'preface', fragments: headings.fragments}
  // No annotation anchors in the preface: its notes are its GFM footnotes.
  const notes = collectNotes(tree, new Map(), registry, 'preface', file, labels)
  for (const note of notes) set.tree({type: 'root', children: note.children})
  resolveLinks(tree, landing, undefined, context, file, unlinked)
  for (const note of notes) resolveLinks({type: 'root', children: note.children}, landing, undefined, context, file, unlinked)
  attachImages(tree, assets)
  for (const note of notes) attachImages({type: 'root', children: note.children} as Root, assets)
  return {id: 'preface', kind: 'preface', title: set.text(preface.title || labels.preface), tree, notes, file: preface.file}
}

function editionMeta(corpus: Corpus, spec: EditionSpec, works: Work[], set: Typesetter, labels: ModelLabels): EditionMeta {
  const creators: Creator[] = [...spec.creators]
  const seen = new Set(creators.map((creator) => `${creator.role} ${creator.name}`))
  for (const work of works) {
    for (const creator of work.meta.creators) {
      const key = `${creator.role} ${creator.name}`
      if (creator.role !== 'aut' || seen.has(key)) continue
      seen.add(key)
      creators.push(creator)
    }
  }
  const sources: EditionMeta['sources'] = []
  for (const work of works) {
    const ref = work.meta.source
    if (!ref) continue
    const entry = corpus.sources.find((source) => source.file === ref.file)
    // Readers see the work's own title and the source's publisher; the manifest's title describes the file for developers.
    // Parts that bring their own parentheses nest them: inner ones become square brackets.
    const name = alternateBrackets(
      entry?.publisher ? labels.sourceName.replace('{title}', work.meta.title).replace('{publisher}', entry.publisher) : work.meta.title
    )
    const source: EditionMeta['sources'][number] = {...ref, work: work.meta.id, title: set.text(name)}
    const url = entry?.url ?? work.meta.url
    const rights = work.meta.rights ?? entry?.rights
    if (url !== undefined) source.url = url
    if (rights !== undefined) source.rights = rights
    sources.push(source)
  }
  const meta: EditionMeta = {id: spec.id, title: spec.title, creators, language: spec.language, subjects: spec.subjects, sources}
  if (spec.subtitle !== undefined) meta.subtitle = spec.subtitle
  if (spec.publisher !== undefined) meta.publisher = spec.publisher
  if (spec.rights !== undefined) meta.rights = spec.rights
  if (spec.description !== undefined) meta.description = spec.description
  if (spec.date !== undefined) meta.date = spec.date
  if (spec.issued !== undefined) meta.issued = spec.issued
  if (spec.paper !== undefined) meta.paper = spec.paper
  if (spec.hyphenation !== undefined) meta.hyphenation = spec.hyphenation
  return meta
}

function withSource<T>(source: T | undefined): {source?: T} {
  return source === undefined ? {} : {source}
}

/**
 * The metadata as readers see it: the editorial title, where the work has one, in place of the source's (kept as
 * `sourceTitle`), a short title always, and the body's typography on every text.
 */
function typesetWorkMeta(loaded: WorkMeta, set: Typesetter): WorkMeta {
  const {editorialTitle, editorialSubtitle, ...meta} = loaded
  if (editorialTitle !== undefined) {
    meta.sourceTitle = set.text(loaded.subtitle ? `${loaded.title} ${loaded.subtitle}` : loaded.title)
    meta.title = editorialTitle
    delete meta.subtitle
    if (editorialSubtitle !== undefined) meta.subtitle = editorialSubtitle
  }
  const copy = typesetMeta(meta, set)
  copy.shortTitle = loaded.shortTitle === undefined ? copy.title : set.text(loaded.shortTitle)
  copy.publicationHistory = meta.publicationHistory.map((entry) => ({
    ...entry,
    event: set.text(entry.event),
    ...(entry.source ? {source: set.text(entry.source)} : {})
  }))
  if (meta.rights !== undefined) copy.rights = set.text(meta.rights)
  return copy
}

/** Titles are text too: the same typography as the body. */
function typesetMeta<T extends {title: string; subtitle?: string; description?: string}>(meta: T, set: Typesetter): T {
  const copy = {...meta, title: set.text(meta.title)}
  if (meta.subtitle !== undefined) copy.subtitle = set.text(meta.subtitle)
  if (meta.description !== undefined) copy.description = set.text(meta.description)
  return copy
}

function comparable(text: string): string {
  return normalizeForFidelity(text).join(' ').replace(/["']/g, '')
}

function withoutHash(url: string): string {
  const parsed = new URL(url)
  parsed.hash = ''
  return parsed.href
}
