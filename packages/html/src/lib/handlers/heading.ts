import type {Element} from 'hast'
import type {Heading} from 'mdast'
import {h} from 'hastscript'
import type {Handler, State} from 'mdast-util-to-hast'
import {toString} from 'mdast-util-to-string'
import type {HandlerContext} from './context.js'

/**
 * A heading keeps the model's id and, when asked, gets a self-link beside it.
 * The link sits next to the heading, not inside, so that the heading's
 * accessible name stays its own text (GitHub's pattern). Legacy ids of the
 * heading (`FragmentOptions.aliases`) become empty elements at its start.
 */
export function createHeading(context: HandlerContext): Handler {
  return function heading(state: State, node: Heading) {
    const rank = Math.min(6, Math.max(1, node.depth + context.headingOffset))
    const element: Element = {type: 'element', tagName: 'h' + rank, properties: {}, children: state.all(node)}
    state.patch(node, element)
    const result = state.applyData(node, element)
    const id = node.data?.id
    if (id !== undefined && result.type === 'element') {
      result.properties['id'] = id
      // Old addresses of this heading: empty targets inside it, so the heading's name stays its text.
      const aliases = (context.aliases.get(id) ?? []).map((alias) => h('span', {id: alias}))
      result.children.unshift(...aliases)
    }

    if (!context.anchors || id === undefined) return result
    const anchor = h('a', {className: ['anchor'], href: '#' + id, ariaLabel: context.labels.sectionLink + context.labels.colon + toString(node)}, '#')
    return h('div', {className: ['heading']}, [result, anchor])
  }
}
