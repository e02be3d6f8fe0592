import type {Element} from 'hast'
import {h} from 'hastscript'
import type {Handler, State} from 'mdast-util-to-hast'
import type {Annotated} from '@samizdat/model'
import type {HandlerContext} from './context.js'

/**
 * A marked passage: a `<span>` with the id that the index, the timeline or a
 * cross-reference link to, classed by kind. A person's mention also names the
 * person: as a class (`person-<id>`, which EPUB keeps) and, on the web, as
 * `data-person`. A cross-reference holds the link the model made. A passage
 * in another language says which, in `lang`, for voices, hyphenation and
 * spell-checking; it needs no class (`[lang]` selects it).
 */
export function createAnnotated(context: HandlerContext): Handler {
  return function annotated(state: State, node: Annotated) {
    const result: Element = h('span', properties(node, context), state.all(node))
    state.patch(node, result)
    return result
  }
}

function properties(node: Annotated, context: HandlerContext): Record<string, string | string[]> {
  if (node.kind === 'language' && node.lang !== undefined) return {lang: node.lang, id: node.id}
  if (node.kind === 'person' && node.person !== undefined) {
    return {id: node.id, className: ['person', 'person-' + node.person], ...(context.epub ? {} : {dataPerson: node.person})}
  }
  return {id: node.id, className: [node.kind]}
}
