// ESLint for the whole monorepo: typescript-eslint's recommended rules, and the
// package layering as lint rules (packages/cli/test/layering.test.ts proves they bite).
import {readdirSync} from 'node:fs'
import js from '@eslint/js'
import {defineConfig} from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Which workspace packages each package's sources may import: model at the bottom, CLI on top. */
export const layers = {
  model: [],
  html: ['model'],
  epub: ['model', 'html'],
  pdf: ['model'],
  cli: ['model', 'html', 'epub', 'pdf']
}

/** Only the CLI writes files; adapters and the model return bytes. */
const mayWrite = new Set(['cli'])

/** What writes (or can reach what writes) in node:fs; reading stays allowed everywhere. */
const fsWriters = [
  'appendFile',
  'appendFileSync',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  'createWriteStream',
  'link',
  'linkSync',
  'mkdir',
  'mkdirSync',
  'mkdtemp',
  'mkdtempSync',
  'rename',
  'renameSync',
  'rm',
  'rmSync',
  'rmdir',
  'rmdirSync',
  'symlink',
  'symlinkSync',
  'truncate',
  'truncateSync',
  'unlink',
  'unlinkSync',
  'writeFile',
  'writeFileSync',
  'promises',
  'default'
]
const fsModules = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises']

const packages = readdirSync(new URL('packages/', import.meta.url), {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const untabled = packages.filter((name) => !(name in layers))
// A new package must take its place in the layering before anything lints.
if (untabled.length > 0) throw new Error(`eslint.config.js: packages not in the layering table: ${untabled.join(', ')}`)

/** The import rules for one package's sources. */
function layering(name) {
  const allowed = new Set([name, ...layers[name]])
  const forbidden = Object.keys(layers).filter((other) => !allowed.has(other))
  const paths = mayWrite.has(name)
    ? []
    : fsModules.map((module) => ({
        name: module,
        importNames: fsWriters,
        message: 'Only the CLI writes files: adapters and the model return bytes.'
      }))
  const patterns = forbidden.map((other) => ({
    group: [`@samizdat/${other}`, `@samizdat/${other}/*`],
    message: `packages/${name} may import only ${[...layers[name]].map((n) => `@samizdat/${n}`).join(', ') || 'no other package'}.`
  }))
  // A relative path into another package's folder skips its public surface.
  patterns.push({
    regex: String.raw`^(\.\./)+(${packages.join('|')})/`,
    message: 'Import another package by its name (@samizdat/…), never by a relative path into it.'
  })
  const dynamic = [...forbidden.map((other) => `@samizdat/${other}`), ...(mayWrite.has(name) ? [] : fsModules)]
  return {
    files: [`packages/${name}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {paths, patterns}],
      // `import()` escapes no-restricted-imports: the same modules are off limits dynamically.
      'no-restricted-syntax': [
        'error',
        ...dynamic.map((module) => ({
          selector: `ImportExpression[source.value=${JSON.stringify(module)}]`,
          message: `packages/${name} may not import ${module}.`
        }))
      ]
    }
  }
}

export default defineConfig(
  // As .gitignore: build output and caches are not ours to lint; nor are the validators `pnpm validators` generates
  // (Ajv's code, checked by the model's tests; linting them took a third of the lint's CPU).
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.cache/**',
      '**/test-output/**',
      'coverage/**',
      'corpus/**',
      'packages/model/src/lib/load/validators.generated.ts'
    ]
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: {reportUnusedDisableDirectives: 'error'},
    languageOptions: {ecmaVersion: 2023, sourceType: 'module', globals: globals.node},
    rules: {
      // `_name` marks a parameter kept for its position in a signature.
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
      // Augmenting a library's global namespace (pdfkit's `PDFKit`) can only be written as `declare global {namespace …}`.
      '@typescript-eslint/no-namespace': ['error', {allowDeclarations: true}],
      // The code matches control characters on purpose: XML-illegal characters, terminal-safe messages, file names.
      'no-control-regex': 'off',
      // `catch {}` is the idiom here for "try this, else fall through to the next line".
      'no-empty': ['error', {allowEmptyCatch: true}],
      'no-new-wrappers': 'error'
    }
  },
  ...packages.map(layering)
)
