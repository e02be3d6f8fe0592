/**
 * Notes: number the note marks of a work in reading order and build each
 * note's content (an editor's note's body; a conflict's body and claims).
 * GFM footnotes (`[^1]`) join the same sequence, so a work has one numbering
 * whichever kind of note a mark calls.
 */
import type {BlockContent, FootnoteDefinition, FootnoteReference, ListItem, Nodes, Paragraph, Parent, PhrasingContent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {warn} from '../message.js'
import type {IdRegistry} from '../resolve/ids.js'
import {placeMarks} from './mark-place.js'
import type {ModelLabels} from '../locale/types.js'
import type {NoteReference, ResolvedAnnotation, ResolvedNote} from './types.js'

/**
 * Marks go after closing punctuation first (see mark-place.ts).
 * A footnote's own content is read where its first mark is: marks inside it
 * (a footnote referenced only from another footnote, an editor's note anchored
 * in one) are numbered next, so no note is lost. A definition that no mark
 * calls is reported, not silently left out.
 */
export function collectNotes(
  tree: Root,
  annotations: ReadonlyMap<string, ResolvedAnnotation>,
  registry: IdRegistry,
  workId: string,
  file: VFile | undefined,
  labels: ModelLabels,
  titleOf: (workId: string) => string = (workId) => workId,
  // The closing paragraph naming the published works a note rests on (see note-sources.ts).
  sourcesOf: (annotation: ResolvedAnnotation) => BlockContent | undefined = () => undefined
): ResolvedNote[] {
  const definitions = takeDefinitions(tree)
  // A note's own marks follow the same rule as the text's.
  placeMarks(tree)
  for (const definition of definitions.values()) placeMarks(definition)
  const notes: ResolvedNote[] = []
  const footnotes = new Map<string, ResolvedNote>()
  const walk = (node: Nodes): void => {
    if (!('children' in node)) return
    const children = node.children as Nodes[]
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as Nodes
      if (child.type === 'noteReference') {
        const annotation = annotations.get(child.noteId)
        if (!annotation) continue
        const number = notes.length + 1
        child.label = String(number)
        annotation.number = number
        const carrier = annotation.seeNote === undefined ? undefined : annotations.get(annotation.seeNote)
        notes.push({
          id: child.noteId,
          refId: child.id,
          number,
          kind: annotation.kind === 'conflict' ? 'conflict' : 'note',
          children: carrier
            ? seeNote(carrier, carrier.work === workId ? undefined : titleOf(carrier.work), labels)
            : noteContent(annotation, labels, sourcesOf(annotation))
        })
      } else if (child.type === 'footnoteReference') {
        const known = footnotes.size
        const mark = footnoteMark(child, definitions, footnotes, notes, registry, workId)
        if (mark) (children as Parent['children'])[index] = mark
        // A footnote met for the first time: its own marks come next in the reading order.
        const met = footnotes.size > known ? notes.at(-1) : undefined
        if (met) walk({type: 'root', children: met.children})
      } else {
        walk(child)
      }
    }
  }
  walk(tree)
  if (file) {
    for (const [identifier, definition] of definitions) {
      if (!footnotes.has(identifier))
        warn(file, `Footnote \`[^${definition.label ?? identifier}]\` is defined but never referenced: it is left out`, definition.position, 'footnote-unused')
    }
  }
  return notes
}

/** Remove GFM footnote definitions from the tree, by identifier. */
function takeDefinitions(tree: Root): Map<string, FootnoteDefinition> {
  const definitions = new Map<string, FootnoteDefinition>()
  const walk = (node: Nodes): void => {
    if (!('children' in node)) return
    const children = node.children as Nodes[]
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index] as Nodes
      if (child.type === 'footnoteDefinition') {
        if (!definitions.has(child.identifier)) definitions.set(child.identifier, child)
        children.splice(index, 1)
      } else {
        walk(child)
      }
    }
  }
  walk(tree)
  return definitions
}

function footnoteMark(
  reference: FootnoteReference,
  definitions: ReadonlyMap<string, FootnoteDefinition>,
  footnotes: Map<string, ResolvedNote>,
  notes: ResolvedNote[],
  registry: IdRegistry,
  workId: string
): NoteReference | undefined {
  const definition = definitions.get(reference.identifier)
  if (!definition) return undefined
  let note = footnotes.get(reference.identifier)
  const refId = registry.take(`${workId}-fnref-${reference.identifier}`)
  if (!note) {
    note = {
      id: registry.take(`${workId}-fn-${reference.identifier}`),
      refId,
      number: notes.length + 1,
      kind: 'footnote',
      children: definition.children as BlockContent[]
    }
    footnotes.set(reference.identifier, note)
    notes.push(note)
  }
  const mark: NoteReference = {type: 'noteReference', id: refId, noteId: note.id, label: String(note.number)}
  if (reference.position) mark.position = reference.position
  return mark
}

/**
 * The short reference a later place of a shared note carries: `See note 5, p. 3.` where there are pages,
 * `See note 5 in Title.` (a link) on the web; the carrier was numbered first, being first in reading order.
 */
function seeNote(carrier: ResolvedAnnotation, title: string | undefined, labels: ModelLabels): BlockContent[] {
  const target = {work: carrier.work, id: carrier.anchorId}
  const number = String(carrier.number ?? '')
  const paragraph: Paragraph = {
    type: 'paragraph',
    children: [
      {type: 'text', value: `${labels.seeNote} `},
      {type: 'link', url: `#${target.id}`, data: {target}, children: [{type: 'text', value: number}]},
      {type: 'text', value: `, ${labels.pageAbbr} `, data: {only: 'paged'}},
      {type: 'link', url: `#${target.id}`, data: {target, pageRef: true, only: 'paged'}, children: [{type: 'text', value: number}]},
      ...(title
        ? [
            {type: 'text', value: ` ${labels.inWork} `, data: {only: 'web'}} satisfies PhrasingContent,
            {type: 'emphasis', data: {only: 'web'}, children: [{type: 'text', value: title}]} satisfies PhrasingContent
          ]
        : []),
      {type: 'text', value: '.'}
    ]
  }
  return [paragraph]
}

function noteContent(annotation: ResolvedAnnotation, labels: ModelLabels, sources: BlockContent | undefined): BlockContent[] {
  const children = [...((annotation.body?.children ?? []) as BlockContent[])]
  if (annotation.kind === 'conflict' && annotation.claims.length > 0) {
    const items: ListItem[] = annotation.claims.map((claim) => ({
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: [
            {type: 'emphasis', children: [{type: 'text', value: claim.claim}]},
            {type: 'text', value: ` (${claim.credit})`}
          ]
        }
      ]
    }))
    children.unshift(
      {type: 'paragraph', children: [{type: 'text', value: labels.sourcesDisagree}]},
      {type: 'list', ordered: false, spread: false, children: items}
    )
  }
  if (sources) children.push(sources)
  return children
}
