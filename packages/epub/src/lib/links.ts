/**
 * Internal links, made while rendering as `#id` (ids are unique in the
 * edition), become `file.xhtml#id` once every document has its file: the
 * web edition's addressing mapped onto the book's.
 */
import type {Element, ElementContent} from 'hast'
import {writerWarning, type Reporter} from '@samizdat/model'
import type {BookDocument} from './documents.js'

export type IdMap = ReadonlyMap<string, string>

/** Where each id is: the first document that has it (ids from the model are unique). */
export function mapIds(documents: readonly BookDocument[], extra: Iterable<[string, string]> = []): Map<string, string> {
  const map = new Map<string, string>(extra)
  for (const document of documents) {
    for (const id of idsIn(document.body)) if (!map.has(id)) map.set(id, document.file)
  }
  return map
}

/** Point every `#id` link at its file; a link to nowhere is reported and unlinked. */
export function resolveLinks(document: BookDocument, ids: IdMap, report: Reporter | undefined): void {
  const own = new Set(idsIn(document.body))
  walk(document.body, (element) => {
    if (element.tagName !== 'a') return
    const href = element.properties['href']
    if (typeof href !== 'string' || !href.startsWith('#')) return
    const id = href.slice(1)
    if (own.has(id)) return
    const file = ids.get(id)
    if (file) {
      element.properties['href'] = file + '#' + id
      return
    }
    // A fragment nothing in the book holds (a README's raw `<a href="#x">`) would fail epubcheck (RSC-012): unlinked.
    delete element.properties['href']
    report?.(
      writerWarning(`Link to \`#${id}\` (in ${document.file}), which is nowhere in the book: its text stands unlinked`, {
        ruleId: 'epub-link-missing',
        file: document.source,
        place: element.position
      })
    )
  })
}

export function idsIn(nodes: readonly ElementContent[]): string[] {
  const ids: string[] = []
  walk(nodes, (element) => {
    const id = element.properties['id']
    if (typeof id === 'string' && id) ids.push(id)
  })
  return ids
}

function walk(nodes: readonly ElementContent[], visit: (element: Element) => void): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    visit(node)
    walk(node.children, visit)
  }
}
