/**
 * A work as an `<article>`: its title and metadata, then its body.
 * Shared by the web pages and (through `renderWork`) the EPUB chapters.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {EditionMeta, ResolvedWork} from '@samizdat/model'
import {headingOffsetUnder} from './body.js'
import {listNames} from '@samizdat/model'
import {splitEditorial} from './editorial.js'
import {renderFragment} from './fragment.js'
import {fragmentWords, type Words} from './labels.js'
import {legacyAliases} from './legacy.js'
import {renderNotes} from './notes.js'
import type {FragmentOptions, NotesOptions} from './types.js'

export interface WorkOptions extends FragmentOptions {
  /** The edition's metadata. Not read any more: the model writes each work's source note (`ResolvedWork.sourceNote`). */
  edition?: EditionMeta
  /** Append the work's notes in this style (see `renderNotes`); by default they are left to the caller. */
  notes?: NotesOptions['style']
}

export function renderWork(work: ResolvedWork, options: WorkOptions = {}): Element {
  const labels = fragmentWords(options)
  const tree = work.tree
  const headingOffset = headingOffsetUnder(tree, 2)
  const {edition: _edition, notes, ...given} = options
  // Raw HTML problems are reported on the work's file.
  const fragmentOptions: FragmentOptions = {...given, file: given.file ?? work.file}
  const fragment: FragmentOptions = {
    ...fragmentOptions,
    headingOffset: headingOffset + (options.headingOffset ?? 0),
    aliases: {...legacyAliases(work), ...options.aliases}
  }
  const body = splitEditorial(tree).flatMap(({editorial, tree}): ElementContent[] => {
    const children = renderFragment(tree, fragment).children as ElementContent[]
    return editorial ? [editorialSection(children, labels)] : children
  })
  const {meta} = work

  return h('article', {className: ['work'], ariaLabelledBy: work.id}, [
    h('header', {className: ['work-header']}, [
      h('h1', {id: work.id}, meta.title),
      meta.subtitle ? h('p', {className: ['subtitle']}, meta.subtitle) : undefined,
      byline(work, labels)
    ]),
    ...body,
    sourceNote(work, {...fragmentOptions, headingOffset: 0}, labels),
    // The notes are not the work's tree: none of its places are in them.
    ...(notes ? (renderNotes(work.notes, {...fragmentOptions, places: undefined}, {style: notes}).children as ElementContent[]) : [])
  ])
}

/**
 * A section the edition added to the work, set apart from the text and said
 * to be the editors' just after its heading (where heading navigation lands).
 */
function editorialSection(children: ElementContent[], labels: Words): Element {
  const at = children.findIndex((child) => child.type === 'element')
  const heading = children[at]
  const id = heading?.type === 'element' ? headingId(heading) : undefined
  const label = h('p', {className: ['editorial-label']}, labels.editorial)
  return h('section', {className: ['editorial'], ariaLabelledBy: id}, [...children.slice(0, at + 1), label, ...children.slice(at + 1)])
}

/** The id of a heading, or of the heading inside a self-link wrapper. */
function headingId(element: Element): string | undefined {
  const heading = element.tagName === 'div' ? element.children.find((child) => child.type === 'element' && /^h[1-6]$/.test(child.tagName)) : element
  const id = heading?.type === 'element' ? heading.properties['id'] : undefined
  return typeof id === 'string' ? id : undefined
}

/** The authors under the title; every other credit, the source and its history are in the source note. */
function byline(work: ResolvedWork, labels: Words): Element | undefined {
  const authors = work.meta.creators.filter((c) => c.role === 'aut').map((c) => c.name)
  if (authors.length === 0) return undefined
  return h('p', {className: ['byline']}, `${labels.roles.aut ?? ''} ${listNames(authors, labels.language)}`.trim())
}

/** The model's source note, at the work's end: the same passage in every format. */
function sourceNote(work: ResolvedWork, fragment: FragmentOptions, labels: Words): Element | undefined {
  if (work.sourceNote.children.length === 0) return undefined
  return h('footer', {className: ['source-note'], ariaLabel: labels.source}, renderFragment(work.sourceNote, fragment).children as ElementContent[])
}
