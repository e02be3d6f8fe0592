/**
 * The commonest YAML of a corpus, front matter of `key: words` lines (`title: One paragraph`), read without the
 * `yaml` library: some seventy CommonJS modules, a tenth of a small build's start-up. It gives what `yaml` gives
 * for such a text: the same value, and the same ranges for its mapping, keys and values (yaml.ts turns them into
 * places). Anything else is left to `yaml` (`undefined`): a blank line, a comment, CR, indentation, quotes, a colon,
 * `#` or any other sign in a value, a key or value YAML could read as a boolean or null, a repeated key.
 */

/** A key and its value as `yaml` ranges them: `[start, end]` offsets in the text. */
interface PlainPair {
  key: readonly [number, number]
  value: readonly [number, number]
}

export interface PlainYaml {
  value: Record<string, string>
  pairs: ReadonlyMap<string, PlainPair>
  /** The mapping's range: from the first key to the end of the text. */
  range: readonly [number, number]
}

/** A key, `: `, and a plain one-line scalar of letters, digits, spaces, `,`, `.` and `-` that starts with a letter and ends with no space. */
const pairLine = /^([A-Za-z][\w-]*): ([A-Za-z](?:[A-Za-z0-9 ,.-]*[A-Za-z0-9,.-])?)$/

/** What YAML's core schema reads as a boolean or null (any case, to be safe: such a text goes to `yaml`). */
const keyword = /^(?:true|false|null)$/i

export function plainYaml(text: string): PlainYaml | undefined {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text
  if (body === '') return undefined
  const value: Record<string, string> = {}
  const pairs = new Map<string, PlainPair>()
  let offset = 0
  for (const line of body.split('\n')) {
    const match = pairLine.exec(line)
    if (!match) return undefined
    const [, key = '', scalar = ''] = match
    if (keyword.test(key) || keyword.test(scalar) || pairs.has(key)) return undefined
    value[key] = scalar
    const valueStart = offset + key.length + 2
    pairs.set(key, {key: [offset, offset + key.length], value: [valueStart, valueStart + scalar.length]})
    offset += line.length + 1
  }
  return {value, pairs, range: [0, text.length]}
}
