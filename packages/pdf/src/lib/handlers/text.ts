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
  const made = run(node.value, state.style(context), context)
  made.origin = node
  // A node of the reading text says where it is, so that pages can say where they start (the EPUB's page-list).
  const place = state.places.get(node)
  if (place !== undefined) made.source = {place, offset: 0}
  runs.push(made)
}

export function inlineCode(node: InlineCode, state: State, context: InlineContext, runs: Run[]): void {
  // Code breaks like a URL (after `/`, `.`, `_`…), never at a hyphenation point: an added hyphen would read as code.
  runs.push({...run(node.value, state.style({...context, mono: true}), context), breaks: 'url', origin: node})
}
