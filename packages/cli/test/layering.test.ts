import assert from 'node:assert/strict'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import {ESLint} from 'eslint'

// The package layering is enforced by ESLint (eslint.config.js at the root, run by `pnpm lint`);
// these cases prove its rules bite, on snippets that exist only in memory.
const root = fileURLToPath(new URL('../../../', import.meta.url))
const eslint = new ESLint({cwd: root})

/** The rule id and message of each problem ESLint finds in `code` as if it were the file at `filePath`. */
async function lint(filePath: string, code: string): Promise<Array<{ruleId: string | null; message: string}>> {
  const [result] = await eslint.lintText(code, {filePath})
  assert.ok(result, `no lint result for ${filePath}`)
  return result.messages.map(({ruleId, message}) => ({ruleId, message}))
}

test('an adapter may not import another adapter', async () => {
  assert.deepEqual(await lint('packages/pdf/src/lib/x.ts', "import {toHtml} from '@samizdat/html'\nexport const y = toHtml\n"), [
    {
      ruleId: 'no-restricted-imports',
      message: "'@samizdat/html' import is restricted from being used by a pattern. packages/pdf may import only @samizdat/model."
    }
  ])
  assert.deepEqual(await lint('packages/html/src/x.ts', "export {toEpub} from '@samizdat/epub'\n"), [
    {
      ruleId: 'no-restricted-imports',
      message: "'@samizdat/epub' import is restricted from being used by a pattern. packages/html may import only @samizdat/model."
    }
  ])
})

test('the model imports no other package, not even dynamically or by a relative path', async () => {
  assert.deepEqual(await lint('packages/model/src/x.ts', "export const html = await import('@samizdat/html')\n"), [
    {ruleId: 'no-restricted-syntax', message: 'packages/model may not import @samizdat/html.'}
  ])
  assert.deepEqual(await lint('packages/model/src/lib/x.ts', "export {toPdf} from '../../../pdf/src/index.js'\n"), [
    {
      ruleId: 'no-restricted-imports',
      message:
        "'../../../pdf/src/index.js' import is restricted from being used by a pattern. Import another package by its name (@samizdat/…), never by a relative path into it."
    }
  ])
})

test('only the CLI writes files; everyone may read', async () => {
  const writes = "import {readFile, writeFile} from 'node:fs/promises'\nexport const io = [readFile, writeFile]\n"
  assert.deepEqual(await lint('packages/epub/src/lib/x.ts', writes), [
    {
      ruleId: 'no-restricted-imports',
      message: "'writeFile' import from 'node:fs/promises' is restricted. Only the CLI writes files: adapters and the model return bytes."
    }
  ])
  const namespace = await lint('packages/model/src/x.ts', "import * as fs from 'node:fs'\nexport const io = fs\n")
  assert.deepEqual(
    namespace.map((problem) => problem.ruleId),
    ['no-restricted-imports']
  )
  assert.deepEqual(await lint('packages/model/src/x.ts', "export const fs = await import('node:fs/promises')\n"), [
    {ruleId: 'no-restricted-syntax', message: 'packages/model may not import node:fs/promises.'}
  ])
  assert.deepEqual(await lint('packages/epub/src/lib/x.ts', "import {readFileSync} from 'node:fs'\nexport const io = readFileSync\n"), [])
  assert.deepEqual(await lint('packages/cli/src/lib/x.ts', writes), [])
})

test('the CLI may import every package', async () => {
  const code = ['model', 'html', 'epub', 'pdf'].map((name, index) => `import * as p${index} from '@samizdat/${name}'`).join('\n')
  assert.deepEqual(await lint('packages/cli/src/x.ts', `${code}\nexport const all = [p0, p1, p2, p3]\n`), [])
})
