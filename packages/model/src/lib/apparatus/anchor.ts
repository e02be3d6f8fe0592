/**
 * Anchor the apparatus in the works of an edition. Four steps, each its own module: annotations
 * (`anchor-annotations.ts`), person mentions (`mentions.ts`), timeline events (`anchor-timeline.ts`), then one
 * splice per work, so every offset is read on the text before any edit.
 */
import type {VFile} from 'vfile'
import type {IdRegistry} from '../resolve/ids.js'
import {anchorAnnotations} from './anchor-annotations.js'
import {AnchorContext, type AnchoredWork} from './anchor-context.js'
import {anchorTimeline} from './anchor-timeline.js'
import {findMentions} from './mentions.js'
import {splice} from './splice.js'
import type {ApparatusData, Mention, PersonEntry, ResolvedAnnotation, TimelineEvent} from './types.js'

export type {AnchoredWork} from './anchor-context.js'

export interface AnchorResult {
  annotations: ResolvedAnnotation[]
  persons: Array<PersonEntry & {mentions: Mention[]}>
  timeline: Array<TimelineEvent & {anchors: Mention[]}>
}

/**
 * Anchor `data` in `works` (their trees are edited in place: pass the edition's copies). Messages about
 * the apparatus files go to `files(file)`, those about a work to its `AnchoredWork.file`.
 */
export function anchorApparatus(
  works: readonly AnchoredWork[],
  data: ApparatusData,
  registry: IdRegistry,
  files: (file: VFile) => VFile = (file) => file
): AnchorResult {
  const context = new AnchorContext(works, registry, files)
  const annotations = anchorAnnotations(context, data.annotations)
  // Mentions come after the annotations: an explicit `person` annotation takes its span first.
  const persons = findMentions(context, data.persons, annotations)
  const timeline = anchorTimeline(context, data.timeline, data.timelineFile)
  for (const entry of context.byWork.values()) splice(entry.index, entry.operations)
  return {annotations, persons, timeline}
}
