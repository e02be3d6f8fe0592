/**
 * Load the apparatus of a corpus: `annotations/*.yaml`, `persons.yaml`,
 * `timeline.yaml`, `bibliography.yaml` (all optional). Problems are messages.
 */
import type {VFile} from 'vfile'
import {parseMarkdown} from '../load/markdown.js'
import {dateField} from '../load/date.js'
import {validate} from '../load/schema.js'
import {parseYaml, type YamlResult} from '../load/yaml.js'
import {fail} from '../message.js'
import {VFile as File} from 'vfile'
import {readOtherBibliography} from './bibliography-formats.js'
import {annotationSchema, annotationsSchema, bibliographySchema, personsSchema, timelineSchema} from './schema.js'
import type {Annotation, ApparatusData, CslItem, PersonEntry, TimelineEvent} from './types.js'

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
    const yaml = read(file, annotationsSchema, 'annotations')
    if (!yaml) continue
    const entries = (yaml.value as {annotations: Array<Record<string, unknown>>}).annotations
    for (const [index, entry] of entries.entries()) {
      const where = ['annotations', index]
      const scoped = {
        value: entry,
        locate: (path: ReadonlyArray<string | number>) => yaml.locate([...where, ...path]),
        locateKey: (path: ReadonlyArray<string | number>, key: string) => yaml.locateKey([...where, ...path], key)
      }
      if (!validate(file, scoped, annotationSchema, `annotation \`${String(entry['id'] ?? index + 1)}\``)) continue
      const annotation = toAnnotation(entry, file, yaml, index)
      if (!workIds.has(annotation.work)) {
        fail(file, `Unknown work \`${annotation.work}\` in annotation \`${annotation.id}\``, yaml.locate([...where, 'work']), 'work-unknown')
        continue
      }
      if (annotation.target && !workIds.has(annotation.target.work)) {
        fail(file, `Unknown target work \`${annotation.target.work}\` in annotation \`${annotation.id}\``, yaml.locate([...where, 'target', 'work']), 'work-unknown')
        continue
      }
      const previous = seen.get(annotation.id)
      if (previous) {
        fail(file, `Duplicate annotation id \`${annotation.id}\` (first in ${previous.file.path}:${previous.position.start.line})`, yaml.locate([...where, 'id']), 'id-duplicate')
        continue
      }
      seen.set(annotation.id, annotation)
      data.annotations.push(annotation)
    }
  }

  if (files.persons) {
    data.personsFile = files.persons
    const yaml = read(files.persons, personsSchema, 'register of persons')
    if (yaml) {
      const persons = (yaml.value as {persons: PersonEntry[]}).persons
      const ids = new Map<string, number>()
      for (const [index, person] of persons.entries()) {
        const first = ids.get(person.id)
        if (first !== undefined) {
          fail(files.persons, `Duplicate person id \`${person.id}\` (first at line ${yaml.locate(['persons', first, 'id']).start.line})`, yaml.locate(['persons', index, 'id']), 'id-duplicate')
          continue
        }
        ids.set(person.id, index)
        data.persons.push({...person, sortAs: person.sortAs ?? person.name})
      }
      for (const annotation of data.annotations) {
        if (annotation.person !== undefined && !ids.has(annotation.person)) {
          fail(annotation.file, `Unknown person \`${annotation.person}\` (not in persons.yaml)`, annotation.position, 'person-unknown')
        }
      }
    }
  }

  if (files.timeline) {
    data.timelineFile = files.timeline
    const file = files.timeline
    const yaml = read(file, timelineSchema, 'timeline')
    if (yaml) {
      const events = (yaml.value as {events: Array<{date: string; label: string; mentions?: Array<{work: string; quote: TimelineEvent['mentions'][number]['quote']}>}>}).events
      // Events have no id: the same date and label twice is the same event twice.
      const seenEvents = new Map<string, number>()
      for (const [index, event] of events.entries()) {
        const date = dateField(file, event.date, yaml.locate(['events', index, 'date']), 'timeline', true)
        if (!date) continue
        const key = `${date.text} ${event.label}`
        const first = seenEvents.get(key)
        if (first !== undefined) {
          fail(file, `Duplicate timeline event \`${date.text}\` \`${event.label}\` (first at line ${yaml.locate(['events', first]).start.line})`, yaml.locate(['events', index]), 'id-duplicate')
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
    const yaml = files.bibliography.extname === '.yaml' ? read(files.bibliography, bibliographySchema, 'bibliography') : checked(files.bibliography, readOtherBibliography(files.bibliography))
    if (yaml) {
      const ids = new Map<string, number>()
      for (const [index, item] of (yaml.value as {items: CslItem[]}).items.entries()) {
        const first = ids.get(item.id)
        if (first !== undefined) {
          fail(files.bibliography, `Duplicate bibliography id \`${item.id}\` (first at line ${yaml.locate(['items', first, 'id']).start.line})`, yaml.locate(['items', index, 'id']), 'id-duplicate')
          continue
        }
        ids.set(item.id, index)
        data.bibliography.push(item)
      }
    }
  }
  return data
}

function checked(file: VFile, yaml: YamlResult | undefined): YamlResult | undefined {
  return yaml && yaml.value !== undefined && validate(file, yaml, bibliographySchema, 'bibliography') ? yaml : undefined
}

function read(file: VFile, schema: object, what: string): YamlResult | undefined {
  const yaml = parseYaml(file, String(file.value))
  if (yaml.value === undefined || !validate(file, yaml, schema, what)) return undefined
  return yaml
}

function toAnnotation(entry: Record<string, unknown>, file: VFile, yaml: YamlResult, index: number): Annotation {
  const where = ['annotations', index]
  const annotation = {
    ...(entry as unknown as Omit<Annotation, 'body' | 'file' | 'position' | 'quotePosition' | 'sources' | 'claims'>),
    sources: (entry['sources'] as Annotation['sources'] | undefined) ?? [],
    claims: (entry['claims'] as Annotation['claims'] | undefined) ?? [],
    file,
    position: yaml.locate(where),
    quotePosition: yaml.locate([...where, 'quote'])
  } as Annotation
  delete (annotation as {body?: unknown}).body
  if (typeof entry['body'] === 'string') {
    annotation.bodyText = entry['body']
    const body = new File({path: file.path, value: entry['body']})
    annotation.body = parseMarkdown(body)
    // A body past a limit: its error belongs to the annotation file, at the body.
    for (const message of body.messages) fail(file, message.reason, yaml.locate([...where, 'body']), message.ruleId ?? 'nesting-too-deep')
  }
  if (annotation.target?.quote) annotation.targetPosition = yaml.locate([...where, 'target', 'quote'])
  return annotation
}
