/**
 * Anchor each annotation: find its quote once, check it can be marked there, and queue its mark (a wrap
 * around the quote, or a note mark after it). Returns the annotations that were anchored, resolved.
 */
import type {PhrasingContent} from 'mdast'
import {fail, warn} from '../message.js'
import type {LinkTarget} from '../types.js'
import {rank, type AnchorContext, type AnchorTarget} from './anchor-context.js'
import type {WrapOperation} from './splice.js'
import type {Annotated, Annotation, Correction, NoteReference, QuoteSelector, ResolvedAnnotation, TextSpan} from './types.js'

export function anchorAnnotations(context: AnchorContext, annotations: readonly Annotation[]): ResolvedAnnotation[] {
  const resolved: ResolvedAnnotation[] = []
  for (const annotation of annotations) {
    if (annotation.places.length > 1 && (annotation.kind === 'note' || annotation.kind === 'conflict')) resolved.push(...anchorShared(context, annotation))
    else {
      const one = anchorAnnotation(context, annotation)
      if (one) resolved.push(one)
    }
  }
  return resolved
}

/**
 * A note written for several places: each place is located and marked; the first in reading order
 * (the edition's order of works, then the text's) carries the note, the others a reference to it.
 */
function anchorShared(context: AnchorContext, annotation: Annotation<'note' | 'conflict'>): ResolvedAnnotation[] {
  const order = [...context.byWork.keys()]
  const found: Array<{place: Annotation['places'][number]; span: TextSpan}> = []
  for (const place of annotation.places) {
    if (!context.byWork.has(place.work)) continue
    const span = context.locate(place.work, place.quote, annotation.file, place.quotePosition, `Annotation \`${annotation.id}\``)
    if (span) found.push({place, span})
  }
  found.sort((a, b) => order.indexOf(a.place.work) - order.indexOf(b.place.work) || a.span.start - b.span.start)
  const resolved: ResolvedAnnotation[] = []
  let carrier: string | undefined
  for (const {place, span} of found) {
    const one = anchorAnnotation(context, {...annotation, work: place.work, quote: place.quote, quotePosition: place.quotePosition}, span)
    if (!one) continue
    if (carrier === undefined) carrier = one.anchorId
    else one.seeNote = carrier
    resolved.push(one)
  }
  return resolved
}

/** Kinds that wrap their quote (and so need it in one run of text); the others put a mark after it. */
const wrapping = new Set(['correction', 'person', 'crossref', 'language', 'caption'])

function anchorAnnotation(context: AnchorContext, annotation: Annotation, located?: TextSpan): ResolvedAnnotation | undefined {
  const target = context.byWork.get(annotation.work)
  if (!target) return undefined
  const file = context.files(annotation.file)
  const what = `Annotation \`${annotation.id}\``
  const span = located ?? context.locate(annotation.work, annotation.quote, annotation.file, annotation.quotePosition, what)
  if (!span) return undefined
  if (wrapping.has(annotation.kind) && !context.inOneRun(annotation.work, span)) {
    fail(
      file,
      `${what}: the quote crosses markup (emphasis, a link…); a ${annotation.kind} must lie within one run of text`,
      annotation.quotePosition,
      'anchor-spans-markup'
    )
    return undefined
  }
  if (!wrapping.has(annotation.kind) && !target.index.segmentAt(span.end, true)) {
    fail(file, `${what}: the quote ends where no note mark can go`, annotation.quotePosition, 'anchor-spans-markup')
    return undefined
  }
  const anchorId = context.registry.take(annotation.id)
  const point = target.index.pointAt(span.start)
  // The annotation's own fields, without where it is written; the body is the edition's copy.
  const {file: _file, position: _position, quotePosition: _quotePosition, targetPosition: _targetPosition, places: _places, ...fields} = annotation
  const anchor = {span, line: point.line, column: point.column, anchorId, ...(annotation.body ? {body: structuredClone(annotation.body)} : {})}
  const onConflict = context.conflictReporter(annotation.file, annotation.quotePosition, what)
  const wrap = (kind: keyof typeof rank, make: WrapOperation['make'], leaf?: true): void => {
    target.operations.push({type: 'wrap', start: span.start, end: span.end, rank: rank[kind], onConflict, label: what, make, ...(leaf ? {leaf} : {})})
  }

  switch (fields.kind) {
    case 'correction': {
      const {corr, reason, emendation} = fields
      wrap(
        'correction',
        (_children, text): Correction => ({
          type: 'correction',
          id: anchorId,
          sic: text,
          reason,
          ...(emendation ? {emendation: true} : {}),
          children: [{type: 'text', value: corr}]
        }),
        true
      )
      return {...fields, ...anchor}
    }
    case 'person':
      target.operations.push(personWrap(anchorId, fields.person, span, onConflict, what))
      return {...fields, ...anchor}
    case 'language': {
      const {lang} = fields
      wrap('language', (children): Annotated => ({type: 'annotated', id: anchorId, kind: 'language', lang, children}))
      return {...fields, ...anchor}
    }
    case 'caption':
      // Outermost: the caption's own marks (persons, corrections) stay inside the editorial note it becomes.
      wrap('caption', (children): Annotated => ({type: 'annotated', id: anchorId, kind: 'caption', children}))
      return {...fields, ...anchor}
    case 'crossref': {
      const link = crossrefTarget(
        context,
        {...fields, ...anchor, file: annotation.file, position: annotation.position, place: annotation.targetPosition ?? annotation.position},
        onConflict
      )
      if (!link) return undefined
      wrap(
        'crossref',
        (children): Annotated => ({
          type: 'annotated',
          id: anchorId,
          kind: 'crossref',
          children: [{type: 'link', url: `#${link.id}`, data: {target: {work: link.work, id: link.id}}, children}]
        })
      )
      return {...fields, ...anchor, target: link}
    }
    case 'note':
    case 'conflict': {
      // A numbered mark after the quote (numbered when the notes are collected).
      const refId = context.registry.take(`ref-${annotation.id}`)
      target.operations.push({type: 'point', at: span.end, make: (): NoteReference => ({type: 'noteReference', id: refId, noteId: anchorId, label: ''})})
      return {...fields, ...anchor}
    }
  }
}

/** The wrap that marks a mention of a person (explicit annotation or found in the text). */
export function personWrap(id: string, person: string, span: TextSpan, onConflict: (other: WrapOperation) => void, label: string): WrapOperation {
  return {
    type: 'wrap',
    start: span.start,
    end: span.end,
    rank: rank.person,
    onConflict,
    label,
    make: (children: PhrasingContent[]): Annotated => ({type: 'annotated', id, kind: 'person', person, children})
  }
}

interface CrossrefSource {
  id: string
  target: {work: string; quote?: QuoteSelector}
  file: Annotation['file']
  position: Annotation['position']
  /** Where the target's quote is written (or the annotation, when it has none). */
  place: Annotation['position']
}

/** Where a crossref points: a passage of its target work (marked there), or the work itself. */
function crossrefTarget(
  context: AnchorContext,
  crossref: CrossrefSource,
  onConflict: (other: WrapOperation) => void
): (LinkTarget & {quote?: QuoteSelector}) | undefined {
  const {target} = crossref
  const entry: AnchorTarget | undefined = context.byWork.get(target.work)
  if (!entry) {
    warn(
      context.files(crossref.file),
      `Crossref \`${crossref.id}\` points to \`${target.work}\`, which is not in this edition: left unlinked`,
      crossref.position,
      'crossref-outside'
    )
    return undefined
  }
  if (!target.quote) return {work: target.work, id: entry.startId}
  const what = `Crossref \`${crossref.id}\` target`
  const span = context.locate(target.work, target.quote, crossref.file, crossref.place, what)
  if (!span) return undefined
  if (!context.inOneRun(target.work, span)) {
    fail(context.files(crossref.file), `${what}: the quote crosses markup; it must lie within one run of text`, crossref.place, 'anchor-spans-markup')
    return undefined
  }
  const id = context.registry.take(`${crossref.id}-target`)
  entry.operations.push({
    type: 'wrap',
    start: span.start,
    end: span.end,
    rank: rank['crossref-target'],
    onConflict,
    label: what,
    make: (children): Annotated => ({type: 'annotated', id, kind: 'crossref-target', children})
  })
  return {work: target.work, id, quote: target.quote}
}
