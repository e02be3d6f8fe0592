/**
 * The packages as a user gets them: pack every publishable package (`pnpm
 * pack`, so `workspace:`, `catalog:` and `publishConfig` are applied as on
 * publish), lint each tarball (publint, and attw with the ESM-only profile),
 * install the tarballs with npm in a fresh folder outside the workspace, and
 * run the consumers in `scripts/consumers/`: a JavaScript one, and a
 * TypeScript one type-checked strict under `module: nodenext` (then run) and
 * `moduleResolution: bundler` (both in one `tsc -b` of the workspace's
 * compiler, against the installed `@types/node`). Each builds a tiny corpus into a site, an EPUB
 * and a PDF. `pnpm consumers` runs it; `packages/cli/test/consumers.test.ts`
 * runs it with the suite.
 */
import {execFile} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
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
    await Promise.all(
      packages.map(async (name) => {
        await sh('pnpm', ['pack', '--pack-destination', tarballs], join(root, 'packages', name))
      })
    )
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
        try {
          await sh(
            process.execPath,
            [join(root, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js'), tarball, '--profile', 'esm-only', '--format', 'ascii'],
            root
          )
        } catch (error) {
          problems.push(`@samizdat/${name} (attw): ${(error as Error).message}`)
        }
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
      await sh(process.execPath, ['consumer.mjs'], consumer),
      // Both projects in one compiler process (each checked on its own; an error in either fails the build).
      await sh(process.execPath, [tsc, '-b', 'tsconfig.bundler.json', 'tsconfig.nodenext.json'], consumer),
      await sh(process.execPath, [join('out', 'consumer.js')], consumer)
    ]
      .map((text) => text.trim())
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
