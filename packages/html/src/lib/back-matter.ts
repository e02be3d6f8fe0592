/** A back-matter section (corrections, bibliography, index, timeline) as a page's article. */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {ResolvedSection} from '@samizdat/model'
import {bodyUnder} from './body.js'
import {renderFragment} from './fragment.js'
import type {FragmentOptions} from './types.js'

/**
 * `<article class="back-matter">` headed by the section's title as `<h1>`
 * with the section's id; its own headings start at `<h2>`. Every entry keeps
 * its id (`bib-…`, `index-…`), so links from the text land on it.
 */
export function renderSection(section: ResolvedSection, options: FragmentOptions = {}): Element {
  const {tree, headingOffset} = bodyUnder(section.tree, section.title, 2)
  const body = renderFragment(tree, {...options, headingOffset: headingOffset + (options.headingOffset ?? 0)})
  return h('article', {className: ['back-matter'], ariaLabelledBy: section.id}, [
    h('header', {className: ['work-header']}, [h('h1', {id: section.id}, section.title)]),
    ...(body.children as ElementContent[])
  ])
}
