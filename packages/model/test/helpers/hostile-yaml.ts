/**
 * The hostile-YAML cases, shared by `hostile-yaml.test.ts` (works and
 * editions) and `hostile-yaml-apparatus.test.ts` (the apparatus files): two
 * files so the runner runs the two halves side by side. Each file gets its
 * own scratch corpus.
 */
import assert from 'node:assert/strict'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {checkFidelity, hasErrors, loadCorpus, resolveEdition, toApparatusJson, UsageError} from '@samizdat/model'
import {messages, scratch, writeTree} from './corpus.js'
import {baseCorpus, fieldPaths, otherFiles, payloads, render} from './hostile.js'

/** Register the base-corpus test and one test per document of the base corpus that `pick` keeps. */
export function hostileYamlTests(pick: (path: string) => boolean): void {
  let tmp: {dir: string; cleanup: () => Promise<void>}
  const base = baseCorpus()
  before(async () => {
    tmp = await scratch('hostile')
    await writeTree(tmp.dir, {...otherFiles, ...Object.fromEntries(Object.entries(base).map(([path, doc]) => [path, render(doc)]))})
  })
  after(() => tmp.cleanup())

  /**
   * Load, check and resolve everything; returns the messages, or throws what the model threw.
   * When loading rejects the hostile value (an error on `mutated`), the loaders have dropped it
   * (the entry, the file), so checking and resolving would see no hostile value: skipped, to keep the test quick.
   */
  async function run(mutated?: string): Promise<{lines: string[]; fatal: boolean; unpositioned: string[]}> {
    const corpus = await loadCorpus(tmp.dir, {cwd: tmp.dir})
    const rejected = corpus.files.some((file) => file.path === mutated && file.messages.some((message) => message.fatal))
    if (!rejected) {
      // What `checkCorpus` does (fidelity, then every edition resolved), and the apparatus as JSON.
      await checkFidelity(corpus)
      for (const edition of corpus.editions) toApparatusJson(resolveEdition(corpus, edition.id))
    }
    const unpositioned = corpus.files.flatMap((file) =>
      file.messages.filter((message) => message.line === undefined).map((message) => `${file.path}: ${message.reason}`)
    )
    return {lines: messages(corpus.files), fatal: hasErrors(corpus.files), unpositioned}
  }

  test('the base corpus, which uses every field, is clean', async () => {
    const result = await run()
    assert.deepEqual(result.lines, [])
  })

  for (const [path, doc] of Object.entries(base).filter(([path]) => pick(path))) {
    test(`hostile values in every field of ${path}`, async () => {
      const failures: string[] = []
      for (const field of distinctFields(doc.data)) {
        for (const [name, payload] of payloads()) {
          await writeFile(join(tmp.dir, path), render(doc, field, payload))
          try {
            const result = await run(path)
            if (result.unpositioned.length > 0)
              failures.push(`${field.join('.')} = ${name}: messages without a position: ${short(result.unpositioned.join('; '))}`)
          } catch (error) {
            if (error instanceof UsageError) continue
            failures.push(`${field.join('.')} = ${name}: threw ${short((error as Error).stack?.split('\n').slice(0, 3).join(' | '))}`)
          }
        }
      }
      await writeFile(join(tmp.dir, path), render(doc))
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
