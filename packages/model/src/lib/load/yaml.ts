/**
 * YAML with positions: parse with `yaml`, report syntax errors as vfile
 * messages, and map a data path back to a place in the file so schema
 * errors can point at the offending value.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {LineCounter, isMap, isNode, isScalar, parseDocument, type Document} from 'yaml'
import {fail} from '../message.js'

export interface YamlResult {
  /** The parsed value (`undefined` when the text had syntax errors). */
  value: unknown
  /** Where the value at `path` is written (or its nearest existing parent). */
  locate(path: ReadonlyArray<string | number>): Position
  /** Where the key `key` of the mapping at `path` is written. */
  locateKey(path: ReadonlyArray<string | number>, key: string): Position
}

/**
 * Parse `text`, which starts at `origin` in `file` (front matter starts on
 * line 2 of a work file; a `.yaml` file at line 1).
 */
export function parseYaml(file: VFile, text: string, origin: Point = {line: 1, column: 1, offset: 0}): YamlResult {
  const lineCounter = new LineCounter()
  const doc: Document = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true})

  const point = (offset: number): Point => {
    const {line, col} = lineCounter.linePos(offset)
    return {
      line: origin.line + line - 1,
      column: line === 1 ? origin.column + col - 1 : col,
      offset: (origin.offset ?? 0) + offset
    }
  }
  const span = (range: readonly number[] | null | undefined): Position => {
    const start = range?.[0] ?? 0
    const end = range?.[1] ?? start
    return {start: point(start), end: point(end)}
  }

  for (const error of doc.errors) {
    fail(file, `Invalid YAML: ${error.message.split('\n')[0]}`, span(error.pos), 'yaml-invalid')
  }

  return {
    value: doc.errors.length > 0 ? undefined : doc.toJS(),
    locate(path) {
      for (let length = path.length; length >= 0; length--) {
        const node = doc.getIn(path.slice(0, length), true)
        if (isNode(node)) return span(node.range)
      }
      return span(doc.contents?.range)
    },
    locateKey(path, key) {
      const node = path.length === 0 ? doc.contents : doc.getIn(path, true)
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key)
        if (pair && isNode(pair.key)) return span(pair.key.range)
      }
      return this.locate(path)
    }
  }
}
