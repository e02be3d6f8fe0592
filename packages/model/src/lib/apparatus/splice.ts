/**
 * Apply anchored operations to a tree in one pass. Every operation is
 * located on the same `TextIndex`, computed before any edit, so offsets never
 * go stale: each text node is replaced once by its pieces.
 *
 * - a *wrap* puts a range of one text node inside a new node (nesting allowed,
 *   partial overlap not);
 * - a *point* inserts a node at an offset (a note mark after its quote).
 */
import type {PhrasingContent, Text} from 'mdast'
import type {Position} from 'unist'
import type {Segment, TextIndex} from './text-index.js'

export interface WrapOperation {
  type: 'wrap'
  start: number
  end: number
  /** Builds the wrapper around the pieces of text inside the range. */
  make: (children: PhrasingContent[], text: string) => PhrasingContent
  /** A leaf replaces its text: operations inside it are dropped. */
  leaf?: boolean
  /** Outer of two wraps of the same range: the higher rank. */
  rank: number
  /** Called instead of applying when the range overlaps another wrap partially. */
  onConflict: (other: WrapOperation) => void
  label: string
}

interface PointOperation {
  type: 'point'
  at: number
  make: () => PhrasingContent
}

export type Operation = WrapOperation | PointOperation

/** Apply `operations` (already validated to lie within single segments) to the tree behind `index`. */
export function splice(index: TextIndex, operations: Operation[]): void {
  const bySegment = new Map<Segment, Operation[]>()
  for (const operation of operations) {
    const segment = operation.type === 'wrap' ? index.segmentAt(operation.start) : index.segmentAt(operation.at, true)
    if (!segment) continue
    let list = bySegment.get(segment)
    if (!list) {
      list = []
      bySegment.set(segment, list)
    }
    list.push(operation)
  }
  for (const [segment, list] of bySegment) {
    const pieces = build(index, segment, segment.start, segment.end, list)
    const children = segment.parent.children as PhrasingContent[]
    const at = children.indexOf(segment.node)
    if (at !== -1) children.splice(at, 1, ...pieces)
  }
}

function build(index: TextIndex, segment: Segment, from: number, to: number, operations: Operation[]): PhrasingContent[] {
  const wraps = operations
    .filter((operation): operation is WrapOperation => operation.type === 'wrap')
    .sort((a, b) => a.start - b.start || b.end - a.end || b.rank - a.rank)
  const points = operations.filter((operation): operation is PointOperation => operation.type === 'point')

  // Top-level wraps: those not inside an earlier one. Inner ones go down with their parent.
  const top: Array<{wrap: WrapOperation; inner: Operation[]}> = []
  for (const wrap of wraps) {
    const parent = top.at(-1)
    if (parent && wrap.start < parent.wrap.end) {
      if (wrap.end <= parent.wrap.end) parent.inner.push(wrap)
      else wrap.onConflict(parent.wrap)
      continue
    }
    top.push({wrap, inner: []})
  }
  for (const point of points) {
    const parent = top.find(({wrap}) => point.at > wrap.start && point.at < wrap.end)
    if (parent) parent.inner.push(point)
  }

  const out: PhrasingContent[] = []
  let cursor = from
  const emitPoints = (upTo: number, inclusive: boolean): void => {
    for (const point of points) {
      if (point.at >= cursor && (inclusive ? point.at <= upTo : point.at < upTo) && !top.some(({inner}) => inner.includes(point))) {
        pushText(out, index, segment, cursor, point.at)
        cursor = point.at
        out.push(point.make())
      }
    }
  }
  points.sort((a, b) => a.at - b.at)
  for (const {wrap, inner} of top) {
    emitPoints(wrap.start, true)
    pushText(out, index, segment, cursor, wrap.start)
    const text = segment.node.value.slice(wrap.start - segment.start, wrap.end - segment.start)
    const children = wrap.leaf ? [] : build(index, segment, wrap.start, wrap.end, inner)
    out.push(wrap.make(children, text))
    cursor = wrap.end
  }
  emitPoints(to, true)
  pushText(out, index, segment, cursor, to)
  return out
}

function pushText(out: PhrasingContent[], index: TextIndex, segment: Segment, from: number, to: number): void {
  if (to <= from) return
  const node: Text = {type: 'text', value: segment.node.value.slice(from - segment.start, to - segment.start)}
  const position = positionOf(index, segment, from, to)
  if (position) node.position = position
  out.push(node)
}

/** Where a piece of a text node is in the file (offsets too, when the node has them). */
function positionOf(index: TextIndex, segment: Segment, from: number, to: number): Position | undefined {
  const start = segment.node.position?.start
  if (!start) return undefined
  const startPoint = index.pointAt(from)
  const endPoint = index.pointAt(to)
  if (start.offset !== undefined) {
    startPoint.offset = start.offset + (from - segment.start)
    endPoint.offset = start.offset + (to - segment.start)
  }
  return {start: startPoint, end: endPoint}
}
