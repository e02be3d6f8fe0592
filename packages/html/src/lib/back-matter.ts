/** A titled section of front or back matter (preface, corrections, bibliography, index, timeline) as a page's section. */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {ResolvedSection} from '@samizdat/model'
import {bodyUnder} from './body.js'
import {renderFragment} from './fragment.js'
import type {FragmentOptions} from './types.js'

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
export function renderSection(section: ResolvedSection, options: FragmentOptions = {}): Element {
  const {tree, headingOffset} = bodyUnder(section.tree, section.title, 2)
  const file = options.file ?? section.file
  const body = renderFragment(tree, {...options, ...(file ? {file} : {}), headingOffset: headingOffset + (options.headingOffset ?? 0)})
  const {role, epubType} = semantics[section.kind]
  return h('section', {
    className: [section.kind === 'preface' ? 'preface' : 'back-matter'],
    role,
    ...(options.epub ? {'epub:type': epubType} : {}),
    ariaLabelledBy: section.id
  }, [
    h('header', {className: ['work-header']}, [h('h1', {id: section.id}, section.title)]),
    ...(body.children as ElementContent[])
  ])
}
