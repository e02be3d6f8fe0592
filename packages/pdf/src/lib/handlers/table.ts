import type {Table} from 'mdast'
import {structChild, type StructNode} from '../structure.js'
import type {Context, State} from '../state.js'
import type {Block, Line, Note, Placed, Run} from '../types.js'

interface Cell {
  runs: Run[]
  struct: StructNode
}

/**
 * A GFM table, booktabs style: rules above, below the header and at the
 * end (artifacts), no vertical rules. Columns get their natural width when
 * the table fits, else their longest word plus a share of the rest. Rows do
 * not split; the first body row stays with the header.
 */
export function table(node: Table, state: State, context: Context): void {
  const size = Math.round(context.size * 0.9 * 4) / 4
  const leading = Math.round(context.leading * 0.9 * 2) / 2
  const inner: Context = {...context, size, leading}
  const struct = state.struct(context, 'Table')
  const columns = node.children.reduce((most, row) => Math.max(most, row.children.length), 0)
  if (columns === 0) return
  const gap = size

  const rows: Cell[][] = node.children.map((row, index) => {
    const tr = structChild(struct, 'TR')
    return row.children.map((cell) => {
      const header = index === 0
      const cellStruct = structChild(tr, header ? 'TH' : 'TD', header ? {scope: 'Column'} : {})
      const runs = state.inline(cell.children, {...state.inlineContext(inner, cellStruct), italic: header})
      return {runs, struct: cellStruct}
    })
  })

  const available = state.geometry.textWidth - context.left - context.right - gap * (columns - 1)
  const natural = new Array<number>(columns).fill(0)
  const least = new Array<number>(columns).fill(0)
  for (const row of rows) {
    row.forEach((cell, column) => {
      let width = 0
      for (const run of cell.runs) {
        width += state.measure.width(run.text, run.style)
        for (const word of run.text.split(/\s+/)) least[column] = Math.max(least[column] as number, state.measure.width(word, run.style))
      }
      natural[column] = Math.max(natural[column] as number, width)
    })
  }
  const widths = columnWidths(
    natural,
    least.map((width) => Math.min(width, available)),
    available
  )

  const rule = (thickness: number): Placed => ({dx: context.left, dy: 0, rule: {width: widths.reduce((a, b) => a + b, 0) + gap * (columns - 1), thickness}})
  const padding = leading * 0.25
  state.space(context.leading * 0.5)
  rows.forEach((row, index) => {
    const items: Placed[] = []
    const notes: Note[] = []
    let height = 0
    let x = context.left
    row.forEach((cell, column) => {
      const width = widths[column] as number
      const align = node.align?.[column] ?? null
      const cellContext: Context = {...inner, struct: cell.struct, left: 0, right: state.geometry.textWidth - width}
      const lines = state.lines(cell.runs, cellContext, {align: align === 'center' ? 'center' : 'ragged', hyphenate: true})
      lines.forEach((line, number) => {
        items.push({dx: x + shift(line, width, align), dy: padding + number * leading, line})
        notes.push(...line.notes)
      })
      height = Math.max(height, lines.length * leading)
      x += width + gap
    })
    height += padding * 2
    if (index === 0) items.unshift({...rule(0.6), dy: 0})
    if (index === 0) items.push({...rule(0.4), dy: height})
    if (index === rows.length - 1) items.push({...rule(0.6), dy: height})
    const block: Block = {kind: 'block', height, items, breakBefore: index !== 1, notes, marks: []}
    state.push(block)
  })
  state.space(context.leading * 0.5)
}

function columnWidths(natural: number[], least: number[], available: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0)
  if (total <= available) return natural
  const minimum = least.reduce((a, b) => a + b, 0)
  if (minimum >= available) return least.map((width) => (width / minimum) * available)
  const slack = natural.map((width, index) => width - (least[index] as number))
  const slackTotal = slack.reduce((a, b) => a + b, 0)
  return least.map((width, index) => width + ((available - minimum) * (slack[index] as number)) / slackTotal)
}

function shift(line: Line, width: number, align: string | null): number {
  if (align !== 'right') return 0
  const last = line.glyphs.at(-1)
  const used = last ? last.x + last.width : 0
  return Math.max(0, width - used)
}
