/**
 * The PDF outline (bookmarks), built as pages are drawn: each entry nests
 * under the last entry of smaller depth and points at the same named
 * destination as the contents and cross-references.
 */
import type {Doc, Outline} from './pdfkit.js'
import {outlineEntries, pdfString} from './pdfkit.js'

export class Outliner {
  readonly #stack: Array<{depth: number; item: Outline}>

  constructor(doc: Doc) {
    this.#stack = [{depth: 0, item: doc.outline}]
  }

  /** Add an entry on the current page. */
  add(title: string, depth: number, dest: string): void {
    while ((this.#stack.at(-1) as {depth: number}).depth >= depth) this.#stack.pop()
    const parent = (this.#stack.at(-1) as {item: Outline}).item
    const item = parent.addItem(title)
    // pdfkit points items at the whole page; the named destination is the heading itself.
    outlineEntries(item)['Dest'] = pdfString(dest)
    this.#stack.push({depth, item})
  }
}
