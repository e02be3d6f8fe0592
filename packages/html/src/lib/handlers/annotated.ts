import type {Element} from 'hast'
import {h} from 'hastscript'
import type {Handler, State} from 'mdast-util-to-hast'
import type {Annotated} from '@samizdat/model'
import type {HandlerContext} from './context.js'

/**
 * A marked passage: a `<span>` with the id that the index, the timeline or a
 * cross-reference link to, classed by kind. A person's mention also names the
 * person: as a class (`person-<id>`, which EPUB keeps) and, on the web, as
 * `data-person`. A cross-reference holds the link the model made.
 */
export function createAnnotated(context: HandlerContext): Handler {
  return function annotated(state: State, node: Annotated) {
    const person = node.kind === 'person' && node.person !== undefined ? node.person : undefined
    const result: Element = h(
      'span',
      {
        id: node.id,
        className: person === undefined ? [node.kind] : ['person', 'person-' + person],
        ...(person !== undefined && !context.epub ? {dataPerson: person} : {})
      },
      state.all(node)
    )
    state.patch(node, result)
    return result
  }
}
