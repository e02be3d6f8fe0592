import type {Html, Nodes} from 'mdast'
import {htmlBlocks, type Styled} from '../raw-html.js'
import type {Context, InlineContext, State} from '../state.js'
import type {Run} from '../types.js'

/** A raw HTML block: its text, as the site shows it (see `raw-html.ts`), set by the usual handlers. */
export function html(node: Html, state: State, context: Context, previous: Nodes | undefined): void {
  let before = previous
  for (const block of htmlBlocks(node, (reason, at) => state.warn(reason, at, 'html-omitted'))) {
    state.block(block as Nodes, context, before)
    before = block as Nodes
  }
}

/** Superscript and subscript from raw HTML: the font's own figures and letters for them. */
export function styled(node: Styled, state: State, context: InlineContext, runs: Run[]): void {
  state.inline(node.children, {...context, features: node.features}, runs)
}
