/** A titled section of front or back matter (preface, corrections, bibliography, index, timeline) as a page's section. */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {ResolvedSection} from '@samizdat/model'
import {headingOffsetUnder} from './body.js'
import {renderFragment} from './fragment.js'
import {renderNotes} from './notes.js'
import type {FragmentOptions, NotesOptions} from './types.js'

export interface SectionOptions extends FragmentOptions {
  /** Append the section's notes (a preface's footnotes) in this style (see `renderNotes`); by default they are left to the caller. */
  notes?: NotesOptions['style']
}

type Kind = ResolvedSection['kind']

/**
 * What each kind of section is, in DPUB-ARIA (`role`) and in the EPUB
 * structural semantics (`epub:type`, written with `epub`). The list of
 * corrections and the timeline are supplements to the texts: appendices.
 */
const semantics: Record<Kind, {role: string; epubType: string}> = {
  preface: {role: 'doc-preface', epubType: 'preface'},
  corrections: {role: 'doc-appendix', epubType: 'appendix'},
  bibliography: {role: 'doc-bibliography', epubType: 'bibliography'},
  index: {role: 'doc-index', epubType: 'index'},
  timeline: {role: 'doc-appendix', epubType: 'appendix'}
}

/**
 * `<section class="back-matter" role="doc-…">` (`class="preface"` for a
 * preface) headed by the section's title as `<h1>` with the section's id;
 * its own headings start at `<h2>`. Every entry keeps its id (`bib-…`,
 * `index-…`), so links from the text land on it. A `<section>`, not an
 * `<article>`: ARIA in HTML allows the `doc-*` roles on the former only.
 */
export function renderSection(section: ResolvedSection, options: SectionOptions = {}): Element {
  const {tree} = section
  const headingOffset = headingOffsetUnder(tree, 2)
  const {notes, ...given} = options
  const file = given.file ?? section.file
  const fragmentOptions: FragmentOptions = {...given, ...(file ? {file} : {})}
  const body = renderFragment(tree, {...fragmentOptions, headingOffset: headingOffset + (given.headingOffset ?? 0)})
  const {role, epubType} = semantics[section.kind]
  return h(
    'section',
    {
      className: [section.kind === 'preface' ? 'preface' : 'back-matter'],
      role,
      ...(options.epub ? {'epub:type': epubType} : {}),
      ariaLabelledBy: section.id
    },
    [
      h('header', {className: ['work-header']}, [h('h1', {id: section.id}, section.title)]),
      ...(body.children as ElementContent[]),
      // The notes are not the section's tree: none of its places are in them.
      ...(notes ? (renderNotes(section.notes ?? [], {...fragmentOptions, places: undefined}, {style: notes}).children as ElementContent[]) : [])
    ]
  )
}
