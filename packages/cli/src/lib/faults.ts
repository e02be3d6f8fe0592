/**
 * Faults of the machine, not of the corpus or of the code: a full disk, a
 * read-only folder, a file in the way. Each error code maps to one plain
 * sentence here, and the build turns the error into a `FaultError` (exit 2)
 * whose message names what it was doing, the path and the code.
 */
import path from 'node:path'
import {UsageError} from '@samizdat/model/errors'
import {workerHeapMb} from './worker-heap.js'

const plain: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder is where a file should be',
  EEXIST: 'something else already exists there',
  ENOTEMPTY: 'a folder that should be empty is not',
  ENOENT: 'no such file or folder',
  ENAMETOOLONG: 'the name is too long for the file system',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files (raise the limit with `ulimit -n`)',
  ENFILE: 'too many open files on the system',
  EBUSY: 'the file or folder is busy',
  EXDEV: 'the path crosses file systems',
  EIO: 'input/output error (a failing disk?)',
  EINVAL: 'the file system refused the name or operation',
  ETXTBSY: 'the file is busy'
}

/** The machine could not do what was asked; nothing is wrong with the corpus or the code. Exit 2. */
export class FaultError extends UsageError {
  constructor(message: string) {
    super(message)
    this.name = 'FaultError'
  }
}

/** A Node error with a known code (`ENOSPC`…), else undefined. */
function errnoOf(error: unknown): (NodeJS.ErrnoException & {code: string}) | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return error instanceof Error && typeof code === 'string' && code in plain ? (error as NodeJS.ErrnoException & {code: string}) : undefined
}

/**
 * A plain sentence for `error` (`the disk is full (ENOSPC: dist/x.pdf)`), paths
 * relative to `cwd`; undefined when it is not an environment fault.
 */
export function describeFault(error: unknown, cwd: string): string | undefined {
  const errno = errnoOf(error)
  if (errno) {
    const where = errno.path === undefined ? '' : `: ${path.relative(cwd, errno.path) || '.'}`
    return `${plain[errno.code]} (${errno.code}${where})`
  }
  if ((error as {code?: unknown} | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `the thread that makes the PDF ran out of memory (its heap may use ${workerHeapMb} MB unless Node is given a size: NODE_OPTIONS=--max-old-space-size=<MB>)`
  }
  // The engine's own limits: a huge string, a deep tree, no memory left.
  if (error instanceof RangeError && /string length|call stack|allocation failed|Array buffer|memory/i.test(error.message)) {
    return `out of memory or too deeply nested (${error.message})`
  }
  return undefined
}

/** Run `action`; an environment fault becomes a `FaultError` beginning with `doing`. */
export async function asFault<T>(doing: string, cwd: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } catch (error) {
    const fault = describeFault(error, cwd)
    if (fault === undefined) throw error
    throw new FaultError(`${doing}: ${fault}`)
  }
}
