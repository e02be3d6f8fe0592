import type {Heading} from 'mdast'
import {textOf} from '@samizdat/model'
import {headingType} from '../structure.js'
import type {Context, State} from '../state.js'
import type {Align} from '../items.js'
import type {Line, Run} from '../types.js'

interface HeadingDesign {
  /** Size relative to the body. */
  scale: number
  italic: boolean
  smallCaps: boolean
  align: Align
  /** Space above and below, in body lines. */
  before: number
  after: number
}

/** Level 1 is a work's title (set by the opening); the body's headings start at 2. */
const designs: Readonly<Record<number, HeadingDesign>> = {
  2: {scale: 1.2, italic: false, smallCaps: false, align: 'center', before: 1.5, after: 0.75},
  3: {scale: 1, italic: true, smallCaps: false, align: 'center', before: 1, after: 0.5},
  4: {scale: 1, italic: false, smallCaps: true, align: 'ragged', before: 0.75, after: 0.25}
}

/** A heading: its own lines kept together and with two lines of what follows; a destination and an outline entry. */
export function heading(node: Heading, state: State, context: Context): void {
  const level = Math.min(Math.max(node.depth + context.headingOffset, 2), 6)
  const design = designs[Math.min(level, 4)] as HeadingDesign
  const size = context.size * design.scale
  const inner: Context = {...context, size, leading: Math.max(context.leading, Math.round(size * 1.25)), italic: design.italic, bold: false}
  const struct = state.struct(context, headingType(level))
  const runs = state.inline(node.children, {...state.inlineContext(inner, struct), ...(design.smallCaps ? {features: ['smcp', 'onum']} : {})})
  state.space(design.before * context.leading)
  const id = node.data?.id
  if (id) state.marks.push({id, outline: {title: textOf(node), depth: level}})
  const balanced = balance(state, runs, inner, design.align)
  state.emit(balanced.lines, balanced.context, {together: true})
  state.space(design.after * context.leading)
  state.keepWithNext()
}

/**
 * A heading of several lines set as narrow as it goes without one more line
 * (in steps of a twentieth of the measure, inset on both sides): its lines
 * come out even, and the last is never one word alone.
 */
function balance(state: State, runs: readonly Run[], context: Context, align: Align): {lines: Line[]; context: Context} {
  let best = {lines: state.lines(runs, context, {align, hyphenate: false}), context}
  if (best.lines.length < 2) return best
  const width = state.geometry.textWidth - context.left - context.right
  for (let step = 1; step < 10; step++) {
    const inset = (width * step) / 40
    const narrower = {...context, left: context.left + inset, right: context.right + inset}
    const lines = state.lines(runs, narrower, {align, hyphenate: false})
    if (lines.length > best.lines.length) break
    best = {lines, context: narrower}
  }
  return best
}
