/**
 * `samizdat.config.json` in the corpus folder: the corpus's defaults for
 * `build` (formats, paper, locale, output, labels, metadata), so that a
 * plain `samizdat build notes/` does what its author wants. Options on the
 * command line win over it.
 *
 * JSON only, on purpose: a config in TypeScript or JavaScript is code, and
 * running code that comes with a corpus would void what the build promises
 * about careless and hostile corpora (it reads, never runs, what it is
 * given). For the same reason there are no plugins here.
 */
import {lstat, readFile} from 'node:fs/promises'
import path from 'node:path'
import {ContentError} from '@samizdat/model/errors'
import {VFile} from 'vfile'
import type {Config} from './config-schema.js'

const configName = 'samizdat.config.json'

export type {Config} from './config-schema.js'

/** A config file larger than this is not a config file. */
const maxConfigSize = 1024 * 1024

/**
 * The config of the corpus folder `dir` (shown as `shown`), or undefined when it has none. An invalid one is a
 * content error on the file (exit 1), as a bad edition file is. `out` comes back resolved against `dir`.
 */
export async function readConfig(dir: string, cwd: string): Promise<Config | undefined> {
  const file = path.join(dir, configName)
  const stats = await lstat(file).catch(() => undefined)
  if (stats === undefined) return undefined
  const vfile = new VFile({cwd, path: path.relative(cwd, file)})
  const problem = (reason: string, ruleId = 'config-invalid'): never => {
    const message = vfile.message(reason, {ruleId, source: 'samizdat'})
    message.fatal = true
    throw new ContentError(`${configName} has errors; nothing was written`, [vfile])
  }
  if (!stats.isFile()) return problem(`${configName} must be a regular file`)
  if (stats.size > maxConfigSize) return problem(`${configName} is larger than 1 MB`)
  const text = await readFile(file, 'utf8')
  vfile.value = text
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return problem(`Invalid JSON: ${(error as Error).message}`)
  }
  const check = (await import('./config-schema.js')).configCheck()
  if (!check(value)) {
    const reasons = (check.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${describeParams(error.params)}`)
    return problem(`Invalid ${configName}: ${reasons.join('; ')}`)
  }
  const config = value
  if (config.out !== undefined) config.out = path.resolve(dir, config.out)
  return config
}

function describeParams(params: Record<string, unknown>): string {
  if (Array.isArray(params['allowedValues'])) return ` (${params['allowedValues'].join(', ')})`
  if (typeof params['additionalProperty'] === 'string') return ` (\`${params['additionalProperty']}\`)`
  return ''
}
