/**
 * A correction in the book: the edition's reading, with the correction's id
 * (the list of corrections links to it) and the source's reading as its
 * `title`. The web edition keeps that reading beside it in a `<del hidden>`;
 * reading systems that ignore `hidden` (calibre's converter among them) would
 * read it inline, twice over, so the book leaves it to the list of corrections.
 */
import {h} from 'hastscript'
import type {NodeHandler} from '@samizdat/html'
import type {Correction} from '@samizdat/model'
import {fill} from './labels.js'
import type {EpubLabels} from './types.js'

export function correctionHandler(labels: EpubLabels): NodeHandler {
  return function correction(state, node: Correction) {
    const result = h('span', {className: ['corr'], id: node.id, title: fill(labels.sourceReads, {sic: node.sic})}, state.all(node))
    state.patch(node, result)
    return result
  }
}
