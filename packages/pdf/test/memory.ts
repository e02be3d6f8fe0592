/**
 * Small editions for hostile input: a tree goes straight into a resolved
 * edition, without the model's loading, so a test measures the PDF's own
 * work; or a Markdown text goes through the model, as a plain folder.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Paragraph, Root, RootContent} from 'mdast'
import {VFile} from 'vfile'
import {loadCorpus, resolveEdition, resolveLabels, type EditionMeta, type ResolvedEdition, type ResolvedWork} from '@samizdat/model'

export function memoryEdition(children: RootContent[] | Root, meta: Partial<EditionMeta> = {}, work: Partial<ResolvedWork['meta']> = {}): ResolvedEdition {
  const tree: Root = Array.isArray(children) ? {type: 'root', children} : children
  const language = meta.language ?? 'en'
  const resolved: ResolvedWork = {
    meta: {id: 'w', title: 'A Work', creators: [], publicationHistory: [], language, anchors: {}, ...work},
    id: 'w',
    tree,
    headings: [],
    notes: [],
    legacyAnchors: {},
    sourceNote: {type: 'root', children: []},
    file: new VFile({path: 'works/w.md'})
  }
  return {
    meta: {id: 'e', title: 'An Edition', creators: [], language, subjects: [], sources: [], ...meta},
    works: [resolved],
    toc: [{id: 'w', work: 'w', depth: 1, text: resolved.meta.title, children: []}],
    backMatter: [],
    apparatus: {annotations: [], citations: [], bibliography: [], persons: [], timeline: [], unlinked: []},
    messages: [],
    labels: resolveLabels(language),
    assets: []
  }
}

/** A paragraph of one text node. */
export function paragraph(value: string): Paragraph {
  return {type: 'paragraph', children: [{type: 'text', value}]}
}

/**
 * An edition from Markdown, through the model as the CLI reads it: a plain
 * folder (in a temporary directory) of `w.md`, whose implicit edition is
 * named after the folder. Messages of the corpus come back too.
 */
export async function markdownEdition(markdown: string): Promise<{edition: ResolvedEdition; messages: string[]}> {
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-pdf-'))
  try {
    const folder = join(dir, 'book')
    mkdirSync(folder)
    writeFileSync(join(folder, 'w.md'), markdown)
    const corpus = await loadCorpus(folder, {cwd: folder})
    const edition = resolveEdition(corpus, 'book')
    return {edition, messages: corpus.files.flatMap((file) => file.messages.map((message) => `${message.ruleId}: ${message.reason}`))}
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
