/**
 * YAML with positions: parse with `yaml`, report syntax errors as vfile
 * messages, and map a data path back to a place in the file so schema
 * errors can point at the offending value. Plain `key: words` front matter
 * is read without loading `yaml` (plain-yaml.ts), to the same value and places.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {Document, LineCounter} from 'yaml'
import {yamlLibrary} from '../lazy.js'
import {fail} from '../message.js'
import {plainYaml, type PlainYaml} from './plain-yaml.js'
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
    const {LineCounter, parseDocument} = yamlLibrary()
    const lineCounter = new LineCounter()
    entry = {doc: parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true}), lineCounter}
    if (text.length > cachedLength) return entry
  }
  parsed.set(text, entry)
  if (parsed.size > cachedCount) parsed.delete(parsed.keys().next().value as string)
  return entry
}

export function parseYaml(file: VFile, text: string, origin: Point = {line: 1, column: 1, offset: 0}): YamlResult {
  const plain = plainYaml(text)
  return plain ? plainResult(file, plain, text, origin) : parsedResult(file, text, origin)
}

/** The place of each offset of a text that starts at `origin`, given where its lines start (`LineCounter.linePos`). */
function spanIn(linePos: LineCounter['linePos'], origin: Point): (range: readonly number[] | null | undefined) => Position {
  const point = (offset: number): Point => {
    const {line, col} = linePos(offset)
    return {
      line: origin.line + line - 1,
      column: line === 1 ? origin.column + col - 1 : col,
      offset: (origin.offset ?? 0) + offset
    }
  }
  return (range) => {
    const start = range?.[0] ?? 0
    const end = range?.[1] ?? start
    return {start: point(start), end: point(end)}
  }
}

/** `key: words` lines, answered as `parsedResult` would answer them: a path finds its first key's value, else the mapping. */
function plainResult(file: VFile, plain: PlainYaml, text: string, origin: Point): YamlResult {
  // Where `yaml`'s lexer would say lines start: offset 0, and after each line feed (the text holds no CR).
  const lineStarts = [0]
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1)
  const span = spanIn((offset) => linePos(lineStarts, offset), origin)
  const pairAt = (path: ReadonlyArray<string | number>) => (typeof path[0] === 'string' ? plain.pairs.get(path[0]) : undefined)
  const locate = (path: ReadonlyArray<string | number>): Position => span(pairAt(path)?.value ?? plain.range)
  return {
    value: cleanData(plain.value, file, locate),
    locate,
    locateKey: (path, key) => (path.length === 0 && plain.pairs.has(key) ? span(plain.pairs.get(key)?.key) : locate(path))
  }
}

/** `LineCounter.linePos` of the `yaml` library, on line starts found here. */
function linePos(lineStarts: readonly number[], offset: number): {line: number; col: number} {
  let low = 0
  let high = lineStarts.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((lineStarts[mid] as number) < offset) low = mid + 1
    else high = mid
  }
  if (lineStarts[low] === offset) return {line: low + 1, col: 1}
  if (low === 0) return {line: 0, col: offset}
  return {line: low, col: offset - (lineStarts[low - 1] as number) + 1}
}

/** `parseYaml` by the `yaml` library, whatever the text (exported for the test that compares it with plain-yaml.ts). */
export function parsedResult(file: VFile, text: string, origin: Point): YamlResult {
  const {isAlias, isMap, isNode, isScalar, visit} = yamlLibrary()
  let doc: Document
  let lineCounter: LineCounter
  try {
    ;({doc, lineCounter} = parsedDocument(text))
  } catch (error) {
    // The parser recurses: pathological nesting can exhaust the stack.
    fail(file, `Invalid YAML: ${error instanceof RangeError ? 'nested too deeply' : (error as Error).message}`, origin, 'yaml-invalid')
    return {value: undefined, locate: () => ({start: origin, end: origin}), locateKey: () => ({start: origin, end: origin})}
  }

  const span = spanIn(lineCounter.linePos, origin)

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
