/** One way to record a content problem: a fatal or warning vfile message with a rule id. */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'

export type Place = Point | Position | undefined

/** Record an error (fatal message) on `file`; the build fails but keeps collecting. */
export function fail(file: VFile, text: string, place: Place, ruleId: string): void {
  const reason = escapeControls(text)
  if (seen(file, reason, place)) return
  const message = file.message(reason, {place, ruleId, source: 'samizdat'})
  message.fatal = true
}

/** Record a warning on `file`. */
export function warn(file: VFile, text: string, place: Place, ruleId: string): void {
  const reason = escapeControls(text)
  if (seen(file, reason, place)) return
  file.message(reason, {place, ruleId, source: 'samizdat'})
}

/** A work resolved for several editions reports each problem once. */
function seen(file: VFile, reason: string, place: Place): boolean {
  const start = place && 'start' in place ? place.start : place
  return file.messages.some(
    (message) => message.reason === reason && message.line === (start?.line ?? undefined) && message.column === (start?.column ?? undefined)
  )
}

/**
 * Corpus text quoted in a message (an id, a title, a quote) may hold controls: a terminal would obey an escape
 * sequence, a line break would forge a message of its own, a bidi override would reorder what is shown. They are
 * written as visible escapes (`\x1b`, `\u202e`); every other character stays as it is.
 */
export function escapeControls(text: string): string {
  return text.replace(unsafe, (char) => {
    const code = char.codePointAt(0) as number
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

// C0 (tab too: it shifts columns), DEL, C1; ALM, LRM/RLM, the embeddings/overrides and isolates.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu
