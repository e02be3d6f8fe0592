/**
 * YAML with positions: parse with `yaml`, report syntax errors as vfile
 * messages, and map a data path back to a place in the file so schema
 * errors can point at the offending value.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {LineCounter, isAlias, isMap, isNode, isScalar, parseDocument, visit, type Document} from 'yaml'
import {fail} from '../message.js'
import {cleanData} from './xml-chars.js'

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
/** Aliases a document may expand: enough for any real use, far too few for a "billion laughs". */
const maxAliasCount = 50

/**
 * Documents parsed lately, by their text: a process that loads a corpus again (watch mode; tests that load
 * thousands of variants of one corpus) parses only the YAML that changed. A parsed document is only read below
 * (its errors, `toJS`, `getIn`, its ranges), never changed. Small texts only (front matter, an edition), and a few.
 */
const parsed = new Map<string, {doc: Document; lineCounter: LineCounter}>()
const cachedLength = 16 * 1024
const cachedCount = 64

function parsedDocument(text: string): {doc: Document; lineCounter: LineCounter} {
  let entry = parsed.get(text)
  if (entry !== undefined) {
    // The most recently used last: the first is the one to drop.
    parsed.delete(text)
  } else {
    const lineCounter = new LineCounter()
    entry = {doc: parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true}), lineCounter}
    if (text.length > cachedLength) return entry
  }
  parsed.set(text, entry)
  if (parsed.size > cachedCount) parsed.delete(parsed.keys().next().value as string)
  return entry
}

export function parseYaml(file: VFile, text: string, origin: Point = {line: 1, column: 1, offset: 0}): YamlResult {
  let doc: Document
  let lineCounter: LineCounter
  try {
    ;({doc, lineCounter} = parsedDocument(text))
  } catch (error) {
    // The parser recurses: pathological nesting can exhaust the stack.
    fail(file, `Invalid YAML: ${error instanceof RangeError ? 'nested too deeply' : (error as Error).message}`, origin, 'yaml-invalid')
    return {value: undefined, locate: () => ({start: origin, end: origin}), locateKey: () => ({start: origin, end: origin})}
  }

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

  // Warnings (an unknown tag such as `!!js/function`) would silently change a value: they are errors too.
  for (const error of [...doc.errors, ...doc.warnings]) {
    fail(file, `Invalid YAML: ${error.message.split('\n')[0]}`, span(error.pos), 'yaml-invalid')
  }

  let value: unknown
  if (doc.errors.length === 0 && doc.warnings.length === 0) {
    try {
      value = doc.toJS({maxAliasCount})
    } catch (error) {
      // An alias without its anchor, or too many aliases expanded: reported at the first alias.
      let place = doc.contents?.range
      visit(doc, {
        Alias(_, node) {
          if (isAlias(node)) place = node.range
          return visit.BREAK
        }
      })
      const reason = /Excessive alias count/.test((error as Error).message)
        ? `too many aliases (at most ${maxAliasCount} expansions)`
        : (error as Error).message
      fail(file, `Invalid YAML: ${reason}`, span(place), 'yaml-invalid')
    }
  }

  const locate = (path: ReadonlyArray<string | number>): Position => {
    for (let length = path.length; length >= 0; length--) {
      const node = doc.getIn(path.slice(0, length), true)
      if (isNode(node)) return span(node.range)
    }
    return span(doc.contents?.range)
  }
  if (value !== undefined) value = cleanData(value, file, locate)

  return {
    value,
    locate,
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
