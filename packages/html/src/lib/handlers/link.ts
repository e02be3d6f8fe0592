import type {Link} from 'mdast'
import {defaultHandlers, type Handler, type State} from 'mdast-util-to-hast'
import type {HandlerContext} from './context.js'

/** Internal links go through `hrefFor`; links out of the edition are marked `rel="external"`. */
export function createLink(context: HandlerContext): Handler {
  return function link(state: State, node: Link) {
    const result = defaultHandlers.link(state, node)
    const target = node.data?.target
    if (target && context.hrefFor) result.properties['href'] = context.hrefFor(target)
    if (node.data?.external) result.properties['rel'] = ['external']
    return result
  }
}
