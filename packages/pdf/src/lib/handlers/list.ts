import type {List} from 'mdast'
import {structChild} from '../structure.js'
import type {Context, State} from '../state.js'
import {textFeatures} from '../state.js'
import type {Line, TextStyle} from '../types.js'

/**
 * A list: labels (numbers kept from the source's start, or bullets) hang in
 * a column before the items' text, right-aligned.
 */
export function list(node: List, state: State, context: Context): void {
  if (node.data?.hanging) {
    hangingList(node, state, context)
    return
  }
  const start = node.start ?? 1
  const labels = node.children.map((_, index) => (node.ordered ? `${start + index}.` : '•'))
  const style: TextStyle = {font: 'serif', size: context.size, features: textFeatures}
  const widths = labels.map((label) => state.measure.width(label, style))
  const gap = context.size * 0.5
  const hang = Math.max(widths.reduce((widest, width) => Math.max(widest, width), 0) + gap, context.size * 1.5)
  const struct = state.struct(context, 'L')
  struct.attributes = {O: 'List', ListNumbering: node.ordered ? 'Decimal' : 'Disc'}

  state.space(context.leading * 0.5)
  node.children.forEach((item, index) => {
    const li = structChild(struct, 'LI')
    const label = structChild(li, 'Lbl')
    const body = structChild(li, 'LBody')
    const width = widths[index] as number
    state.label = [{x: -gap - width, width, text: `${labels[index] as string} `, style, struct: label}]
    if (node.spread && index > 0) state.space(context.leading * 0.5)
    const inner: Context = {...state.indented(context, hang), struct: body}
    state.blocks(item, inner)
    if (state.label) {
      // An empty item still shows its label.
      const line: Line = {glyphs: [], height: context.leading, baseline: context.leading * 0.75, notes: [], anchors: []}
      state.emit([line], inner)
    }
  })
  state.space(context.leading * 0.5)
}

/**
 * An index or a bibliography: no labels; each entry's first line starts at the margin and the lines
 * after it are indented (a hanging indent), so the entries' heads stand out.
 */
function hangingList(node: List, state: State, context: Context): void {
  const hang = context.size * 1.5
  const struct = state.struct(context, 'L')
  struct.attributes = {O: 'List', ListNumbering: 'None'}
  state.space(context.leading * 0.5)
  for (const item of node.children) {
    const li = structChild(struct, 'LI')
    const body = structChild(li, 'LBody')
    state.blocks(item, {...state.indented(context, hang), hang, struct: body})
  }
  state.space(context.leading * 0.5)
}
