/**
 * The rendering thread (see threads.ts): loads the files the main thread sends
 * (never the disk) and resolves them as the main thread does, makes one format
 * of each edition asked for, and posts each result as soon as it is made
 * (copied: a file's bytes may share a pooled buffer that must not be detached).
 */
import {once} from 'node:events'
import {parentPort, workerData} from 'node:worker_threads'
import {corpusFromFiles, resolveEdition} from '@samizdat/model'
import type {VFileMessage} from 'vfile-message'
import {editionIds} from './corpus.js'
import {formats, type RenderOptions} from './formats.js'
import type {CorpusData, ErrorData, Reply, ThreadRequest, WarningData} from './threads.js'

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
  // The format's code loads while the main thread reads the corpus.
  const formatLoaded = format.load()
  const [sent] = (await once(parentPort as NonNullable<typeof parentPort>, 'message')) as [CorpusData]
  await formatLoaded
  const maxFileSize = request.maxFileSize === undefined ? {} : {maxFileSize: request.maxFileSize}
  const corpus = await corpusFromFiles(sent.files, {dir: sent.dir, cwd: request.cwd, ...maxFileSize})
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
      const options: RenderOptions = {date: new Date(request.date), report}
      if (request.paper !== undefined) options.paper = request.paper
      if (request.booklet !== undefined) options.booklet = request.booklet
      const files = await format.render(edition, options)
      post({type: 'done', edition: id, files, warnings})
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
