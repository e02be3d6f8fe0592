import type {Blockquote} from 'mdast'
import type {Context, State} from '../state.js'

/** A block quotation: indented on both sides (while there is room), a size smaller, half a line above and below. */
export function blockquote(node: Blockquote, state: State, context: Context): void {
  const struct = state.struct(context, 'BlockQuote')
  const inner: Context = {
    ...state.indented(context, context.size * 1.5, context.size),
    struct,
    size: Math.round(context.size * 0.92 * 4) / 4,
    leading: Math.round(context.leading * 0.93 * 2) / 2
  }
  state.space(context.leading * 0.5)
  state.blocks(node, inner)
  state.space(context.leading * 0.5)
}
