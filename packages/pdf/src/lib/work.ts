/**
 * A work, or the editor's preface, as a section: opening on a recto with
 * its title, then its body, running heads giving the edition's title on
 * versos and the work's on rectos.
 */
import type {Root} from 'mdast'
import type {EditionMeta, ResolvedSection, ResolvedWork} from '@samizdat/model'
import {listNames} from '@samizdat/model'
import {opening} from './opening.js'
import type {Context, State} from './state.js'
import {structChild, type StructNode} from './structure.js'
import type {Section} from './types.js'

export function workSection(work: ResolvedWork, edition: EditionMeta, state: State, root: StructNode): Section {
  const {meta} = work
  const sect = structChild(root, 'Sect', meta.language === edition.language ? {} : {lang: meta.language})
  const {tree} = work
  const headingOffset = headingOffsetUnder(tree)
  state.notes.start(work.notes)
  const context = baseContext(state, sect, meta.language, headingOffset)
  const authors = meta.creators.filter((creator) => creator.role === 'aut').map((creator) => creator.name)
  opening(state, context, {
    title: meta.title,
    ...(meta.subtitle ? {subtitle: meta.subtitle} : {}),
    ...(authors.length > 0 ? {byline: listNames(authors, state.labels.language)} : {}),
    ids: [work.id],
    outline: true
  })
  state.blocks(tree, context)
  if (work.sourceNote.children.length > 0) {
    // The source note, at the text's end as in every format: smaller and ragged, after a blank line.
    const {geometry} = state
    state.space(context.leading)
    state.blocks(work.sourceNote, {
      ...context,
      size: Math.round(geometry.size * 0.85 * 4) / 4,
      leading: Math.round(geometry.leading * 0.85 * 2) / 2,
      align: 'ragged'
    })
  }
  // Running heads give the short title: the contents has room for the full one.
  return {id: work.id, flow: state.flow, start: 'recto', folio: 'arabic', heads: {verso: edition.title, recto: meta.shortTitle ?? meta.title}}
}

export function prefaceSection(preface: ResolvedSection, edition: EditionMeta, state: State, root: StructNode): Section {
  return editorialSection(preface, edition, state, root, 'roman', (base) => base)
}

/** Generated back matter (corrections, bibliography, index, timeline): smaller, ragged, after the works. */
export function backMatterSection(section: ResolvedSection, edition: EditionMeta, state: State, root: StructNode): Section {
  const {geometry} = state
  return editorialSection(section, edition, state, root, 'arabic', (base) => ({
    ...base,
    size: Math.round(geometry.size * 0.9 * 4) / 4,
    leading: Math.round(geometry.leading * 0.9 * 2) / 2,
    align: 'ragged'
  }))
}

/** A section the edition adds (preface, back matter): its title, then its body in the setting `body` gives. */
function editorialSection(
  section: ResolvedSection,
  edition: EditionMeta,
  state: State,
  root: StructNode,
  folio: Section['folio'],
  body: (base: Context) => Context
): Section {
  const sect = structChild(root, 'Sect')
  const {tree} = section
  const headingOffset = headingOffsetUnder(tree)
  state.notes.start(section.notes)
  const base = baseContext(state, sect, edition.language, headingOffset)
  opening(state, base, {title: section.title, ids: [section.id], outline: true})
  state.blocks(tree, body(base))
  return {id: section.id, flow: state.flow, start: 'recto', folio, heads: {verso: edition.title, recto: section.title}}
}

export function baseContext(state: State, struct: StructNode, lang: string, headingOffset = 0): Context {
  const {geometry} = state
  return {
    struct,
    lang,
    sectionLang: lang,
    left: 0,
    right: 0,
    size: geometry.size,
    leading: geometry.leading,
    align: 'justify',
    italic: false,
    bold: false,
    headingOffset
  }
}

/**
 * The offset that moves a body's top headings to level 2, under the title the
 * opening sets (the model has already dropped a heading that repeated it).
 */
function headingOffsetUnder(tree: Root): number {
  let min = 7
  for (const node of tree.children) if (node.type === 'heading') min = Math.min(min, node.depth)
  return min === 7 ? 0 : 2 - min
}
