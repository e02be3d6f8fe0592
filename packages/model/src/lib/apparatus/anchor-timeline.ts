/** Timeline events: each event's quoted mentions become anchors the timeline links to. */
import type {VFile} from 'vfile'
import {fail} from '../message.js'
import {rank, type AnchorContext} from './anchor-context.js'
import type {Annotated, Mention, TimelineEvent} from './types.js'

export function anchorTimeline(
  context: AnchorContext,
  events: readonly TimelineEvent[],
  timelineFile: VFile | undefined
): Array<TimelineEvent & {anchors: Mention[]}> {
  return events.map((event) => {
    const anchors: Mention[] = []
    const what = `Timeline event ${event.date}`
    for (const mention of event.mentions) {
      const entry = context.byWork.get(mention.work)
      if (!entry || !timelineFile) continue
      const span = context.locate(mention.work, mention.quote, timelineFile, mention.position, what)
      if (!span) continue
      if (!context.inOneRun(mention.work, span)) {
        fail(context.files(timelineFile), `${what}: the quote crosses markup; it must lie within one run of text`, mention.position, 'anchor-spans-markup')
        continue
      }
      const id = context.registry.take(`event-${event.date.slice(0, 7)}`)
      const point = entry.index.pointAt(span.start)
      anchors.push({id, work: mention.work, span, line: point.line, column: point.column})
      entry.operations.push({
        type: 'wrap',
        start: span.start,
        end: span.end,
        rank: rank.event,
        label: `timeline event ${event.date}`,
        onConflict: context.conflictReporter(timelineFile, mention.position, what),
        make: (children): Annotated => ({type: 'annotated', id, kind: 'event', children})
      })
    }
    return {...event, anchors}
  })
}
