/**
 * What a reader must find in the book, from the model (`blocksOf`): every
 * heading, paragraph, code block and table cell of the preface, the works and
 * the back matter, in reading order; and every note's blocks, by work.
 * Note marks count as the number they show, images as the text that
 * stands in for them (a book does not fetch them).
 */
import type {Nodes, Root} from 'mdast'
import {blocksOf, type ResolvedEdition} from '@samizdat/model'
import {collapse} from './xml.js'

export interface Expected {
  /** The main flow: preface, works, back matter. */
  flow: string[]
  /** Each work's notes, by work id, in their order. */
  notes: Map<string, string[]>
}

export function expectedText(edition: ResolvedEdition): Expected {
  const texts = (tree: Root): string[] => blocksOf(shown(structuredClone(tree), edition.labels.epub.imageLeftOut)).map((block) => block.text)
  const flow: string[] = []
  if (edition.preface) flow.push(edition.preface.title, ...texts(edition.preface.tree))
  const notes = new Map<string, string[]>()
  for (const work of edition.works) {
    flow.push(work.meta.title, ...texts(work.tree))
    notes.set(
      work.id,
      work.notes.flatMap((note) => texts({type: 'root', children: note.children}))
    )
  }
  for (const section of edition.backMatter) flow.push(section.title, ...texts(section.tree))
  return {flow: flow.map(collapse).filter(Boolean), notes}
}

/**
 * The tree as read: a note mark is its number, an image the words in its place; what only paged formats show
 * (page and line references, `data.only: 'paged'`) is not there.
 */
function shown<T extends Nodes>(node: T, leftOut: string): T {
  if ('children' in node) {
    const children = (node.children as Nodes[]).filter((child) => (child.data as {only?: string} | undefined)?.only !== 'paged')
    node.children = children.map((child) =>
      child.type === 'noteReference'
        ? {type: 'text', value: child.label}
        : child.type === 'image'
          ? {type: 'text', value: leftOut.replace('{alt}', child.alt || child.url)}
          : shown(child as Nodes, leftOut)
    ) as typeof node.children
  }
  return node
}

/**
 * Check that the blocks appear in the text in this order; returns the blocks
 * that do not (each searched for after the previous one found).
 */
export function missingInOrder(text: string, blocks: readonly string[]): string[] {
  const missing: string[] = []
  let from = 0
  for (const block of blocks) {
    const at = text.indexOf(block, from)
    if (at === -1) missing.push(block)
    else from = at + block.length
  }
  return missing
}
