/** `check`: load the corpus and run every content check; reads only. */
import process from 'node:process'
import {checkCorpus, loadCorpus, type Corpus} from '@samizdat/model'
import {editionIds, failOnErrors} from './corpus.js'

export interface CheckOptions {
  /** Corpus folder (default `corpus`), relative to `cwd`. */
  corpus?: string | undefined
  /** Folder relative paths resolve against (default: `process.cwd()`). */
  cwd?: string | undefined
  /** Largest corpus file read, in bytes (default: the model's, 50 MB). */
  maxFileSize?: number | undefined
  /** Aborting it (Ctrl-C) stops the check. */
  signal?: AbortSignal | undefined
  /** Every warning is an error. */
  strict?: boolean | undefined
}

export interface CheckResult {
  /** Every corpus file; may carry warnings. */
  files: Corpus['files']
  works: number
  editions: number
}

/**
 * Check a corpus: every edition resolves, sources match their checksums,
 * works are faithful to their sources. Throws `ContentError` (with the
 * files and their messages) when any message is an error.
 */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const corpus = await loadCorpus(options.corpus ?? 'corpus', {
    cwd: options.cwd ?? process.cwd(),
    ...(options.maxFileSize === undefined ? {} : {maxFileSize: options.maxFileSize})
  })
  options.signal?.throwIfAborted()
  await checkCorpus(corpus)
  options.signal?.throwIfAborted()
  failOnErrors(corpus, 'see the messages above', options.strict ?? false)
  return {files: corpus.files, works: corpus.works.length, editions: editionIds(corpus).length}
}
