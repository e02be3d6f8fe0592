/** Messages about a source's raw HTML, on the source's file, with the place in it. */
import type {Element} from 'hast'
import type {VFile} from 'vfile'
import {warn} from '@samizdat/model'

export type Report = (reason: string, place: Element['position'], ruleId: string) => void

/** Report on `file` (each problem once, however many formats render it); nowhere without a file. */
export function reporter(file: VFile | undefined): Report {
  return file ? (reason, place, ruleId) => warn(file, reason, place, ruleId) : () => {}
}
