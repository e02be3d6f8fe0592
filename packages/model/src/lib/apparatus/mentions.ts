/**
 * Person mentions: the register's name variants found as whole words in every work, plus the explicit
 * `person` annotations. Each becomes a wrap the index of persons links to.
 */
import {warn} from '../message.js'
import {personWrap} from './anchor-annotations.js'
import type {AnchorContext} from './anchor-context.js'
import type {WrapOperation} from './splice.js'
import type {Mention, PersonEntry, ResolvedAnnotation, TextSpan} from './types.js'

export function findMentions(
  context: AnchorContext,
  persons: readonly PersonEntry[],
  annotations: readonly ResolvedAnnotation[]
): Array<PersonEntry & {mentions: Mention[]}> {
  const explicit = explicitMentions(annotations)
  const found = new Map<string, Mention[]>(persons.map((person) => [person.id, []]))
  const matcher = variantMatcher(persons)
  if (matcher) {
    for (const [workId, entry] of context.byWork) {
      const corrections = entry.operations.filter((operation): operation is WrapOperation => operation.type === 'wrap' && operation.leaf === true)
      // A span an explicit annotation marks is not found again.
      const taken = new Set(
        [...explicit.values()]
          .flat()
          .filter((mention) => mention.work === workId)
          .map((mention) => `${mention.span.start}:${mention.span.end}`)
      )
      matcher.expression.lastIndex = 0
      for (let match = matcher.expression.exec(entry.index.text); match; match = matcher.expression.exec(entry.index.text)) {
        const person = matcher.byVariant.get(match[0].replace(/\s+/g, ' '))
        let span: TextSpan = {start: match.index, end: match.index + match[0].length}
        if (!person || taken.has(`${span.start}:${span.end}`) || !context.inOneRun(workId, span)) continue
        // A mention inside a correction marks the whole correction (whose text is replaced).
        const around = corrections.find((operation) => operation.start <= span.start && span.end <= operation.end)
        if (around) span = {start: around.start, end: around.end}
        const id = context.registry.take(`person-${person.id}`)
        const point = entry.index.pointAt(span.start)
        const mention: Mention = {id, work: workId, span, line: point.line, column: point.column}
        const label = `mention of ${person.name} at ${entry.work.file.path}:${point.line}:${point.column}`
        // A mention that overlaps another mark partially gives way: left out of the text and of the index.
        entry.operations.push(
          personWrap(
            id,
            person.id,
            span,
            (other) => {
              warn(
                entry.file,
                `The ${label} overlaps ${other.label} partially and is left out of the index`,
                {line: point.line, column: point.column},
                'mention-overlap'
              )
              const list = found.get(person.id)
              if (list) list.splice(list.indexOf(mention), 1)
            },
            label
          )
        )
        found.get(person.id)?.push(mention)
      }
    }
  }
  return persons.map((person) => ({...person, mentions: [...(found.get(person.id) ?? []), ...(explicit.get(person.id) ?? [])]}))
}

/** The mentions `person` annotations make, by person id. */
function explicitMentions(annotations: readonly ResolvedAnnotation[]): Map<string, Mention[]> {
  const explicit = new Map<string, Mention[]>()
  for (const annotation of annotations) {
    if (annotation.kind !== 'person') continue
    const list = explicit.get(annotation.person) ?? []
    list.push({id: annotation.anchorId, work: annotation.work, span: annotation.span, line: annotation.line, column: annotation.column})
    explicit.set(annotation.person, list)
  }
  return explicit
}

/** One regular expression for every variant, longest first, whole words only. */
function variantMatcher(persons: readonly PersonEntry[]): {expression: RegExp; byVariant: Map<string, PersonEntry>} | undefined {
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
