import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {after, test} from 'node:test'

// The READMEs' examples marked `<!-- test -->` run as they are written: each ```ts block is saved in a temp
// folder inside its package's test folder (so it imports the packages as a user of that package would) and run
// with tsx in a child process; a block that throws, or exits non-zero, fails the test.
const run = promisify(execFile)
const packages = fileURLToPath(new URL('../../', import.meta.url))
const temps: string[] = []
after(() => Promise.all(temps.map((dir) => rm(dir, {recursive: true, force: true}))))

/** The ```ts blocks that follow a `<!-- test -->` line (blank lines between allowed). */
function markedBlocks(markdown: string): Array<{line: number; code: string}> {
  const blocks: Array<{line: number; code: string}> = []
  for (const match of markdown.matchAll(/^<!-- test -->\n(?:[ \t]*\n)*```ts\n([\s\S]*?)^```$/gm)) {
    blocks.push({line: markdown.slice(0, match.index).split('\n').length, code: match[1] as string})
  }
  return blocks
}

test('markedBlocks finds only the marked ts blocks', () => {
  const markdown = 'a\n\n```ts\nskip()\n```\n\n<!-- test -->\n\n```ts\nrun(1)\n```\n\n<!-- test -->\n```js\nno()\n```\n'
  assert.deepEqual(markedBlocks(markdown), [{line: 7, code: 'run(1)\n'}])
})

for (const name of ['model', 'html']) {
  test(`the examples of packages/${name}/README.md run`, async () => {
    const readme = await readFile(join(packages, name, 'README.md'), 'utf8')
    const blocks = markedBlocks(readme)
    assert.ok(blocks.length > 0, `packages/${name}/README.md has examples marked \`<!-- test -->\``)
    const dir = await mkdtemp(join(packages, name, 'test', '.readme-'))
    temps.push(dir)
    const failures: string[] = []
    await Promise.all(
      blocks.map(async ({line, code}) => {
        const file = join(dir, `line-${line}.ts`)
        await writeFile(file, code)
        try {
          await run(process.execPath, ['--conditions=source', '--import', 'tsx', file], {cwd: dir, timeout: 240_000, maxBuffer: 16 * 1024 * 1024})
        } catch (error) {
          const {stderr, message} = error as {stderr?: string; message: string}
          failures.push(`README.md:${line}: ${stderr || message}`)
        }
      })
    )
    assert.deepEqual(failures, [])
  })
}
