import type {Element} from 'hast'
import {h} from 'hastscript'
import type {Handler, State} from 'mdast-util-to-hast'
import type {NoteReference} from '@samizdat/model'
import type {HandlerContext} from './context.js'

/**
 * A note mark: a superscript number linking to the note, with an id the
 * note links back to. Named “Note 3”, not just “3”, for screen readers.
 */
export function createNoteReference(context: HandlerContext): Handler {
  return function noteReference(state: State, node: NoteReference) {
    const result: Element = h(
      'a',
      {
        href: '#' + node.noteId,
        id: node.id,
        className: ['noteref'],
        role: 'doc-noteref',
        ariaLabel: context.labels.note + ' ' + node.label,
        ...(context.epub ? {'epub:type': 'noteref'} : {})
      },
      [h('sup', node.label)]
    )
    state.patch(node, result)
    return result
  }
}
