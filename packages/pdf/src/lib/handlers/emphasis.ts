import type {Delete, Emphasis, Strong} from 'mdast'
import type {InlineContext, State} from '../state.js'
import type {Run} from '../types.js'

/** Italic; emphasis inside italic turns roman again, as in print. */
export function emphasis(node: Emphasis, state: State, context: InlineContext, runs: Run[]): void {
  state.inline(node.children, {...context, italic: !context.italic}, runs)
}

export function strong(node: Strong, state: State, context: InlineContext, runs: Run[]): void {
  state.inline(node.children, {...context, bold: true}, runs)
}

/** Struck-out text reads as its words: the PDF has no strike-through here. */
export function strikethrough(node: Delete, state: State, context: InlineContext, runs: Run[]): void {
  state.inline(node.children, context, runs)
}
