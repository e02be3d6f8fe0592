/**
 * Captions of images the edition does not carry (a `caption` annotation marks each): the caption is kept
 * inside a bracketed editorial note saying that its image is not reproduced, so a reader never meets a
 * caption under nothing, and nothing of the source is silently lost. The same note in every format.
 */
import type {Parent, PhrasingContent, Root} from 'mdast'
import type {ModelLabels} from '../locale/types.js'
import type {Annotated} from '../apparatus/types.js'

export function noteDroppedCaptions(tree: Root, labels: ModelLabels): void {
  const frame = (caption: Annotated, inner: PhrasingContent[]): void => {
    // The annotation stays (its id anchors the apparatus entry) and now holds the editorial note.
    caption.children = [{type: 'text', value: `[${labels.captionDropped} ${labels.openQuote}`}, ...inner, {type: 'text', value: `${labels.closeQuote}.]`}]
  }
  const walk = (parent: Parent): void => {
    parent.children.forEach((node, index) => {
      const child = node as Parent & {type: string}
      if (isCaption(child)) return frame(child, child.children)
      // A caption the source set in italics: the note is upright, the caption inside it keeps its italics.
      const only = child.type === 'emphasis' ? child.children[0] : undefined
      if (child.children?.length === 1 && only && isCaption(only)) {
        frame(only, [{type: 'emphasis', children: only.children}])
        parent.children[index] = only as (typeof parent.children)[number]
        return
      }
      if ('children' in child) walk(child)
    })
  }
  walk(tree)
}

function isCaption(node: {type: string}): node is Annotated {
  return node.type === 'annotated' && (node as Annotated).kind === 'caption'
}
