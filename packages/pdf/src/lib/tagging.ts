/**
 * Binds the logical structure tree to pdfkit's structure elements as pages
 * are drawn, and brackets every drawing in marked content: structure
 * content (with an MCID) or an artifact. Elements are created on first use,
 * earlier siblings and companions first, so the tree keeps reading order.
 *
 * `Link` elements are made once per page and ended with it (and what is
 * inside them): pdfkit records the page of a link's annotation when the
 * element is flushed.
 */
import {compareKeys, pdfString, structEntries, structReference, type Doc, type StructElement} from './pdfkit.js'
import type {StructNode} from './structure.js'

export type ArtifactType = 'Pagination' | 'Layout'

export class Tagger {
  readonly #doc: Doc
  readonly #elements = new Map<StructNode, StructElement>()
  readonly #created = new Set<StructNode>()
  /** Per parent, how many of its children have been looked at: each is made once, so this stays linear. */
  readonly #made = new Map<StructNode, number>()
  #pageLinks: StructNode[] = []
  readonly #ids: Array<[string, StructElement]> = []
  #open: StructNode | 'artifact' | undefined

  constructor(doc: Doc, root: StructNode) {
    this.#doc = doc
    const element = doc.struct(root.type, root.options)
    doc.addStructure(element)
    this.#elements.set(root, element)
    this.#created.add(root)
  }

  /** The pdfkit element for `node`, made (with its ancestors) if need be. */
  element(node: StructNode): StructElement {
    const existing = this.#elements.get(node)
    if (existing) return existing
    const parent = node.parent
    if (!parent) throw new Error(`Structure node ${node.type} has no parent and is not the root`)
    const parentElement = this.element(parent)
    for (let index = this.#made.get(parent) ?? 0; index < node.index; index++) {
      const sibling = parent.children[index] as StructNode
      if (!this.#created.has(sibling) && sibling.type !== 'Link') this.#make(sibling, parentElement)
    }
    this.#made.set(parent, Math.max(this.#made.get(parent) ?? 0, node.index + 1))
    const element = this.#make(node, parentElement)
    for (const companion of node.companions) this.element(companion)
    return element
  }

  #make(node: StructNode, parent: StructElement): StructElement {
    const element = this.#doc.struct(node.type, node.options)
    if (node.attributes) structEntries(element)['A'] = {...node.attributes}
    if (node.id !== undefined) {
      structEntries(element)['ID'] = pdfString(node.id)
      this.#ids.push([node.id, element])
    }
    parent.add(element)
    this.#elements.set(node, element)
    this.#created.add(node)
    if (node.type === 'Link') this.#pageLinks.push(node)
    return element
  }

  /** Start (or continue) marked content owned by `node`. */
  content(node: StructNode): void {
    if (this.#open === node) return
    this.close()
    const element = this.element(node)
    element.add(this.#doc.markStructureContent(node.type))
    this.#open = node
  }

  artifact(type: ArtifactType): void {
    if (this.#open === 'artifact') return
    this.close()
    this.#doc.markContent('Artifact', {type})
    this.#open = 'artifact'
  }

  close(): void {
    if (this.#open !== undefined) this.#doc.endMarkedContent()
    this.#open = undefined
  }

  /** Elements with an `ID` must be listed in the structure tree root's `IDTree`. */
  finish(): void {
    this.close()
    if (this.#ids.length === 0) return
    const names = [...this.#ids].sort(([a], [b]) => compareKeys(a, b)).flatMap(([id, element]) => [pdfString(id), structReference(element)])
    Object.assign(this.#doc.getStructTreeRoot().data, {IDTree: {Names: names}})
  }

  /** End the page: close marked content and this page's link elements. */
  endPage(): void {
    this.close()
    for (const node of this.#pageLinks) {
      this.#elements.get(node)?.end()
      this.#forget(node)
    }
    this.#pageLinks = []
  }

  /** An ended element and those inside it (a passage's `Span` in a link): the next page makes new ones. */
  #forget(node: StructNode): void {
    this.#elements.delete(node)
    for (const child of node.children) if (this.#elements.has(child)) this.#forget(child)
  }
}
