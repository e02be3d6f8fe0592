/**
 * The apparatus's inline nodes: a correction shows the edition's reading,
 * an annotated span (a person, a cross-reference, an event, a passage in
 * another language) and a citation show their text; each leaves a named
 * destination at its place, which the back matter and cross-references
 * link to.
 */
import type {Annotated, Citation, Correction} from '@samizdat/model'
import {structChild} from '../structure.js'
import type {InlineContext, State} from '../state.js'
import type {Run} from '../types.js'

export function anchored(node: Correction | Annotated | Citation, state: State, context: InlineContext, runs: Run[]): void {
  const start = runs.length
  state.inline(node.children, context, runs)
  const first = runs[start]
  if (first) first.anchors = [...(first.anchors ?? []), node.id]
}

/**
 * An annotated span. A passage in another language is a `Span` with its
 * `Lang` in the structure tree (screen readers switch voice) and is
 * hyphenated by that language's patterns, if any.
 */
export function annotated(node: Annotated, state: State, context: InlineContext, runs: Run[]): void {
  const lang = node.kind === 'language' ? node.lang : undefined
  if (!lang || lang.toLowerCase() === context.lang.toLowerCase()) {
    anchored(node, state, context, runs)
    return
  }
  const span = structChild(context.struct, 'Span', {lang})
  const noteHome = context.noteHome ?? {struct: context.struct, lang: context.lang}
  anchored(node, state, {...context, struct: span, lang, noteHome}, runs)
}
