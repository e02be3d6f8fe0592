/**
 * The handler table: one entry per mdast node type that needs more than
 * `mdast-util-to-hast` does. Node types the apparatus registers get their
 * handler file here. Every handler, built-in or given, is wrapped so that a
 * node's `data.id` (headings, and back-matter entries that links point to)
 * becomes the id of the element it renders to.
 */
import type {Element} from 'hast'
import type {Nodes} from 'mdast'
import {defaultHandlers, type Handler, type Handlers} from 'mdast-util-to-hast'
import type {HandlerContext} from './context.js'
import {createAnnotated} from './annotated.js'
import {createCitation} from './citation.js'
import {createCode} from './code.js'
import {createCorrection} from './correction.js'
import {createHeading} from './heading.js'
import {createImage, createParagraph} from './image.js'
import {createLink} from './link.js'
import {createListItem} from './list-item.js'
import {createMath} from './math.js'
import {createNoteReference} from './note-reference.js'

export type {HandlerContext} from './context.js'

/**
 * Node types without a handler render as their children, so their text
 * stays and no block element lands inside a paragraph (the default would be a
 * `<div>`); one with an `id` of its own (as the apparatus's nodes have)
 * becomes a `<span>` with that id, so that links to it still land.
 */
export const unknownHandler: Handler = (state, node: Nodes & {id?: unknown}) => {
  if (!('children' in node)) return undefined
  const children = state.all(node)
  if (typeof node.id !== 'string') return children
  const result: Element = {type: 'element', tagName: 'span', properties: {id: node.id}, children}
  state.patch(node, result)
  return result
}

export function createHandlers(context: HandlerContext, extra: Record<string, Handler> = {}): Handlers {
  // The root handler returns a root, not element content: it is left to the default.
  const {root, ...builtIn} = defaultHandlers
  void root
  const table: Record<string, Handler> = {
    ...builtIn,
    heading: createHeading(context),
    link: createLink(context),
    image: createImage(context),
    paragraph: createParagraph(),
    listItem: createListItem(),
    correction: createCorrection(context),
    noteReference: createNoteReference(context),
    annotated: createAnnotated(context),
    citation: createCitation(context),
    code: createCode(),
    ...createMath(),
    ...extra
  }
  const wrapped: Record<string, Handler> = {}
  for (const [type, handler] of Object.entries(table)) wrapped[type] = withId(handler)
  return wrapped
}

function withId(handler: Handler): Handler {
  return function (state, node: Nodes, parent) {
    // Words only paged formats show (a page reference's `p.`): the web has the link instead.
    if (node.data?.only === 'paged') return undefined
    const result = handler(state, node, parent)
    // An index or a bibliography: no bullets, a hanging indent (the stylesheet's `.hanging`).
    if (node.type === 'list' && node.data?.hanging && result && !Array.isArray(result) && result.type === 'element') {
      result.properties['className'] = ['hanging']
    }
    const id = node.data?.id
    // Headings place their id themselves (on the heading, not its wrapper).
    if (typeof id === 'string' && node.type !== 'heading' && result && !Array.isArray(result) && result.type === 'element') {
      result.properties['id'] = id
    }
    return result
  }
}
