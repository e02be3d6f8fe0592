/**
 * The print edition's pages in the book. Where the PDF says a page starts (`PageStart`) in the text, an
 * empty marker is put into a copy of the edition's trees before they are rendered, so that it lands before
 * the first word printed on that page, even mid-paragraph or mid-word; `@samizdat/html` renders it as an
 * empty `<span id>` (its handler for unknown nodes with an id). Where a page opens with an element (a
 * chapter's title: `#id`), the marker is the first thing in that element. `markPageBreaks` makes each a
 * page break (`epub:type="pagebreak"`, `role="doc-pagebreak"`, `aria-label`); nav.ts lists them in the
 * `page-list`.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Nodes, Parent, Root, Text} from 'mdast'
import {textPlaces, type PageStart, type ResolvedEdition} from '@samizdat/model'

/** A page break placed in the book: its element id and its label as printed. */
export interface PageBreak {
  id: string
  label: string
}

/** The id of the marker of the page labelled `label` (labels are unique: roman, then arabic). */
function breakId(label: string): string {
  return 'print-page-' + label
}

/** The edition with a marker before the first word of each page that starts in the text. */
export function withPageBreaks(edition: ResolvedEdition, starts: readonly PageStart[]): ResolvedEdition {
  const byPlace = new Map([...textPlaces(edition)].map(([node, place]) => [place, node]))
  const at = new Map<Text, PageStart[]>()
  for (const start of starts) {
    const node = byPlace.get(start.place)
    if (!node || start.offset < 0 || start.offset > node.value.length) continue
    at.set(node, [...(at.get(node) ?? []), start])
  }
  if (at.size === 0) return edition
  const rewrite = <T extends Root>(tree: T): T => copy(tree) as T
  return {
    ...edition,
    ...(edition.preface ? {preface: {...edition.preface, tree: rewrite(edition.preface.tree)}} : {}),
    works: edition.works.map((work) => ({...work, tree: rewrite(work.tree), sourceNote: rewrite(work.sourceNote)})),
    backMatter: edition.backMatter.map((section) => ({...section, tree: rewrite(section.tree)}))
  }

  /** A parent is copied only when something under it changes: the edition's own trees are never touched. */
  function copy(node: Nodes): Nodes {
    if (!('children' in node)) return node
    let changed = false
    const children: Nodes[] = []
    for (const child of node.children as Nodes[]) {
      const here = child.type === 'text' ? at.get(child) : undefined
      const copied = here ? split(child as Text, here) : [copy(child)]
      if (here || copied[0] !== child) changed = true
      children.push(...copied)
    }
    return changed ? ({...node, children} as Parent as Nodes) : node
  }

  function split(node: Text, here: readonly PageStart[]): Nodes[] {
    const pieces: Nodes[] = []
    let from = 0
    for (const start of [...here].sort((a, b) => a.offset - b.offset)) {
      if (start.offset > from) pieces.push({...node, value: node.value.slice(from, start.offset)})
      // Rendered by `@samizdat/html` as an empty span with this id (its handler for unknown nodes).
      pieces.push({type: 'pageBreak', id: breakId(start.label), children: []} as unknown as Nodes)
      from = start.offset
    }
    if (from < node.value.length) pieces.push({...node, value: node.value.slice(from)})
    return pieces
  }
}

/**
 * Make each marker a page break as EPUB and DPUB-ARIA say (`epub:type`, `role`, and the page's label as
 * printed), and put one first into each element a page opens with. The page breaks placed, by label.
 */
export function markPageBreaks(nodes: ElementContent[], starts: readonly PageStart[], placed: Set<string>): void {
  const labels = new Map(starts.map((start) => [breakId(start.label), start.label]))
  const opening = new Map(starts.filter((start) => start.place.startsWith('#')).map((start) => [start.place.slice(1), start.label]))
  visit(nodes)

  function visit(children: ElementContent[]): void {
    for (const node of children) {
      if (node.type !== 'element') continue
      const id = node.properties['id']
      const label = typeof id === 'string' ? labels.get(id) : undefined
      if (label !== undefined && node.tagName === 'span') {
        mark(node, label)
        continue
      }
      visit(node.children)
      const opens = typeof id === 'string' ? opening.get(id) : undefined
      if (opens !== undefined && !placed.has(opens) && /^h[1-6]$/.test(node.tagName)) {
        const marker = h('span', {id: breakId(opens)})
        mark(marker, opens)
        node.children.unshift(marker)
      }
    }
  }

  function mark(node: Element, label: string): void {
    node.properties['epub:type'] = 'pagebreak'
    node.properties['role'] = 'doc-pagebreak'
    node.properties['ariaLabel'] = label
    placed.add(label)
  }
}

/** The page breaks placed, in the print edition's order. */
export function placedBreaks(starts: readonly PageStart[], placed: ReadonlySet<string>): PageBreak[] {
  return starts.filter((start) => placed.has(start.label)).map((start) => ({id: breakId(start.label), label: start.label}))
}
