import type {InlineCode, Text} from 'mdast'
import type {InlineContext, State} from '../state.js'
import type {Run, TextStyle} from '../types.js'

/** A run in the current style, owned by the current element, inside the current link. */
export function run(text: string, style: TextStyle, context: InlineContext): Run {
  const result: Run = {text, style, struct: context.struct, lang: context.lang}
  if (context.link) result.link = context.link
  return result
}

export function text(node: Text, state: State, context: InlineContext, runs: Run[]): void {
  runs.push(run(node.value, state.style(context), context))
}

export function inlineCode(node: InlineCode, state: State, context: InlineContext, runs: Run[]): void {
  runs.push(run(node.value, state.style({...context, mono: true}), context))
}
