/** Where the document `samizdat build -` reads from stdin stands in memory: its edition is `stdin`, its file `<stdin>`. */
import path from 'node:path'

export const stdinDir = '/stdin'
export const stdinName = 'stdin.md'

/** How messages name the stdin document. */
export function stdinFileName(file: {cwd: string; path?: string | undefined}): string | undefined {
  return file.path !== undefined && path.resolve(file.cwd, file.path) === path.join(stdinDir, stdinName) ? '<stdin>' : undefined
}
