import assert from 'node:assert/strict'
import {test} from 'node:test'
import {VFile} from 'vfile'
import {plainYaml} from '../src/lib/load/plain-yaml.js'
import {parsedResult, parseYaml} from '../src/lib/load/yaml.js'

// Lines plain-yaml.ts reads, and lines it must leave to `yaml` (or that make the whole text another YAML).
const lines = [
  'title: One paragraph',
  'language: en',
  'a: b',
  'x-y_z: c-d, e. f-',
  'id: A',
  'title: True',
  'b: NULL',
  'null: b',
  'a: b # c',
  'a: "q"',
  'a:  b',
  'a: b ',
  '',
  'a:',
  '- a',
  ' a: b',
  'a: 1',
  'a: b:c',
  'a: b\r',
  'a: é'
]

/** Every text of up to three of `lines`, with and without a last line feed. */
function* texts(): Generator<string> {
  for (const a of lines) {
    yield a
    for (const b of lines) {
      yield `${a}\n${b}`
      for (const c of lines) yield `${a}\n${b}\n${c}`
    }
  }
}

test('plain `key: words` YAML gets the value, places and messages the `yaml` library gives it; any other is left to `yaml`', () => {
  const origin = {line: 2, column: 1, offset: 4}
  let plain = 0
  let other = 0
  for (const body of texts()) {
    for (const text of [body, `${body}\n`]) {
      if (plainYaml(text) === undefined) {
        other++
        continue
      }
      plain++
      const [fast, slow] = [new VFile(), new VFile()]
      const read = parseYaml(fast, text, origin)
      const parsed = parsedResult(slow, text, origin)
      const at = JSON.stringify(text)
      assert.deepEqual(read.value, parsed.value, at)
      assert.deepEqual(fast.messages.map(String), slow.messages.map(String), at)
      const keys = Object.keys(parsed.value as object)
      for (const path of [[], ['missing'], [0], ...keys.map((key) => [key]), ...keys.map((key) => [key, 0, 'deeper'])]) {
        assert.deepEqual(read.locate(path), parsed.locate(path), `${at} at ${JSON.stringify(path)}`)
        for (const key of [...keys, 'missing'])
          assert.deepEqual(read.locateKey(path, key), parsed.locateKey(path, key), `${at} key ${key} at ${JSON.stringify(path)}`)
      }
    }
  }
  // Both kinds were tried, many times.
  assert.ok(plain > 100 && other > 1000, `${plain} plain, ${other} other`)
})

test('plain-yaml.ts leaves to `yaml` what YAML reads otherwise', () => {
  for (const text of ['a: true', 'a: Null', 'a: b # c', "a: 'b'", 'a: b\na: c', 'a: b\n\n', '\n', '', 'a: 1', 'a: [b]', 'a: b\r\n', '%YAML 1.1\n---\na: b'])
    assert.equal(plainYaml(text), undefined, JSON.stringify(text))
  assert.deepEqual(plainYaml('title: One paragraph\nlanguage: en\n')?.value, {title: 'One paragraph', language: 'en'})
})
