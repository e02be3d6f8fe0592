import type {Nodes, Paragraph} from 'mdast'
import type {Context, State} from '../state.js'
import {imageParagraph} from './image.js'

/** A paragraph: justified, indented one em when it follows another paragraph (no space between). */
export function paragraph(node: Paragraph, state: State, context: Context, previous: Nodes | undefined): void {
  // Images alone (a figure): drawn as blocks.
  if (imageParagraph(node, state, context, previous)) return
  const struct = state.struct(context, 'P')
  const runs = state.inline(node.children, state.inlineContext(context, struct))
  const indent = context.hang ? -context.hang : previous?.type === 'paragraph' ? context.size : 0
  state.emit(state.lines(runs, context, {indent}), context)
}
