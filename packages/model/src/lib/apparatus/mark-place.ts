/**
 * Where a note's mark sits, decided once for every format. After closing
 * punctuation and quotation marks, not inside them ("management”⁶", not
 * "management⁶”"), as the Chicago Manual has it (a dash or a parenthesis
 * stays after the mark). After a figure, a narrow no-break space keeps the
 * mark from reading as one more digit ("the 22 ³", not "223") in a text
 * layer, a screen reader or a copied line, and on the same line.
 */
import type {Nodes, Parent, Text} from 'mdast'

/** Closing punctuation and quotes; an apostrophe only when no letter follows (not "Trotsky’s"). */
const closing = /^(?:[.,;:!?…”»"]|’(?!\p{L}))+/u
const digitEnd = /\p{Nd}$/u
const NNBSP = '\u202F'

function isMark(node: Nodes | undefined): boolean {
  return node?.type === 'noteReference' || node?.type === 'footnoteReference'
}

/** The text a node ends with, through its last descendants. */
function lastText(node: Nodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node && node.children.length > 0) return lastText(node.children.at(-1) as Nodes)
  return ''
}

export function placeMarks(node: Nodes): void {
  if (!('children' in node)) return
  const children = (node as Parent).children as Nodes[]
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Nodes
    if (!isMark(child)) {
      placeMarks(child)
      continue
    }
    // A run of marks (¹²) moves as one, past what follows it, until no punctuation is left between marks.
    let last = index
    for (;;) {
      while (isMark(children[last + 1])) last++
      const after = children[last + 1]
      const moved = after?.type === 'text' ? closing.exec(after.value)?.[0] : undefined
      if (after?.type !== 'text' || !moved) break
      after.value = after.value.slice(moved.length)
      if (after.value === '') children.splice(last + 1, 1)
      const before = children[index - 1]
      if (before?.type === 'text') before.value += moved
      else {
        children.splice(index, 0, {type: 'text', value: moved} satisfies Text)
        index++
        last++
      }
    }
    const before = children[index - 1]
    if (before?.type === 'text' && digitEnd.test(before.value)) before.value += NNBSP
    else if (before && digitEnd.test(lastText(before))) {
      // After emphasis or a link that ends in a figure ("*Appeal of the 22*"): the space stands outside it.
      children.splice(index, 0, {type: 'text', value: NNBSP} satisfies Text)
      last++
    }
    index = last
  }
}
