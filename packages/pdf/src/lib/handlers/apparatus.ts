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
import {run} from './text.js'

export function anchored(node: Correction | Annotated | Citation, state: State, context: InlineContext, runs: Run[]): void {
  const mark = node.type === 'correction' ? node.mark : undefined
  const bracket = (text: string): void => {
    // Out of the text layer: copied or read aloud, the text is the edition's reading alone.
    runs.push({...run(text, {...state.style(context), color: markColor}, context), breaks: 'never', artifact: true})
  }
  if (mark === 'bracket') bracket('⸢')
  const start = runs.length
  state.inline(node.children, context, runs)
  const first = runs[start]
  if (first) first.anchors = [...(first.anchors ?? []), node.id]
  // An omission has no run of its own: the dot goes with what precedes it.
  const dotted = first ?? runs[start - 1]
  if (dotted && mark === 'dot') dotted.marginDot = true
  if (mark === 'bracket') bracket('⸣')
}

/** The marks of corrections: grey, quieter than the text. */
export const markColor = '#777777'

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
