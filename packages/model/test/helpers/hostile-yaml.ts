/**
 * The hostile-YAML cases, shared by `hostile-yaml.test.ts` (works and
 * editions) and `hostile-yaml-apparatus.test.ts` (the apparatus files): two
 * files so the runner runs the two halves side by side. A field that names a
 * file is tested on disk (each file gets its own scratch corpus): what a
 * hostile path there meets is the disk's sandbox. Every other field is loaded
 * from memory (`corpusFromFiles`: the same loading code, a fifth less CPU a load).
 */
import assert from 'node:assert/strict'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import type {VFileMessage} from 'vfile-message'
import {checkFidelity, corpusFromFiles, hasErrors, loadCorpus, resolveEdition, toApparatusJson, UsageError, type Corpus} from '@samizdat/model'
import {messages, reported, scratch, writeTree} from './corpus.js'
import {baseCorpus, fieldPaths, otherFiles, parseCache, payloads, render} from './hostile.js'

/** Keys whose value names a file of the corpus (`source.file`, an edition's `preface`, the manifest's `file`). */
const fileKeys = new Set(['file', 'preface'])

/**
 * Payloads the YAML parser refuses wherever they stand (the whole file is a `yaml-invalid` error before any field is
 * read): tried on the first and the deepest field of each document, not on every field. The test fails if one of them
 * is ever accepted, so that it goes back to every field.
 */
const refusedByYaml = new Set(['deep nesting', 'alias bomb', 'undefined alias', 'unknown tag'])

interface Outcome {
  lines: string[]
  fatal: boolean
  unpositioned: string[]
  /** Loading put an error on the mutated file (the loaders dropped the hostile value). */
  rejected: boolean
  /** That error came from the YAML parser. */
  yamlInvalid: boolean
}

/** Register the base-corpus test and one test per document of the base corpus that `pick` keeps. */
export function hostileYamlTests(pick: (path: string) => boolean): void {
  let tmp: {dir: string; cleanup: () => Promise<void>}
  const base = baseCorpus()
  const files: Record<string, string> = {...otherFiles, ...Object.fromEntries(Object.entries(base).map(([path, doc]) => [path, render(doc)]))}
  before(async () => {
    tmp = await scratch('hostile')
    await writeTree(tmp.dir, files)
  })
  after(() => tmp.cleanup())

  /** Load the corpus with `text` in place of `path`, from the disk or from memory; the disk is put back after. */
  async function load(path: string, text: string, onDisk: boolean): Promise<Corpus> {
    if (!onDisk) return corpusFromFiles({...files, [path]: text}, {parseCache})
    await writeFile(join(tmp.dir, path), text)
    try {
      return await loadCorpus(tmp.dir, {cwd: tmp.dir, parseCache})
    } finally {
      await writeFile(join(tmp.dir, path), files[path] as string)
    }
  }

  /**
   * Check and resolve everything; returns the messages, or throws what the model threw.
   * When loading rejected the hostile value (an error on `mutated`), the loaders have dropped it
   * (the entry, the file), so checking and resolving would see no hostile value: skipped, to keep the test quick.
   */
  async function check(corpus: Corpus, mutated?: string): Promise<Outcome> {
    const errors = corpus.files.find((file) => file.path === mutated)?.messages.filter((message) => message.fatal) ?? []
    const rejected = errors.length > 0
    // What resolving said: it comes back with each edition, the corpus's files untouched.
    const resolved: VFileMessage[] = []
    if (!rejected) {
      // What `checkCorpus` does (fidelity, then every edition resolved), and the apparatus as JSON.
      await checkFidelity(corpus)
      for (const spec of corpus.editions) {
        const edition = resolveEdition(corpus, spec.id)
        resolved.push(...edition.messages)
        toApparatusJson(edition)
      }
    }
    const unpositioned = [
      ...corpus.files.flatMap((file) => file.messages.filter((message) => message.line === undefined).map((message) => `${file.path}: ${message.reason}`)),
      ...resolved.filter((message) => message.line === undefined).map((message) => `${message.file}: ${message.reason}`)
    ]
    const yamlInvalid = errors.some((message) => message.ruleId === 'yaml-invalid')
    return {
      lines: [...messages(corpus.files), ...reported({messages: resolved})],
      fatal: hasErrors(corpus.files) || resolved.some((message) => message.fatal === true),
      unpositioned,
      rejected,
      yamlInvalid
    }
  }

  test('the base corpus, which uses every field, is clean (from memory and from the disk)', async () => {
    assert.deepEqual((await check(await corpusFromFiles(files))).lines, [])
    assert.deepEqual((await check(await loadCorpus(tmp.dir, {cwd: tmp.dir}))).lines, [])
  })

  for (const [path, doc] of Object.entries(base).filter(([path]) => pick(path))) {
    test(`hostile values in every field of ${path}`, async () => {
      const failures: string[] = []
      const fields = distinctFields(doc.data)
      const deepest = fields.reduce((a, b) => (b.length > a.length ? b : a))
      for (const field of fields) {
        // On disk when the field names a file or holds one that does (`source`, `sources.0`).
        const onDisk = fieldPaths(doc.data)
          .filter((other) => field.every((part, index) => other[index] === part))
          .some((other) => fileKeys.has(String(other.at(-1))))
        let longIdRejected = false
        for (const [name, payload] of payloads()) {
          if (refusedByYaml.has(name) && field !== fields[0] && field !== deepest) continue
          // A 5000-character string refused at load here (by a length limit, a pattern, a type): the 1 MB string
          // meets the same check, and only costs more. Still tried on the first field, where the 1 MB scalar is parsed.
          if (name === '1 MB string' && longIdRejected && field !== fields[0]) continue
          try {
            const result = await check(await load(path, render(doc, field, payload), onDisk), path)
            if (name === 'long id') longIdRejected = result.rejected
            if (refusedByYaml.has(name) && !result.yamlInvalid)
              failures.push(`${field.join('.')} = ${name}: not refused by the YAML parser; try it on every field (refusedByYaml)`)
            if (result.unpositioned.length > 0)
              failures.push(`${field.join('.')} = ${name}: messages without a position: ${short(result.unpositioned.join('; '))}`)
          } catch (error) {
            if (error instanceof UsageError) continue
            failures.push(`${field.join('.')} = ${name}: threw ${short((error as Error).stack?.split('\n').slice(0, 3).join(' | '))}`)
          }
        }
      }
      assert.deepEqual(failures, [])
    })
  }
}

function short(text = ''): string {
  return text.replace(/(.)\1{20,}/g, '$1$1$1…')
}

/** Every field once: the first path of each shape (list indexes left out), so six annotations test each field of each kind once. */
function distinctFields(data: Record<string, unknown>): Array<Array<string | number>> {
  const seen = new Set<string>()
  return fieldPaths(data).filter((path) => {
    const shape = path.map((part) => (typeof part === 'number' ? '[]' : part)).join('.')
    if (seen.has(shape)) return false
    seen.add(shape)
    return true
  })
}
