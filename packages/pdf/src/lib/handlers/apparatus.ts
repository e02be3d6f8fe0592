/**
 * The apparatus's inline nodes: a correction shows the edition's reading,
 * an annotated span (a person, a cross-reference, an event) and a citation
 * show their text; each leaves a named destination at its place, which the
 * back matter and cross-references link to.
 */
import type {Annotated, Citation, Correction} from '@samizdat/model'
import type {InlineContext, State} from '../state.js'
import type {Run} from '../types.js'

export function anchored(node: Correction | Annotated | Citation, state: State, context: InlineContext, runs: Run[]): void {
  const start = runs.length
  state.inline(node.children, context, runs)
  const first = runs[start]
  if (first) first.anchors = [...(first.anchors ?? []), node.id]
}
