import type {Context, State} from '../state.js'
import type {TextStyle} from '../types.js'

/** A section break: three spaced asterisks, centred; decoration, so an artifact. */
export function thematicBreak(_: unknown, state: State, context: Context): void {
  const style: TextStyle = {font: 'serif', size: context.size}
  const text = '*\u2003*\u2003*'
  const width = state.measure.width(text, style)
  const x = (state.geometry.textWidth - context.left - context.right - width) / 2
  state.space(context.leading * 0.5)
  state.push({
    kind: 'block',
    height: context.leading,
    items: [
      {
        dx: context.left,
        dy: 0,
        line: {
          glyphs: [{x, width, text, style, struct: context.struct, artifact: true}],
          height: context.leading,
          baseline: context.leading * 0.75,
          notes: [],
          anchors: []
        }
      }
    ],
    breakBefore: true,
    notes: [],
    marks: []
  })
  state.space(context.leading * 0.5)
}
