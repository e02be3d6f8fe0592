/**
 * The packages as a user gets them: pack every publishable package (one
 * `pnpm -r pack`, so `workspace:`, `catalog:` and `publishConfig` are applied
 * as on publish), lint each tarball (publint, and attw with the ESM-only
 * profile, both through their APIs in this process: a process per tarball
 * cost a second of CPU each), install the tarballs with npm in a fresh folder
 * outside the workspace, and run the consumers in `scripts/consumers/`: a
 * JavaScript one, and a TypeScript one type-checked strict under `module:
 * nodenext` (then run) and `moduleResolution: bundler` (both in one `tsc -b`
 * of the workspace's compiler, against the installed `@types/node`; the
 * declarations of the packages and their dependencies are checked under
 * `nodenext` only: a second check of the same files cost 4 s of CPU, and how
 * each entry point resolves under `bundler` is attw's part; TypeScript's own
 * `lib.*.d.ts` are not checked, 1.8 s of CPU on the compiler's files). Each
 * builds a tiny corpus into a site, an EPUB and a PDF; the two run in one
 * process, one after the other. `pnpm consumers` runs it;
 * `packages/cli/test/consumers.test.ts` runs it with the suite.
 */
import {execFile} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {checkPackage, createPackageFromTarballData} from '@arethetypeswrong/core'
import {problemKindInfo} from '@arethetypeswrong/core/problems'
import {publint} from 'publint'
import {formatMessage} from 'publint/utils'

const run = promisify(execFile)
export const root = fileURLToPath(new URL('..', import.meta.url))
const fixtures = join(root, 'scripts', 'consumers')
/** The publishable packages, dependencies first. */
export const packages = ['model', 'html', 'epub', 'pdf', 'cli'] as const

/** Run a command; on failure, an error carrying its output (the reason is there, not in the exit code). */
async function sh(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const {stdout, stderr} = await run(command, args, {cwd, maxBuffer: 64 * 1024 * 1024, env: {...process.env, NO_COLOR: '1'}})
    return stdout + stderr
  } catch (error) {
    const {stdout = '', stderr = ''} = error as {stdout?: string; stderr?: string}
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${stdout}${stderr}`, {cause: error})
  }
}

/** Version of a package installed in the workspace, so the consumers type-check with the same Node types. */
async function workspaceVersion(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {version: string}
  return manifest.version
}

/**
 * attw's verdict on a tarball with the ESM-only profile, as its CLI gives it (`attw --profile esm-only`): every
 * problem but those of the CommonJS resolutions (`node10`, `node16` from CJS), which an ESM-only package does not
 * serve; as there, a problem that names no such resolution always counts (an import in a declaration file that
 * does not resolve, under any resolution). A tarball without types is a problem too (the CLI only says so).
 */
async function attw(tarball: Uint8Array): Promise<string[]> {
  const analysis = await checkPackage(createPackageFromTarballData(tarball))
  if (!analysis.types) return ['no types']
  return analysis.problems
    .filter((problem) => !('resolutionKind' in problem) || !['node10', 'node16-cjs'].includes(problem.resolutionKind))
    .map((problem) => {
      const where = [
        'entrypoint' in problem ? problem.entrypoint : undefined,
        'resolutionKind' in problem ? problem.resolutionKind : undefined,
        'resolutionOption' in problem ? problem.resolutionOption : undefined,
        'fileName' in problem ? problem.fileName : undefined,
        'moduleSpecifier' in problem ? `'${problem.moduleSpecifier}'` : undefined
      ].filter((part) => part !== undefined)
      return `${problem.kind} (${where.join(', ')}): ${problemKindInfo[problem.kind].description}`
    })
}

export interface ConsumerReport {
  tarballs: string[]
  output: string[]
}

/** Pack, lint, install and run the consumers in a temporary folder; throws with the failing step's output. */
export async function runConsumers(log: (line: string) => void = () => {}): Promise<ConsumerReport> {
  const temp = await mkdtemp(join(tmpdir(), 'samizdat-consumers-'))
  try {
    const tarballs = join(temp, 'tarballs')
    await mkdir(tarballs)
    // Build first: the tarballs hold `dist`, and `pnpm consumers` may run alone.
    await sh(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], root)
    const files: Record<string, string> = {}
    // One pnpm for all (the same tarballs as a `pnpm pack` in each package's folder).
    await sh('pnpm', ['--recursive', ...packages.flatMap((name) => ['--filter', `@samizdat/${name}`]), 'pack', '--pack-destination', tarballs], root)
    for (const file of await readdir(tarballs)) {
      const name = /^samizdat-(\w+)-/.exec(file)?.[1]
      if (name) files[name] = join(tarballs, file)
    }
    log(`packed ${Object.values(files).length} tarballs`)

    const problems: string[] = []
    await Promise.all(
      packages.map(async (name) => {
        const tarball = files[name]
        if (!tarball) return void problems.push(`@samizdat/${name}: no tarball`)
        const bytes = await readFile(tarball)
        const {messages, pkg} = await publint({pack: {tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)}, strict: true})
        for (const message of messages) problems.push(`@samizdat/${name} (publint): ${formatMessage(message, pkg) ?? message.code}`)
        for (const problem of await attw(bytes)) problems.push(`@samizdat/${name} (attw): ${problem}`)
      })
    )
    if (problems.length > 0) throw new Error(`The packed packages have problems:\n${problems.join('\n')}`)
    log('publint and attw: clean')

    const consumer = join(temp, 'consumer')
    await cp(fixtures, consumer, {recursive: true})
    const dependencies = Object.fromEntries(packages.map((name) => [`@samizdat/${name}`, `file:${files[name]}`]))
    // The compiler is the workspace's own (below), not installed again: it reads the consumer's node_modules either way.
    const devDependencies = {'@types/node': await workspaceVersion('@types/node')}
    await writeFile(
      join(consumer, 'package.json'),
      JSON.stringify({name: 'samizdat-consumer', private: true, type: 'module', dependencies, devDependencies}, null, 2) + '\n'
    )
    const started = Date.now()
    await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], consumer)
    log(`installed the tarballs with npm (${Math.round((Date.now() - started) / 1000)} s)`)

    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
    const output = [
      // Both projects in one compiler process (each checked on its own; an error in either fails the build).
      await sh(process.execPath, [tsc, '-b', 'tsconfig.bundler.json', 'tsconfig.nodenext.json'], consumer),
      // Both consumers in one process, one after the other: the JavaScript one first, then the compiled TypeScript.
      await sh(process.execPath, ['--input-type=module', '--eval', "await import('./consumer.mjs'); await import('./out/consumer.js')"], consumer)
    ]
      .flatMap((text) => text.trim().split('\n'))
      .filter((text) => text !== '')
    for (const line of output) log(line)
    return {tarballs: packages.map((name) => files[name] ?? ''), output}
  } finally {
    await rm(temp, {recursive: true, force: true})
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await runConsumers((line) => console.log(line))
  } catch (error) {
    console.error((error as Error).message)
    process.exitCode = 1
  }
}
