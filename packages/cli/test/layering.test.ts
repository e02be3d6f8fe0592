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

test('start-up: what `samizdat --help` loads reaches no adapter and not the model’s main entry (they load when a command runs)', async () => {
  const {readFile} = await import('node:fs/promises')
  const path = await import('node:path')
  const src = path.join(root, 'packages/cli/src')
  // Static imports only (`import type` is erased; `await import()` is the lazy path), followed through the CLI's own files.
  const seen = new Set<string>()
  const outside = new Set<string>()
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return
    seen.add(file)
    const code = await readFile(file, 'utf8')
    for (const [, specifier] of code.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
      if (specifier === undefined) continue
      if (specifier.startsWith('.')) await visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')))
      else outside.add(specifier)
    }
  }
  await visit(path.join(src, 'bin.ts'))
  assert.ok(seen.has(path.join(src, 'lib/commands/build.ts')), 'the walk reaches the commands')
  const heavy = [...outside].filter((specifier) => /^@samizdat\/(html|epub|pdf|model)$|^(pdfkit|typebox|ajv|unified|citation-js)/.test(specifier))
  assert.deepEqual(heavy, [])
})

test('start-up: a build of one paragraph to HTML loads no other adapter, no schema compiler, and no library only some corpora need', async (t) => {
  const {mkdir, mkdtemp, readFile, rm, writeFile} = await import('node:fs/promises')
  const {tmpdir} = await import('node:os')
  const path = await import('node:path')
  const {spawnSync} = await import('node:child_process')
  const {moduleBinArgs} = await import('./util.js')
  const dir = await mkdtemp(path.join(tmpdir(), 'samizdat-loads-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  await mkdir(path.join(dir, 'one'))
  await writeFile(path.join(dir, 'one', 'one.md'), '---\ntitle: One paragraph\n---\n\nA paragraph, alone.\n')
  const log = path.join(dir, 'loads.txt')
  const register = fileURLToPath(new URL('fixtures/trace-loads/register.mjs', import.meta.url))
  const child = spawnSync(
    process.execPath,
    ['--import', register, ...moduleBinArgs, 'build', 'one', '-o', path.join(dir, 'out'), '-f', 'html', '--no-cache', '--quiet'],
    {cwd: dir, encoding: 'utf8', env: {...process.env, SAMIZDAT_TRACE_LOADS: log}, timeout: 120_000}
  )
  assert.equal(child.status, 0, child.stderr)
  const loaded = (await readFile(log, 'utf8')).split('\n')
  assert.ok(loaded.some((file) => /\/packages\/html\//.test(file)) && loaded.some((file) => /\/micromark\//.test(file)), 'the trace sees what a build loads')
  // Each is loaded where a corpus needs it: the other adapters; TypeBox and Ajv's compiler (the validators are
  // precompiled; Ajv's runtime helpers may load); math, raw HTML, images, source fidelity, citations, code; GFM
  // tables and task lists (mdast-util-to-markdown); outside links
  // (fast-uri); HTML the site must parse again (rehype-raw, parse5).
  const unneeded = [
    '/packages/epub/',
    '/packages/pdf/',
    '/typebox/',
    '/ajv/dist/ajv.js',
    '/ajv/dist/core.js',
    '/temml/',
    '/hast-util-from-html/',
    '/image-size/',
    '/xast-util-from-xml/',
    '/re2js/',
    '/diff/',
    '/@citation-js/',
    '/@wooorm/starry-night/',
    '/hyphen/',
    '/katex/',
    '/remark-math/',
    '/remark-gfm/',
    '/mdast-util-to-markdown/',
    '/fast-uri/',
    '/rehype-raw/',
    '/parse5/',
    '/pdfkit/',
    '/epub-gen-memory/'
  ]
  assert.deepEqual(
    unneeded.filter((part) => loaded.some((file) => file.includes(`/node_modules${part}`) || (part.startsWith('/packages/') && file.includes(part)))),
    []
  )
})
