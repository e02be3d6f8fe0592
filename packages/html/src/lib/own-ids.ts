/**
 * DOM clobbering: ids and names that raw HTML in a source brings (`<img
 * name="getElementById">`) are prefixed `user-content-` by the sanitiser, so
 * that no script of a reading system finds them on `document`. The ids the
 * model made (headings, notes, apparatus marks) must come out as they are:
 * links and legacy addresses point at them.
 *
 * Both pass through the sanitiser, so ours are marked before raw HTML is
 * parsed: each gets a leading U+0000, which an HTML parser never lets into
 * an attribute (it becomes U+FFFD), so no source can forge the mark. After
 * sanitising, the marked ones lose the prefix and the mark; a source's own
 * fragment link (`<a href="#x">`) follows its element to `#user-content-x`.
 */
import type {Element, Root} from 'hast'
import {eachElement} from './walk.js'

/** The prefix the sanitiser gives every id and name it keeps. */
export const clobberPrefix = 'user-content-'
/** The properties it prefixes. */
export const clobbered = ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy']

const mark = '\u0000'
/** The mark on the model's own relative links (and ids) while raw HTML is parsed and sanitised. */
export const ownMark = mark

/** Before raw HTML is parsed: every element there is ours (raw HTML is still `raw` nodes). */
export function rehypeMarkOwn() {
  return function (tree: Root) {
    eachElement(tree, (node) => {
      const {properties} = node
      for (const key of clobbered) {
        const value = properties[key]
        if (typeof value === 'string') properties[key] = mark + value
        else if (Array.isArray(value)) properties[key] = value.map((item) => mark + String(item))
      }
      // Our own fragment and page links (`#x`, `work.html#x`), told apart from a source's; an absolute one
      // keeps its scheme (the sanitiser checks it) and needs no mark.
      const href = properties['href']
      if (typeof href === 'string' && !/^[a-z][a-z\d+.-]*:/i.test(href)) properties['href'] = mark + href
    })
  }
}

/** After sanitising: our ids back as the model made them; a source's fragment links to its prefixed ids. */
export function rehypeRestoreOwn() {
  return function (tree: Root) {
    const ours = clobberPrefix + mark
    const theirs = new Set<string>()
    const links: Element[] = []
    eachElement(tree, (node) => {
      const {properties} = node
      for (const key of clobbered) {
        const value = properties[key]
        if (typeof value === 'string') {
          if (value.startsWith(ours)) properties[key] = value.slice(ours.length)
          else if (key === 'id') theirs.add(value)
        } else if (Array.isArray(value)) {
          properties[key] = value.map((item) => (String(item).startsWith(ours) ? String(item).slice(ours.length) : item))
        }
      }
      const href = properties['href']
      if (typeof href === 'string' && href.startsWith(mark)) properties['href'] = href.slice(mark.length)
      else if (typeof href === 'string' && href.startsWith('#')) links.push(node)
    })
    // Only a link to an element of the source itself follows it; others (to the model's ids) stay.
    for (const link of links) {
      const target = clobberPrefix + String(link.properties['href']).slice(1)
      if (theirs.has(target)) link.properties['href'] = '#' + target
    }
  }
}
