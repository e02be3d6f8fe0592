import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Handler, State} from 'mdast-util-to-hast'
import type {Correction} from '@samizdat/model'
import type {HandlerContext} from './context.js'

/**
 * A correction reads as the edition's text (`<ins>`) and keeps the source's
 * reading beside it in a `<del hidden>`: out of the reading flow of eyes and
 * screen readers alike until the stylesheet shows it (on hover, or with the
 * page's switch).
 *
 * For EPUB, the edition's reading alone, with the source's as its `title`:
 * reading systems that ignore `hidden` (calibre's converter among them) would
 * read a `<del hidden>` inline, the text twice over, so the book leaves the
 * source's reading to the list of corrections, which links here by the id.
 */
export function createCorrection(context: HandlerContext): Handler {
  return function correction(state: State, node: Correction) {
    const corrected = state.all(node)
    // An omission has no reading of its own to mark: the class lets the stylesheet show where it was.
    const className = corrected.length > 0 ? ['corr'] : ['corr', 'corr-omission']
    // The edition's mark (half brackets, a dot) is drawn by the stylesheet: not part of the text that is read or copied.
    if (node.mark) className.push(`corr-${node.mark}`)
    let result: Element
    if (context.epub) {
      // A line break in the source's reading would break the tooltip (HTML keeps it in a title; XML makes it a space).
      result = h('span', {className, id: node.id, title: context.labels.sourceReads + ' ' + node.sic.replace(/\s+/g, ' ')}, corrected)
    } else {
      const sic = h('del', {className: ['sic'], hidden: true}, [h('span', {className: ['sic-label']}, context.labels.sourceReads + ' '), node.sic])
      const children: ElementContent[] = corrected.length > 0 ? [h('ins', corrected), sic] : [sic]
      result = h('span', {className, id: node.id}, children)
    }
    state.patch(node, result)
    return result
  }
}
