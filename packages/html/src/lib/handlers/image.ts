import type {Element} from 'hast'
import type {Image, Paragraph} from 'mdast'
import {defaultHandlers, type Handler, type State} from 'mdast-util-to-hast'
import type {HandlerContext} from './context.js'

/** A local image shows the edition's copy (`images/x.png`, beside the pages), at its natural size unless the page is narrower. */
export function createImage(context: HandlerContext): Handler {
  return function image(state: State, node: Image) {
    const result = defaultHandlers.image(state, node)
    const asset = node.data?.asset === undefined ? undefined : context.assets.get(node.data.asset)
    if (asset) {
      result.properties['src'] = asset.path
      result.properties['width'] = Math.round(asset.width)
      result.properties['height'] = Math.round(asset.height)
    }
    // A description is never missing: an image without one is decoration.
    result.properties['alt'] = node.alt ?? ''
    return result
  }
}

/** A paragraph that is one image alone (the model's `figure`) is a `<figure>` with its caption. */
export function createParagraph(): Handler {
  return function paragraph(state: State, node: Paragraph) {
    const figure = node.data?.figure
    if (!figure) return defaultHandlers.paragraph(state, node)
    const images = state.all(node).filter((child): child is Element => child.type === 'element')
    const result: Element = {
      type: 'element',
      tagName: 'figure',
      properties: {},
      children: [...images, {type: 'element', tagName: 'figcaption', properties: {}, children: [{type: 'text', value: figure.caption}]}]
    }
    state.patch(node, result)
    return result
  }
}
