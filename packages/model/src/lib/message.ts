/** One way to record a content problem: a fatal or warning vfile message with a rule id. */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'

export type Place = Point | Position | undefined

/** Record an error (fatal message) on `file`; the build fails but keeps collecting. */
export function fail(file: VFile, reason: string, place: Place, ruleId: string): void {
  if (seen(file, reason, place)) return
  const message = file.message(reason, {place, ruleId, source: 'samizdat'})
  message.fatal = true
}

/** Record a warning on `file`. */
export function warn(file: VFile, reason: string, place: Place, ruleId: string): void {
  if (seen(file, reason, place)) return
  file.message(reason, {place, ruleId, source: 'samizdat'})
}

/** A work resolved for several editions reports each problem once. */
function seen(file: VFile, reason: string, place: Place): boolean {
  const start = place && 'start' in place ? place.start : place
  return file.messages.some((message) => message.reason === reason && message.line === (start?.line ?? undefined) && message.column === (start?.column ?? undefined))
}
