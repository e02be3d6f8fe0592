import type {Nodes, Paragraph} from 'mdast'
import type {Context, State} from '../state.js'

/** A paragraph: justified, indented one em when it follows another paragraph (no space between). */
export function paragraph(node: Paragraph, state: State, context: Context, previous: Nodes | undefined): void {
  const struct = state.struct(context, 'P')
  const runs = state.inline(node.children, state.inlineContext(context, struct))
  const indent = previous?.type === 'paragraph' ? context.size : 0
  state.emit(state.lines(runs, context, {indent}), context)
}
