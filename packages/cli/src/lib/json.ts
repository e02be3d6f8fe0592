/**
 * `--json`: what a build tells as one JSON document, the same for `build` (one document) and for `watch` and
 * `preview` (one line per build, NDJSON), so one reader parses them all.
 */
import {ContentError} from '@samizdat/model/errors'
import type {BuildResult} from './build.js'
import {shownPath} from './progress.js'
import {clean, messagesOf, type ReportOptions} from './report.js'

type Name = ReportOptions['name']

/** A build that wrote its outputs: its warnings, and each output's path as the user reads it (inside `out`). */
export function resultDocument(result: Pick<BuildResult, 'files' | 'written'>, out: string, cwd: string, name?: Name): Record<string, unknown> {
  const outputs = result.written.map((entry) => ({...entry, path: shownPath(out, entry.path), ms: Math.round(entry.ms)}))
  return {ok: true, exitCode: 0, messages: messagesOf(result.files, cwd, {name}), outputs}
}

/** A build that failed: the reason, and the content messages when there are some; nothing written. */
export function failureDocument(error: unknown, code: number, cwd: string, name?: Name): Record<string, unknown> {
  const files = error instanceof ContentError ? error.files : []
  const reason = error instanceof Error ? clean(error.message) : String(error)
  return {ok: false, exitCode: code, error: reason, messages: messagesOf(files, cwd, {name}), outputs: []}
}
