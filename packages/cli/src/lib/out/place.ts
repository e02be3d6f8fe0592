/**
 * The output folder must be apart from the corpus: a build replaces entries of
 * `out`, so `out` being the corpus, holding it or lying in it could replace the
 * user's own files. Compared by real path, so symlinks and `..` do not hide it.
 */
import {realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {UsageError} from '@samizdat/model/errors'
import {describeFault, FaultError} from '../faults.js'

/** Throw `UsageError` when `out` is the corpus, contains it or lies inside it (`shown` are the paths as the user typed them). */
export async function assertApart(corpus: string, out: string, shown: {corpus: string; out: string}, noun = 'Output folder'): Promise<void> {
  // A missing corpus is the loader's to report.
  const corpusReal = await realpath(corpus).catch(() => undefined)
  if (corpusReal === undefined) return
  const outReal = await realpathOfNearest(out)
  const advice = `choose an ${noun.toLowerCase()} outside the corpus`
  if (outReal === corpusReal) throw new UsageError(`${noun} "${shown.out}" is the corpus folder "${shown.corpus}"; ${advice}`)
  if (inside(corpusReal, outReal)) throw new UsageError(`${noun} "${shown.out}" is inside the corpus folder "${shown.corpus}"; ${advice}`)
  if (inside(outReal, corpusReal)) throw new UsageError(`${noun} "${shown.out}" contains the corpus folder "${shown.corpus}"; ${advice}`)
}

/** The real path of `target`, which may not exist yet: its nearest existing ancestor's, plus the rest. */
async function realpathOfNearest(target: string): Promise<string> {
  const rest: string[] = []
  let current = path.resolve(target)
  for (;;) {
    const real = await realpath(current).catch(() => undefined)
    if (real !== undefined) return path.join(real, ...rest)
    const parent = path.dirname(current)
    if (parent === current) return path.resolve(target)
    rest.unshift(path.basename(current))
    current = parent
  }
}

function inside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative)
}

/** `out` is a folder, or nothing yet; anything else is a usage error, before reading the corpus. */
export async function checkOut(out: string, shown: string, cwd: string): Promise<void> {
  let stats
  try {
    stats = await stat(out)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw new FaultError(`Cannot use output folder "${shown}": ${describeFault(error, cwd) ?? String(error)}`)
  }
  if (!stats.isDirectory()) throw new UsageError(`Output folder "${shown}" is not a folder`)
}
