/**
 * A name for every text node of an edition's reading text, the same in every adapter and every process
 * (the PDF may lay out on a worker thread): the tree it is in and its path of child indexes. A print
 * adapter says where each of its pages starts as such a name and an offset into the node's text; an
 * e-book marks the same place (the EPUB's page-list).
 */
import type {Nodes, Root, Text} from 'mdast'
import type {ResolvedEdition} from './types.js'

/** Where a page starts, and the page's label as printed (roman in the front matter). */
export interface PageStart {
  /** A text node's name (see `textPlaces`); or `#` and the id of the element the page opens with (a chapter's heading). */
  place: string
  /** Where in the node's value (0 for an element). */
  offset: number
  label: string
}

/** Every text node of the preface, the works (and their source notes) and the back matter, by node. */
export function textPlaces(edition: ResolvedEdition): Map<Text, string> {
  const places = new Map<Text, string>()
  const trees: [string, Root][] = []
  if (edition.preface) trees.push(['preface', edition.preface.tree])
  for (const work of edition.works) trees.push([`work:${work.id}`, work.tree], [`source:${work.id}`, work.sourceNote])
  for (const section of edition.backMatter) trees.push([`back:${section.id}`, section.tree])
  for (const [name, tree] of trees) walk(tree, name)
  return places

  function walk(node: Nodes, path: string): void {
    if (node.type === 'text') places.set(node, path)
    else if ('children' in node) node.children.forEach((child, index) => walk(child as Nodes, `${path}.${index}`))
  }
}
