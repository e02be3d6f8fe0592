/**
 * Notes: number the note marks of a work in reading order and build each
 * note's content (an editor's note's body; a conflict's body and claims).
 */
import type {BlockContent, ListItem, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import type {NoteReference, ResolvedAnnotation, ResolvedNote} from './types.js'

export function collectNotes(tree: Root, annotations: ReadonlyMap<string, ResolvedAnnotation>): ResolvedNote[] {
  const notes: ResolvedNote[] = []
  visit(tree, 'noteReference', (node: NoteReference) => {
    const annotation = annotations.get(node.noteId)
    if (!annotation) return
    const number = notes.length + 1
    node.label = String(number)
    annotation.number = number
    notes.push({id: node.noteId, refId: node.id, number, kind: annotation.kind === 'conflict' ? 'conflict' : 'note', children: noteContent(annotation)})
  })
  return notes
}

function noteContent(annotation: ResolvedAnnotation): BlockContent[] {
  const children = [...((annotation.body?.children ?? []) as BlockContent[])]
  if (annotation.kind === 'conflict' && annotation.claims.length > 0) {
    const items: ListItem[] = annotation.claims.map((claim) => ({
      type: 'listItem',
      spread: false,
      children: [{type: 'paragraph', children: [{type: 'emphasis', children: [{type: 'text', value: claim.claim}]}, {type: 'text', value: ` (${claim.credit})`}]}]
    }))
    children.unshift({type: 'paragraph', children: [{type: 'text', value: 'The sources disagree:'}]}, {type: 'list', ordered: false, spread: false, children: items})
  }
  return children
}
