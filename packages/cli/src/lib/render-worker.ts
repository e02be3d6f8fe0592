/**
 * The rendering thread (see threads.ts): loads and resolves the corpus as the
 * main thread does, makes one format of each edition asked for, and posts
 * each result as soon as it is made (copied: a file's bytes may share a pooled buffer that must not be detached).
 */
import {parentPort, workerData} from 'node:worker_threads'
import {loadCorpus, resolveEdition, type PageStart} from '@samizdat/model'
import type {VFileMessage} from 'vfile-message'
import {editionIds} from './corpus.js'
import {formats, type RenderOptions} from './formats.js'
import type {ErrorData, Reply, ThreadRequest, WarningData} from './threads.js'

export type Place = VFileMessage['place']

const request = workerData as ThreadRequest
const post = (reply: Reply): void => parentPort?.postMessage(reply)

function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return {name: 'Error', message: String(error), stack: undefined}
  const fault = error as NodeJS.ErrnoException
  return {name: error.name, message: error.message, stack: error.stack, code: fault.code, errno: fault.errno, syscall: fault.syscall, path: fault.path}
}

async function main(): Promise<void> {
  const format = formats[request.format]
  if (!format) throw new Error(`unknown format ${request.format}`)
  const corpus = await loadCorpus(request.corpus, {cwd: request.cwd, ...(request.maxFileSize === undefined ? {} : {maxFileSize: request.maxFileSize})})
  // None named: every edition, as the main thread chooses them.
  const ids = request.editions ?? editionIds(corpus)
  if (request.metadata !== undefined) for (const spec of corpus.editions) if (ids.includes(spec.id)) Object.assign(spec, request.metadata)
  const resolveOptions = {...(request.locale === undefined ? {} : {locale: request.locale}), ...(request.labels === undefined ? {} : {labels: request.labels})}
  for (const id of ids) {
    try {
      const edition = resolveEdition(corpus, id, resolveOptions)
      const warnings: WarningData[] = []
      const report = (message: VFileMessage): void =>
        void warnings.push({reason: message.reason, ruleId: message.ruleId, source: message.source, file: message.file || undefined, place: message.place})
      let pages: PageStart[] = []
      const options: RenderOptions = {date: new Date(request.date), report, pageStarts: (starts) => (pages = starts)}
      if (request.paper !== undefined) options.paper = request.paper
      if (request.booklet !== undefined) options.booklet = request.booklet
      const files = await format.render(edition, options)
      post({type: 'done', edition: id, files, warnings, pages})
    } catch (error) {
      post({type: 'error', edition: id, error: errorData(error)})
    }
  }
}

try {
  await main()
} catch (error) {
  post({type: 'error', edition: undefined, error: errorData(error)})
}
