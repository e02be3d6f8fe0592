/**
 * Load the apparatus of a corpus: `annotations/*.yaml`, `persons.yaml`,
 * `timeline.yaml`, `bibliography.yaml` (all optional). Problems are messages.
 */
import type {VFile} from 'vfile'
import {parseMarkdown} from '../load/markdown.js'
import {dateField} from '../load/date.js'
import {parseYaml, type YamlResult} from '../load/yaml.js'
import {fail} from '../message.js'
import {VFile as File} from 'vfile'
import {readOtherBibliography} from './bibliography-formats.js'
import {validateAnnotation, validateAnnotations, validateBibliography, validatePersons, validateTimeline} from '../load/validate.js'
import type {AnnotationEntry} from './schema.js'
import type {Root} from 'mdast'
import type {Position} from 'unist'
import type {Annotation, ApparatusData, Credit, TimelineEvent} from './types.js'

export interface ApparatusFiles {
  annotations: VFile[]
  persons?: VFile
  timeline?: VFile
  bibliography?: VFile
}

export function loadApparatus(files: ApparatusFiles, workIds: ReadonlySet<string>): ApparatusData {
  const data: ApparatusData = {annotations: [], persons: [], timeline: [], bibliography: []}
  const seen = new Map<string, Annotation>()
  for (const file of files.annotations) {
    const yaml = parseYaml(file, String(file.value))
    const entries = yaml.value === undefined ? undefined : validateAnnotations(file, yaml, 'annotations')?.annotations
    for (const [index, raw] of (entries ?? []).entries()) {
      const where = ['annotations', index]
      const scoped = {
        value: raw,
        locate: (path: ReadonlyArray<string | number>) => yaml.locate([...where, ...path]),
        locateKey: (path: ReadonlyArray<string | number>, key: string) => yaml.locateKey([...where, ...path], key)
      }
      const entry = validateAnnotation(file, scoped, `annotation \`${String(raw['id'] ?? index + 1)}\``)
      if (!entry) continue
      const annotation = toAnnotation(entry, file, yaml, index)
      const unknown = annotation.places.findIndex((place) => !workIds.has(place.work))
      if (unknown >= 0) {
        const place = entry.anchors ? yaml.locate([...where, 'anchors', unknown, 'work']) : yaml.locate([...where, 'work'])
        fail(file, `Unknown work \`${annotation.places[unknown]?.work ?? ''}\` in annotation \`${annotation.id}\``, place, 'work-unknown')
        continue
      }
      if (annotation.kind === 'crossref' && !workIds.has(annotation.target.work)) {
        fail(
          file,
          `Unknown target work \`${annotation.target.work}\` in annotation \`${annotation.id}\``,
          yaml.locate([...where, 'target', 'work']),
          'work-unknown'
        )
        continue
      }
      const previous = seen.get(annotation.id)
      if (previous) {
        fail(
          file,
          `Duplicate annotation id \`${annotation.id}\` (first in ${previous.file.path}:${previous.position.start.line})`,
          yaml.locate([...where, 'id']),
          'id-duplicate'
        )
        continue
      }
      seen.set(annotation.id, annotation)
      data.annotations.push(annotation)
    }
  }

  if (files.persons) {
    data.personsFile = files.persons
    const yaml = parseYaml(files.persons, String(files.persons.value))
    const persons = yaml.value === undefined ? undefined : validatePersons(files.persons, yaml, 'register of persons')?.persons
    if (persons) {
      const ids = new Map<string, number>()
      for (const [index, person] of persons.entries()) {
        const first = ids.get(person.id)
        if (first !== undefined) {
          fail(
            files.persons,
            `Duplicate person id \`${person.id}\` (first at line ${yaml.locate(['persons', first, 'id']).start.line})`,
            yaml.locate(['persons', index, 'id']),
            'id-duplicate'
          )
          continue
        }
        ids.set(person.id, index)
        data.persons.push({...person, sortAs: person.sortAs ?? person.name})
      }
      for (const annotation of data.annotations) {
        if (annotation.kind === 'person' && !ids.has(annotation.person)) {
          fail(annotation.file, `Unknown person \`${annotation.person}\` (not in persons.yaml)`, annotation.position, 'person-unknown')
        }
      }
    }
  }

  if (files.timeline) {
    data.timelineFile = files.timeline
    const file = files.timeline
    const yaml = parseYaml(file, String(file.value))
    const events = yaml.value === undefined ? undefined : validateTimeline(file, yaml, 'timeline')?.events
    if (events) {
      // Events have no id: the same date and label twice is the same event twice.
      const seenEvents = new Map<string, number>()
      for (const [index, event] of events.entries()) {
        const date = dateField(file, event.date, yaml.locate(['events', index, 'date']), 'timeline', true)
        if (!date) continue
        const key = `${date.text} ${event.label}`
        const first = seenEvents.get(key)
        if (first !== undefined) {
          fail(
            file,
            `Duplicate timeline event \`${date.text}\` \`${event.label}\` (first at line ${yaml.locate(['events', first]).start.line})`,
            yaml.locate(['events', index]),
            'id-duplicate'
          )
          continue
        }
        seenEvents.set(key, index)
        const mentions: TimelineEvent['mentions'] = []
        for (const [mentionIndex, mention] of (event.mentions ?? []).entries()) {
          if (!workIds.has(mention.work)) {
            fail(file, `Unknown work \`${mention.work}\` in timeline`, yaml.locate(['events', index, 'mentions', mentionIndex, 'work']), 'work-unknown')
            continue
          }
          mentions.push({...mention, position: yaml.locate(['events', index, 'mentions', mentionIndex, 'quote'])})
        }
        data.timeline.push({date: date.text, label: event.label, mentions})
      }
    }
  }

  if (files.bibliography) {
    data.bibliographyFile = files.bibliography
    // YAML as written; BibTeX and CSL-JSON read into the same shape (and positions), then the same schema.
    const yaml =
      files.bibliography.extname === '.yaml' ? parseYaml(files.bibliography, String(files.bibliography.value)) : readOtherBibliography(files.bibliography)
    const items = yaml === undefined || yaml.value === undefined ? undefined : validateBibliography(files.bibliography, yaml, 'bibliography')?.items
    if (yaml && items) {
      const ids = new Map<string, number>()
      for (const [index, item] of items.entries()) {
        const first = ids.get(item.id)
        if (first !== undefined) {
          fail(
            files.bibliography,
            `Duplicate bibliography id \`${item.id}\` (first at line ${yaml.locate(['items', first, 'id']).start.line})`,
            yaml.locate(['items', index, 'id']),
            'id-duplicate'
          )
          continue
        }
        ids.set(item.id, index)
        data.bibliography.push(item)
      }
    }
  }
  return data
}

/** The annotation an entry describes, with where it is written; narrowing on `kind` keeps each kind's fields. */
function toAnnotation(entry: AnnotationEntry, file: VFile, yaml: YamlResult, index: number): Annotation {
  const where = ['annotations', index]
  // Every place the annotation is anchored; `work` and `quote` are the first as written.
  const anchors = (entry.anchors?.map((anchor, at) => ({...anchor, quotePosition: yaml.locate([...where, 'anchors', at, 'quote'])})) ?? [
    {work: entry.work ?? '', quote: entry.quote ?? {exact: ''}, quotePosition: yaml.locate([...where, 'quote'])}
  ]) as [Annotation['places'][number], ...Array<Annotation['places'][number]>]
  const [first] = anchors
  const places = {file, position: yaml.locate(where), quotePosition: first.quotePosition, work: first.work, quote: first.quote, places: anchors}
  const bodyPlace = yaml.locate([...where, 'body'])
  // A body is parsed once, beside its text; notes and conflicts always have one (their schema rule).
  const body = (text: string | undefined) => (text === undefined ? {} : {bodyText: text, body: parseBody(text, file, bodyPlace)})
  switch (entry.kind) {
    case 'note':
      return {...fields(entry), ...places, bodyText: entry.body, body: parseBody(entry.body, file, bodyPlace)}
    case 'conflict':
      return {...fields(entry), ...places, bodyText: entry.body, body: parseBody(entry.body, file, bodyPlace)}
    case 'crossref': {
      const annotation: Annotation<'crossref'> = {...fields(entry), ...places, ...body(entry.body)}
      if (entry.target.quote) annotation.targetPosition = yaml.locate([...where, 'target', 'quote'])
      return annotation
    }
    case 'correction':
      return {...fields(entry), ...places, ...body(entry.body)}
    case 'person':
      return {...fields(entry), ...places, ...body(entry.body)}
    case 'language':
      return {...fields(entry), ...places, ...body(entry.body)}
    case 'caption':
      return {...fields(entry), ...places, ...body(entry.body)}
  }
}

/** An entry's fields but its Markdown `body` (parsed by the caller), with `sources` defaulted. */
function fields<E extends AnnotationEntry>(entry: E): Omit<E, 'body' | 'sources' | 'anchors' | 'work' | 'quote'> & {sources: Credit[]} {
  const {body: _body, sources, anchors: _anchors, work: _work, quote: _quote, ...rest} = entry
  return {...rest, sources: sources ?? []}
}

/** An annotation's Markdown body; a body past a limit is an error of the annotation file, at the body. */
function parseBody(text: string, file: VFile, place: Position): Root {
  const body = new File({cwd: file.cwd, path: file.path, value: text})
  const tree = parseMarkdown(body)
  for (const message of body.messages) fail(file, message.reason, place, message.ruleId ?? 'nesting-too-deep')
  return tree
}
