import type {Code} from 'mdast'
import {structChild} from '../structure.js'
import type {Context, State} from '../state.js'
import type {Line, Run, TextStyle} from '../types.js'

/** A code block: monospaced, indented, each source line kept; long lines broken anywhere. */
export function code(node: Code, state: State, context: Context): void {
  const p = state.struct(context, 'P')
  const struct = structChild(p, 'Code')
  const style: TextStyle = {font: 'mono', size: Math.round(context.size * 0.82 * 4) / 4}
  const inner: Context = {...context, left: context.left + context.size, size: style.size, leading: Math.round(context.leading * 0.86 * 2) / 2}
  const space = state.measure.width(' ', style)
  const lines: Line[] = []
  for (const source of node.value.split('\n')) {
    const text = source.trimStart()
    const indent = (source.length - text.length) * space
    const runs: Run[] = [{text, style, struct, lang: context.lang, breaks: 'url'}]
    const set = text === '' ? [] : state.lines(runs, inner, {align: 'ragged', indent, hyphenate: false})
    if (set.length === 0) lines.push({glyphs: [], height: inner.leading, baseline: inner.leading * 0.75, notes: [], anchors: []})
    // One by one: a very long source line sets many lines, too many to spread as arguments.
    for (const line of set) lines.push(line)
  }
  state.space(context.leading * 0.5)
  state.emit(lines, inner)
  state.space(context.leading * 0.5)
}
