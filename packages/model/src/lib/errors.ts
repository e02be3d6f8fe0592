/**
 * Three kinds of problem, never mixed (as in unified):
 * content problems are vfile messages on the file they concern;
 * misuse of the API or CLI throws `UsageError`;
 * `ContentError` is what a caller throws once content messages are fatal.
 */
import type {VFile} from 'vfile'

/** Whether any message on these files is fatal (an error, not a warning). */
export function hasErrors(files: Iterable<VFile>): boolean {
  for (const file of files) {
    if (file.messages.some((message) => message.fatal === true)) return true
  }
  return false
}

/** Content of the corpus is wrong; details are messages on `files`. Exit code 1. */
export class ContentError extends Error {
  readonly files: VFile[]
  readonly exitCode = 1
  constructor(message: string, files: VFile[]) {
    super(message)
    this.name = 'ContentError'
    this.files = files
  }
}

/** The caller asked for something that cannot be (unknown edition, bad option). Exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
