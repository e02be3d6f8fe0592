/**
 * What a package exports, for the tests that pin each public surface
 * (`packages/<name>/test/api.test.ts`): the runtime values with their kinds,
 * and the type-only names as the compiler sees them from `src/index.ts`
 * (the file `dist/index.d.ts` is emitted from, so the two list the same names).
 */
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('..', import.meta.url))

/** `class`, `function`, `array`, `set`, `map`, `object`, or what `typeof` says of the value. */
export function kindOf(value: unknown): string {
  if (typeof value === 'function') return /^class[\s{]/.test(Function.prototype.toString.call(value)) ? 'class' : 'function'
  if (Array.isArray(value)) return 'array'
  if (value instanceof Set) return 'set'
  if (value instanceof Map) return 'map'
  if (value === null) return 'null'
  return typeof value
}

/** Each runtime export of a module namespace and its kind, by name. */
export function valueExports(namespace: object): Record<string, string> {
  return Object.fromEntries(
    Object.keys(namespace)
      .sort()
      .map((name) => [name, kindOf((namespace as Record<string, unknown>)[name])])
  )
}

/**
 * Each export of `packages/<name>/src/index.ts` that has no runtime value, by
 * name: `interface` or `type` (an alias), as the type checker resolves it.
 */
export function typeExports(name: string): Record<string, string> {
  const file = join(root, 'packages', name, 'src', 'index.ts')
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    customConditions: ['source'],
    types: ['node'],
    noEmit: true,
    skipLibCheck: true
  })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(file)
  const module = source && checker.getSymbolAtLocation(source)
  if (!module) throw new Error(`No module symbol for ${file}`)
  const found: Array<[string, string]> = []
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
    if (target.flags & ts.SymbolFlags.Value) continue
    found.push([symbol.name, target.flags & ts.SymbolFlags.Interface ? 'interface' : target.flags & ts.SymbolFlags.TypeAlias ? 'type' : 'unknown'])
  }
  return Object.fromEntries(found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
