/**
 * A loop's worker helps its main thread parse only what it has no tree of, and not a lone edited text (the main
 * thread, taking the others from memory, reaches it before a parse here would end): no work parsed twice.
 */
import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import test from 'node:test'
import {helpParse, type Trees} from '../src/lib/shared-trees.js'
import {tempDir, writeTree} from './util.js'

test("a loop's worker parses no lone edited text, and only the texts its main thread has no tree of when there are more", async () => {
  const {dir, cleanup} = await tempDir()
  try {
    const texts: Record<string, string> = {}
    for (const name of ['a', 'b', 'c', 'd']) texts[`works/${name}.md`] = `---\ntitle: ${name}\n---\n\nThe text of ${name}.\n`
    await writeTree(dir, texts)
    const hash = (text: string): string => createHash('sha256').update(text).digest('hex')
    const help = async (known: string[]): Promise<string[]> => {
      const sent: Trees = []
      await helpParse(
        dir,
        undefined,
        new Int32Array(new SharedArrayBuffer(4)),
        () => false,
        (trees) => void sent.push(...trees),
        new Set(known.map(hash))
      )
      return sent.map(([sha]) => Object.keys(texts).find((name) => hash(texts[name] as string) === sha) ?? sha)
    }
    const all = Object.values(texts)
    // One text edited: the main thread parses it.
    assert.deepEqual(await help(all.slice(0, 3)), [])
    // Two: both, from the last (the main thread has loaded nothing yet).
    assert.deepEqual(await help(all.slice(0, 2)), ['works/d.md', 'works/c.md'])
    // None known (a loop's first build): from the last, as without a loop, leaving the first to the main thread.
    assert.deepEqual(await help([]), ['works/d.md', 'works/c.md', 'works/b.md'])
  } finally {
    await cleanup()
  }
})
