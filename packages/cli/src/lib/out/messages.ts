/**
 * Problems with the output folder that are the corpus's or the user's to fix
 * become content messages (exit 1): bad or colliding entry names on the
 * edition's file, foreign files at the path they are in.
 */
import path from 'node:path'
import {ContentError, type Corpus} from '@samizdat/model'
import {VFile} from 'vfile'
import type {ForeignEntriesError} from '../write.js'
import {checkNames, type Planned} from './names.js'

/** Bad or colliding output names become errors on the edition's file. */
export function checkOutputNames(planned: ReadonlyArray<Planned & {file: VFile}>): void {
  for (const problem of checkNames(planned)) {
    const {file} = problem.planned as Planned & {file: VFile}
    const message = file.message(problem.reason, {ruleId: problem.ruleId, source: 'samizdat'})
    message.fatal = true
  }
}

/** Paths in `out` the build would replace but did not write: one error each, at that path. */
export function foreignError(error: ForeignEntriesError, out: string, cwd: string, corpus: Corpus): ContentError {
  const files = error.problems.map((problem) => {
    const file = new VFile({cwd, path: path.join(out, problem.path)})
    const shown = path.relative(cwd, path.join(out, problem.path)) + (problem.path.endsWith('/') ? '/' : '')
    const message = file.message(`"${shown}" ${problem.reason}; move it away, or choose another output folder`, {ruleId: 'output-foreign', source: 'samizdat'})
    message.fatal = true
    return file
  })
  return new ContentError(`The output folder holds files samizdat did not write; nothing was written`, [...corpus.files, ...files])
}
