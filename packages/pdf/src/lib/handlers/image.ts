import type {Image} from 'mdast'
import type {InlineContext, State} from '../state.js'
import type {Run} from '../types.js'
import {run} from './text.js'

/** Images are not drawn: their alternative text stands in, in italic. */
export function image(node: Image, state: State, context: InlineContext, runs: Run[]): void {
  if (node.alt) runs.push(run(node.alt, state.style({...context, italic: !context.italic}), context))
}
