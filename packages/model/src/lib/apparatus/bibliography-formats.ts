/**
 * A bibliography in another format than `bibliography.yaml`, read into the
 * same shape (`{items}` with positions) so it is checked the same way:
 * - `bibliography.json`: CSL-JSON, an array of items (or `{items: […]}`),
 *   parsed by the YAML parser (JSON is YAML 1.2) for positions;
 * - `bibliography.bib`: BibTeX or BibLaTeX, read by `@citation-js/plugin-bibtex`.
 * A key that is no usable element id (`Brinton1970`, `doe:99`) stays the
 * citation key (`citation-key`, what `[@key]` names) and the item gets a
 * slug of it as its `id`.
 */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {citationJs} from '../citations/library.js'
import {fail} from '../message.js'
import {parseYaml, type YamlResult} from '../load/yaml.js'

const usableId = /^[a-z0-9][a-z0-9-]*$/

export function readOtherBibliography(file: VFile): YamlResult | undefined {
  return file.extname === '.bib' ? readBibtex(file) : readCslJson(file)
}

function readCslJson(file: VFile): YamlResult | undefined {
  const yaml = parseYaml(file, String(file.value))
  if (yaml.value === undefined) return undefined
  if (!Array.isArray(yaml.value)) return yaml
  const inside = (path: ReadonlyArray<string | number>): ReadonlyArray<string | number> => (path[0] === 'items' ? path.slice(1) : path)
  const items = yaml.value.map((item: unknown) => withUsableId(item))
  return {value: {items}, locate: (path) => yaml.locate(inside(path)), locateKey: (path, key) => yaml.locateKey(inside(path), key)}
}

function readBibtex(file: VFile): YamlResult | undefined {
  const text = String(file.value)
  let entries: unknown
  try {
    entries = citationJs().plugins.input.chain(text, {forceType: '@biblatex/text', generateGraph: false})
  } catch (error) {
    fail(file, `BibTeX could not be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, {line: 1, column: 1}, 'yaml-invalid')
    return undefined
  }
  if (!Array.isArray(entries)) return undefined
  const place = location(file)
  const whole: Position = {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
  const positions = entries.map((entry: {id?: unknown}) => {
    const key = String(entry.id ?? '')
    const at = text.search(new RegExp(String.raw`@\w+\s*[{(]\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\s*,`))
    const start = at === -1 ? undefined : place.toPoint(at)
    return start ? {start, end: start} : whole
  })
  const items = entries.map((entry: unknown) => withUsableId(entry))
  const locate = (path: ReadonlyArray<string | number>): Position =>
    path[0] === 'items' && typeof path[1] === 'number' ? (positions[path[1]] ?? whole) : whole
  return {value: {items}, locate, locateKey: (path) => locate(path)}
}

/** Keep a key that is no element id as `citation-key`, and give the item its slug as `id`. */
function withUsableId(item: unknown): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return item
  const record = {...(item as Record<string, unknown>)}
  const id = record['id']
  if (typeof id !== 'string' && typeof id !== 'number') return record
  const key = String(id)
  if (record['citation-key'] === undefined) record['citation-key'] = key
  if (!usableId.test(key))
    record['id'] =
      key
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'item'
  return record
}
