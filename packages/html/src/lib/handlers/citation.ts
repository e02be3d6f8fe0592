import type {Element} from 'hast'
import {h} from 'hastscript'
import type {Handler, State} from 'mdast-util-to-hast'
import type {Citation} from '@samizdat/model'
import {visit} from 'unist-util-visit'
import type {HandlerContext} from './context.js'

/**
 * A bracketed source citation links to its bibliography entry (`bib-<itemId>`,
 * in the back matter), and keeps its own id so the entry's “cited” links land
 * on it. `hrefFor` gets `{work: 'back-matter', id}`. A citation the model
 * could not resolve, or one holding a link of its own (links do not nest),
 * stays a `<span>` with the id.
 */
export function createCitation(context: HandlerContext): Handler {
  return function citation(state: State, node: Citation) {
    const children = state.all(node)
    const item = node.itemIds[0]
    let result: Element
    if (item === undefined || holdsLink(node)) {
      result = h('span', {className: ['citation'], id: node.id}, children)
    } else {
      const id = bibliographyId(item)
      const href = context.hrefFor ? context.hrefFor({work: 'back-matter', id}) : '#' + id
      result = h('a', {href, id: node.id, className: ['citation'], role: 'doc-biblioref'}, children)
    }
    state.patch(node, result)
    return result
  }
}

/** The id the model gives a bibliography entry. */
function bibliographyId(itemId: string): string {
  return 'bib-' + itemId
}

function holdsLink(node: Citation): boolean {
  let found = false
  visit(node, 'link', () => {
    found = true
  })
  return found
}
