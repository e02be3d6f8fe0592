/** Messages about a source's raw HTML, on the source's file, with the place in it. */
import type {Element} from 'hast'
import type {VFile} from 'vfile'
import {warn, writerWarning, type Reporter} from '@samizdat/model'

export type Report = (reason: string, place: Element['position'], ruleId: string) => void

/**
 * To the caller's `report` (as the writer contract has it), else onto `file`
 * itself (each problem once, however many formats render it); nowhere without either.
 */
export function reporter(file: VFile | undefined, report?: Reporter): Report {
  if (report) return (reason, place, ruleId) => report(writerWarning(reason, {ruleId, file: file?.path, place}))
  return file ? (reason, place, ruleId) => warn(file, reason, place, ruleId) : () => {}
}
