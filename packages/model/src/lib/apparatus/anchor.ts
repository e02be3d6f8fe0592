/**
 * Anchor the apparatus in the works of an edition: find every selector
 * exactly once, or report it; find person mentions from the register; then
 * splice the marks into the trees. All selectors are located on the text
 * as written (before typography), as the annotations' authors see it.
 */
import type {PhrasingContent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {fail, warn} from '../message.js'
import type {LinkTarget, Work} from '../types.js'
import type {IdRegistry} from '../resolve/ids.js'
import {findQuote} from './match.js'
import {splice, type Operation, type WrapOperation} from './splice.js'
import {TextIndex} from './text-index.js'
import type {Annotated, Annotation, ApparatusData, Correction, Mention, NoteReference, PersonEntry, QuoteSelector, ResolvedAnnotation, TextSpan, TimelineEvent} from './types.js'
import type {Position} from 'unist'

export interface AnchoredWork {
  work: Work
  tree: Root
  /** Id of the work's start, for links to the work as a whole. */
  startId: string
}

export interface AnchorResult {
  annotations: ResolvedAnnotation[]
  persons: Array<PersonEntry & {mentions: Mention[]}>
  timeline: Array<TimelineEvent & {anchors: Mention[]}>
}

/** Which wrap is outside which when two cover the same range. */
const rank = {correction: 0, person: 1, event: 2, crossref: 3, 'crossref-target': 4, language: 5} as const

export function anchorApparatus(works: AnchoredWork[], data: ApparatusData, registry: IdRegistry): AnchorResult {
  const byWork = new Map(works.map((entry) => [entry.work.meta.id, {...entry, index: new TextIndex(entry.tree), operations: [] as Operation[]}]))
  const result: AnchorResult = {annotations: [], persons: [], timeline: []}

  /** Locate a selector in a work: exactly one span, or a message and undefined. */
  const locate = (workId: string, quote: QuoteSelector, file: VFile, place: Position, what: string): TextSpan | undefined => {
    const target = byWork.get(workId)
    if (!target) return undefined
    const spans = findQuote(target.index.text, quote)
    if (spans.length === 1) return spans[0]
    const shown = `“${quote.exact.length > 60 ? `${quote.exact.slice(0, 57)}…` : quote.exact}”`
    if (spans.length === 0) {
      fail(file, `${what}: ${shown} not found in work \`${workId}\` (${target.work.file.path})`, place, 'anchor-missing')
    } else {
      const where = spans.map((span) => {
        const point = target.index.pointAt(span.start)
        return `${target.work.file.path}:${point.line}:${point.column}`
      })
      fail(file, `${what}: ${shown} matches ${spans.length} times in work \`${workId}\` (${where.join(', ')}): add a prefix or suffix`, place, 'anchor-ambiguous')
    }
    return undefined
  }

  /** Whether a span lies in one run of text (needed to wrap it). */
  const inOneRun = (workId: string, span: TextSpan): boolean => {
    const segment = byWork.get(workId)?.index.segmentAt(span.start)
    return segment !== undefined && span.end <= segment.end
  }

  const conflictReporter = (file: VFile, place: Position, label: string) => (other: WrapOperation): void => {
    fail(file, `${label} overlaps ${other.label} partially: anchor one inside the other, or apart`, place, 'anchor-overlap')
  }

  // Annotations.
  for (const annotation of data.annotations) {
    const target = byWork.get(annotation.work)
    if (!target) continue
    const what = `Annotation \`${annotation.id}\``
    const span = locate(annotation.work, annotation.quote, annotation.file, annotation.quotePosition, what)
    if (!span) continue
    const wraps = annotation.kind === 'correction' || annotation.kind === 'person' || annotation.kind === 'crossref' || annotation.kind === 'language'
    if (wraps && !inOneRun(annotation.work, span)) {
      fail(annotation.file, `${what}: the quote crosses markup (emphasis, a link…); a ${annotation.kind} must lie within one run of text`, annotation.quotePosition, 'anchor-spans-markup')
      continue
    }
    if (!wraps && !target.index.segmentAt(span.end, true)) {
      fail(annotation.file, `${what}: the quote ends where no note mark can go`, annotation.quotePosition, 'anchor-spans-markup')
      continue
    }
    const anchorId = registry.take(annotation.id)
    const point = target.index.pointAt(span.start)
    const resolved: ResolvedAnnotation = {
      id: annotation.id,
      work: annotation.work,
      kind: annotation.kind,
      quote: annotation.quote,
      span,
      line: point.line,
      column: point.column,
      anchorId,
      sources: annotation.sources,
      claims: annotation.claims
    }
    if (annotation.body) resolved.body = structuredClone(annotation.body)
    if (annotation.bodyText !== undefined) resolved.bodyText = annotation.bodyText
    if (annotation.locator !== undefined) resolved.locator = annotation.locator
    if (annotation.quotes !== undefined) resolved.quotes = annotation.quotes
    const onConflict = conflictReporter(annotation.file, annotation.quotePosition, what)

    switch (annotation.kind) {
      case 'correction': {
        resolved.corr = annotation.corr as string
        resolved.reason = annotation.reason as string
        target.operations.push({
          type: 'wrap', start: span.start, end: span.end, leaf: true, rank: rank.correction, onConflict, label: what,
          make: (_children, text): Correction => ({type: 'correction', id: anchorId, sic: text, reason: annotation.reason as string, children: [{type: 'text', value: annotation.corr as string}]})
        })
        break
      }
      case 'person': {
        resolved.person = annotation.person as string
        target.operations.push(personWrap(anchorId, annotation.person as string, span, onConflict, what))
        break
      }
      case 'language': {
        const lang = annotation.lang as string
        resolved.lang = lang
        target.operations.push({
          type: 'wrap', start: span.start, end: span.end, rank: rank.language, onConflict, label: what,
          make: (children): Annotated => ({type: 'annotated', id: anchorId, kind: 'language', lang, children})
        })
        break
      }
      case 'crossref': {
        const link = crossrefTarget(annotation, byWork, locate, registry, onConflict)
        if (!link) continue
        resolved.target = link
        target.operations.push({
          type: 'wrap', start: span.start, end: span.end, rank: rank.crossref, onConflict, label: what,
          make: (children): Annotated => ({
            type: 'annotated', id: anchorId, kind: 'crossref',
            children: [{type: 'link', url: `#${link.id}`, data: {target: {work: link.work, id: link.id}}, children}]
          })
        })
        break
      }
      default: {
        // note, conflict: a numbered mark after the quote.
        const refId = registry.take(`ref-${annotation.id}`)
        target.operations.push({
          type: 'point', at: span.end,
          make: (): NoteReference => ({type: 'noteReference', id: refId, noteId: anchorId, label: ''})
        })
      }
    }
    result.annotations.push(resolved)
  }

  // Person mentions: the register's variants as whole words, plus explicit `person` annotations.
  const explicit = new Map<string, Mention[]>()
  for (const annotation of result.annotations) {
    if (annotation.kind !== 'person' || !annotation.person) continue
    const list = explicit.get(annotation.person) ?? []
    list.push({id: annotation.anchorId, work: annotation.work, span: annotation.span, line: annotation.line, column: annotation.column})
    explicit.set(annotation.person, list)
  }
  const mentions = new Map<string, Mention[]>(data.persons.map((person) => [person.id, []]))
  const matcher = variantMatcher(data.persons)
  if (matcher) {
    for (const [workId, entry] of byWork) {
      const corrections = entry.operations.filter((operation): operation is WrapOperation => operation.type === 'wrap' && operation.leaf === true)
      const taken = new Set((explicit.size > 0 ? [...explicit.values()].flat() : []).filter((mention) => mention.work === workId).map((mention) => `${mention.span.start}:${mention.span.end}`))
      matcher.expression.lastIndex = 0
      for (let match = matcher.expression.exec(entry.index.text); match; match = matcher.expression.exec(entry.index.text)) {
        const person = matcher.byVariant.get(match[0].replace(/\s+/g, ' ')) as PersonEntry
        let span: TextSpan = {start: match.index, end: match.index + match[0].length}
        if (taken.has(`${span.start}:${span.end}`) || !inOneRun(workId, span)) continue
        // A mention inside a correction marks the whole correction (whose text is replaced).
        const around = corrections.find((operation) => operation.start <= span.start && span.end <= operation.end)
        if (around) span = {start: around.start, end: around.end}
        const id = registry.take(`person-${person.id}`)
        const point = entry.index.pointAt(span.start)
        const mention: Mention = {id, work: workId, span, line: point.line, column: point.column}
        const label = `mention of ${person.name} at ${entry.work.file.path}:${point.line}:${point.column}`
        entry.operations.push(personWrap(id, person.id, span, (other) => {
          warn(entry.work.file, `The ${label} overlaps ${other.label} partially and is left out of the index`, {line: point.line, column: point.column}, 'mention-overlap')
          const list = mentions.get(person.id)
          if (list) list.splice(list.indexOf(mention), 1)
        }, label))
        mentions.get(person.id)?.push(mention)
      }
    }
  }
  for (const person of data.persons) {
    const all = [...(mentions.get(person.id) ?? []), ...(explicit.get(person.id) ?? [])]
    result.persons.push({...person, mentions: all})
  }

  // Timeline: each event's mentions become anchors the timeline links to.
  for (const event of data.timeline) {
    const anchors: Mention[] = []
    for (const mention of event.mentions) {
      const entry = byWork.get(mention.work)
      if (!entry || !data.timelineFile) continue
      const span = locate(mention.work, mention.quote, data.timelineFile, mention.position, `Timeline event ${event.date}`)
      if (!span) continue
      if (!inOneRun(mention.work, span)) {
        fail(data.timelineFile, `Timeline event ${event.date}: the quote crosses markup; it must lie within one run of text`, mention.position, 'anchor-spans-markup')
        continue
      }
      const id = registry.take(`event-${event.date.slice(0, 7)}`)
      const point = entry.index.pointAt(span.start)
      const anchor: Mention = {id, work: mention.work, span, line: point.line, column: point.column}
      anchors.push(anchor)
      entry.operations.push({
        type: 'wrap', start: span.start, end: span.end, rank: rank.event, label: `timeline event ${event.date}`,
        onConflict: conflictReporter(data.timelineFile, mention.position, `Timeline event ${event.date}`),
        make: (children): Annotated => ({type: 'annotated', id, kind: 'event', children})
      })
    }
    result.timeline.push({...event, anchors})
  }

  for (const entry of byWork.values()) splice(entry.index, entry.operations)
  return result
}

function personWrap(id: string, person: string, span: TextSpan, onConflict: (other: WrapOperation) => void, label: string): WrapOperation {
  return {
    type: 'wrap', start: span.start, end: span.end, rank: rank.person, onConflict, label,
    make: (children: PhrasingContent[]): Annotated => ({type: 'annotated', id, kind: 'person', person, children})
  }
}

/** Where a crossref points: a passage of its target work (marked there), or the work itself. */
function crossrefTarget(
  annotation: Annotation,
  byWork: Map<string, AnchoredWork & {index: TextIndex; operations: Operation[]}>,
  locate: (workId: string, quote: QuoteSelector, file: VFile, place: Position, what: string) => TextSpan | undefined,
  registry: IdRegistry,
  onConflict: (other: WrapOperation) => void
): (LinkTarget & {quote?: QuoteSelector}) | undefined {
  const target = annotation.target
  if (!target) return undefined
  const entry = byWork.get(target.work)
  if (!entry) {
    warn(annotation.file, `Crossref \`${annotation.id}\` points to \`${target.work}\`, which is not in this edition: left unlinked`, annotation.position, 'crossref-outside')
    return undefined
  }
  if (!target.quote) return {work: target.work, id: entry.startId}
  const what = `Crossref \`${annotation.id}\` target`
  const span = locate(target.work, target.quote, annotation.file, annotation.targetPosition ?? annotation.position, what)
  if (!span) return undefined
  const segment = entry.index.segmentAt(span.start)
  if (!segment || span.end > segment.end) {
    fail(annotation.file, `${what}: the quote crosses markup; it must lie within one run of text`, annotation.targetPosition ?? annotation.position, 'anchor-spans-markup')
    return undefined
  }
  const id = registry.take(`${annotation.id}-target`)
  entry.operations.push({
    type: 'wrap', start: span.start, end: span.end, rank: rank['crossref-target'], onConflict, label: what,
    make: (children): Annotated => ({type: 'annotated', id, kind: 'crossref-target', children})
  })
  return {work: target.work, id, quote: target.quote}
}

/** One regular expression for every variant, longest first, whole words only. */
function variantMatcher(persons: PersonEntry[]): {expression: RegExp; byVariant: Map<string, PersonEntry>} | undefined {
  const byVariant = new Map<string, PersonEntry>()
  for (const person of persons) {
    for (const variant of person.variants) {
      const key = variant.replace(/\s+/g, ' ')
      if (!byVariant.has(key)) byVariant.set(key, person)
    }
  }
  if (byVariant.size === 0) return undefined
  const alternatives = [...byVariant.keys()]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((variant) => variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
  return {expression: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), byVariant}
}
