/**
 * Characters no XML 1.0 document may hold (C0 controls but tab, line feed and
 * carriage return; U+FFFE, U+FFFF; lone surrogates), and DEL and the C1
 * controls, which XML allows but which are never text: removed from every
 * string the model loads, with a positioned warning, so that every output is
 * well-formed whatever the input. Removed from parsed values (node values,
 * YAML data), never from the file's text, so positions stay right.
 */
import type {Nodes, Root} from 'mdast'
import type {VFile} from 'vfile'
import {warn, type Place} from '../message.js'

// In `u` mode `\p{Cs}` matches only a surrogate that is not half of a pair. Noncharacters (U+FFFE, U+FFFF, U+FDD0…)
// are not text either, and HTML calls them parse errors.
const invalid = /[\0-\x08\v\f\x0E-\x1F\x7F-\x9F\p{Cs}\p{Noncharacter_Code_Point}]/gu

/**
 * `text` without any character no output may carry. The one definition of that set: the model removes them
 * from sources with a message, and every serialiser drops any that slips through (none is part of markup, so
 * dropping it from serialised text cannot change its structure).
 */
export function removeNonXml(text: string): string {
  return text.replace(invalid, '')
}

/** `value` without the characters; `found` lists them (as U+XXXX), empty when there were none. */
function withoutInvalidChars(value: string): {value: string; found: string[]} {
  const found: string[] = []
  const cleaned = value.replace(invalid, (char) => {
    const code = 'U+' + (char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')
    if (!found.includes(code)) found.push(code)
    return ''
  })
  return {value: cleaned, found}
}

function report(file: VFile, found: string[], where: string, place: Place): void {
  warn(file, `Removed ${found.join(', ')} from ${where}: control characters and non-characters are not text, and XML cannot hold them`, place, 'char-invalid')
}

/** Clean one string, warning at `place`. */
function cleanString(value: string, file: VFile, where: string, place: Place): string {
  if (!hasInvalid(value)) return value
  const result = withoutInvalidChars(value)
  report(file, result.found, where, place)
  return result.value
}

function hasInvalid(value: string): boolean {
  invalid.lastIndex = 0
  const hit = invalid.test(value)
  invalid.lastIndex = 0
  return hit
}

/** Clean every string of every node of a tree (values, urls, titles, alts, labels…), warning at the node. */
export function cleanTree(tree: Root, file: VFile): void {
  const stack: Nodes[] = [tree]
  // Iterative: a tree may be deeper than the call stack.
  while (stack.length > 0) {
    const node = stack.pop() as Nodes
    // Front matter is YAML: cleaned as data once parsed (`cleanData`), its text left for positions.
    if (node.type === 'yaml') continue
    const record = node as unknown as Record<string, unknown>
    for (const key of Object.keys(record)) {
      const value = record[key]
      if (typeof value === 'string' && key !== 'type' && hasInvalid(value)) {
        record[key] = cleanString(value, file, `the ${key === 'value' ? '' : key + ' of the '}${node.type}`, node.position)
      }
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes)
  }
}

/**
 * Clean every string (and key) in parsed YAML data; `locate` gives the place
 * of a value by its path.
 */
export function cleanData(data: unknown, file: VFile, locate: (path: ReadonlyArray<string | number>) => Place): unknown {
  const walk = (value: unknown, path: Array<string | number>): unknown => {
    if (typeof value === 'string') return hasInvalid(value) ? cleanString(value, file, `the value at \`${path.join('.') || '(root)'}\``, locate(path)) : value
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, index]))
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const out: Record<string, unknown> = {}
      for (const [key, item] of Object.entries(value)) {
        const cleanKey = hasInvalid(key) ? cleanString(key, file, `the key at \`${[...path, key].join('.')}\``, locate(path)) : key
        // defineProperty: a key `__proto__` stays a plain key.
        Object.defineProperty(out, cleanKey, {value: walk(item, [...path, key]), enumerable: true, writable: true, configurable: true})
      }
      return out
    }
    return value
  }
  return walk(data, [])
}
