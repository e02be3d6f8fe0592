/**
 * The bytes depend on neither the time zone nor the locale: the same
 * edition built under `TZ=UTC LANG=C`, `TZ=Pacific/Chatham
 * LANG=tr_TR.UTF-8` and `TZ=America/Los_Angeles LANG=cs_CZ.UTF-8` is
 * byte-identical. (pdfkit sorted named destinations with `localeCompare`
 * in the process's locale; the PDF wants byte order.)
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import {compareKeys} from '../src/lib/pdfkit.js'
import {ids} from './fixtures/locale-build.js'
import {hasTool, outputDir, pdfObjects, root} from './helpers.js'

const child = fileURLToPath(new URL('fixtures/locale-build.ts', import.meta.url))

const environments: Array<Record<string, string>> = [
  {TZ: 'UTC', LANG: 'C', LC_ALL: 'C'},
  {TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8'},
  {TZ: 'America/Los_Angeles', LANG: 'cs_CZ.UTF-8', LC_ALL: 'cs_CZ.UTF-8'}
]

function build(environment: Record<string, string>, index: number): string {
  mkdirSync(outputDir, {recursive: true})
  const out = join(outputDir, `locale-${index}.pdf`)
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', child, out], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: {...process.env, ...environment}
  })
  assert.equal(result.status, 0, result.stderr)
  return out
}

test('byte-identical across time zones and locales', () => {
  const pdfs = environments.map((environment, index) => build(environment, index))
  const hashes = pdfs.map((pdf) => createHash('sha256').update(readFileSync(pdf)).digest('hex'))
  assert.deepEqual(
    hashes,
    hashes.map(() => hashes[0]),
    environments.map((environment, index) => `${environment['LANG']}: ${hashes[index]}`).join('\n')
  )
})

test("named destinations are in byte order, as the PDF asks, not in a locale's", (t) => {
  if (!hasTool(t, 'qpdf')) return
  const objects = pdfObjects(build(environments[2] as Record<string, string>, 2))
  const keys: string[] = []
  // The destinations' name tree, wherever it sits (pdfkit writes it inline, in one leaf).
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return
    const names = (value as Record<string, unknown>)['/Names']
    if (Array.isArray(names)) for (let index = 0; index < names.length; index += 2) keys.push(String(names[index]).replace(/^u:/, ''))
    for (const child of Object.values(value)) walk(child)
  }
  walk(objects)
  for (const id of ids) assert.ok(keys.includes(id), `${id} is a destination`)
  assert.deepEqual(keys, [...keys].sort(compareKeys))
  // Byte order: capitals before small letters, ASCII before the rest; `ch` before `d`.
  assert.ok(keys.indexOf('B') < keys.indexOf('a') && keys.indexOf('ch') < keys.indexOf('d') && keys.indexOf('z') < keys.indexOf('é'))
})
