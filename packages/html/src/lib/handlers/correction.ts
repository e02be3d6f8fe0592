import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Handler, State} from 'mdast-util-to-hast'
import type {Correction} from '@samizdat/model'
import type {HandlerContext} from './context.js'

/**
 * A correction reads as the edition's text (`<ins>`) and keeps the source's
 * reading beside it in a `<del hidden>`: out of the reading flow of eyes and
 * screen readers alike until the stylesheet shows it (on hover, or with the
 * page's switch), and out of sight where there is no stylesheet (EPUB readers
 * that ignore CSS), so the text never reads twice.
 */
export function createCorrection(context: HandlerContext): Handler {
  return function correction(state: State, node: Correction) {
    const corrected = state.all(node)
    const sic = h('del', {className: ['sic'], hidden: true}, [
      h('span', {className: ['sic-label']}, context.labels.sourceReads + ' '),
      node.sic
    ])
    // An omission has no reading of its own to mark: the class lets the stylesheet show where it was.
    const children: ElementContent[] = corrected.length > 0 ? [h('ins', corrected), sic] : [sic]
    const result: Element = h('span', {className: corrected.length > 0 ? ['corr'] : ['corr', 'corr-omission'], id: node.id}, children)
    state.patch(node, result)
    return result
  }
}
