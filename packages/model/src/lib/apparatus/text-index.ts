/**
 * The text annotations anchor on: a work's plain text as written in its file
 * (before typography), leaf blocks separated by a blank line, and a map from
 * each offset back to the mdast text node it came from.
 */
import type {Nodes, Parent, Root, Text} from 'mdast'
import type {Point} from 'unist'

export interface Segment {
  node: Text
  parent: Parent
  /** Offset of the node's first character in the index text. */
  start: number
  end: number
  /** Index of the leaf block the node is in. */
  block: number
}

export class TextIndex {
  readonly text: string
  readonly segments: Segment[]

  constructor(tree: Root) {
    const parts: string[] = []
    const segments: Segment[] = []
    let offset = 0
    let block = -1
    const push = (value: string): void => {
      parts.push(value)
      offset += value.length
    }
    const inline = (node: Nodes, parent: Parent): void => {
      switch (node.type) {
        case 'text':
          segments.push({node, parent, start: offset, end: offset + node.value.length, block})
          push(node.value)
          return
        case 'inlineCode':
          push(node.value)
          return
        case 'break':
          push('\n')
          return
        case 'image':
          push(node.alt ?? '')
          return
        default:
      }
      if ('children' in node) for (const child of node.children) inline(child as Nodes, node)
    }
    const walk = (node: Nodes): void => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'code') {
        if (block >= 0) push('\n\n')
        block++
        if (node.type === 'code') push(node.value)
        else for (const child of node.children) inline(child as Nodes, node)
        return
      }
      if ('children' in node) for (const child of node.children) walk(child as Nodes)
    }
    walk(tree)
    this.text = parts.join('')
    this.segments = segments
  }

  /** The segment holding offset `at` (`end`-inclusive when `atEnd`, for points after a run). */
  segmentAt(at: number, atEnd = false): Segment | undefined {
    let low = 0
    let high = this.segments.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const segment = this.segments[middle]
      if (!segment) return undefined
      if (atEnd ? at <= segment.start : at < segment.start) high = middle - 1
      else if (atEnd ? at > segment.end : at >= segment.end) low = middle + 1
      else return segment
    }
    return undefined
  }

  /** Line and column in the work file of offset `at`. */
  pointAt(at: number): Point {
    const segment = this.segmentAt(at) ?? this.segmentAt(at, true)
    const start = segment?.node.position?.start
    if (!segment || !start) return {line: 1, column: 1}
    const before = segment.node.value.slice(0, at - segment.start)
    const newline = before.lastIndexOf('\n')
    if (newline === -1) return {line: start.line, column: start.column + before.length}
    return {line: start.line + before.split('\n').length - 1, column: before.length - newline}
  }
}
