/**
 * The print edition's pages in the book. Where the PDF says a page starts (`PageStart`) in the text, an
 * empty marker lands before the first word printed on that page, even mid-paragraph or mid-word, as an
 * empty `<span id>`. A work's chapters are rendered before the page starts are known (while the PDF is laid
 * out) with their text nodes' places noted (`@samizdat/html`'s `places`): `placePageBreaks` splits the
 * rendered text there, as rendering the text with the markers in it would have. Where that cannot be done
 * exactly (a place not found: raw HTML, text the rendering changed or left out), and for the preface and
 * the back matter, the markers are put into a copy of the edition's trees before they are rendered
 * (`withPageBreaks`); `@samizdat/html` renders them as empty spans (its handler for unknown nodes with an
 * id). Where a page opens with an element (a chapter's title: `#id`), the marker is the first thing in
 * that element. `markPageBreaks` makes each a page break (`epub:type="pagebreak"`, `role="doc-pagebreak"`,
 * `aria-label`); nav.ts lists them in the `page-list`.
 */
import type {Element, ElementContent, Text as HastText} from 'hast'
import {h} from 'hastscript'
import type {Nodes, Parent, Root, Text} from 'mdast'
import {trimLines} from 'trim-lines'
import type {PageStart, ResolvedEdition} from '@samizdat/model'

/** A page break placed in the book: its element id and its label as printed. */
export interface PageBreak {
  id: string
  label: string
}

/** The page starts in each text node, by the node's place (see `textPlaces`): those its text can hold, in order. */
export type StartsAt = ReadonlyMap<string, {node: Text; starts: readonly PageStart[]}>

/** The id of the marker of the page labelled `label` (labels are unique: roman, then arabic). */
function breakId(label: string): string {
  return 'print-page-' + label
}

/** The page starts by text node, from the edition's places (`textPlaces`). */
export function startsAt(places: ReadonlyMap<Text, string>, starts: readonly PageStart[]): StartsAt {
  const at = new Map<string, {node: Text; starts: PageStart[]}>()
  if (starts.length === 0) return at
  const byPlace = new Map([...places].map(([node, place]) => [place, node]))
  for (const start of starts) {
    const node = byPlace.get(start.place)
    if (!node || start.offset < 0 || start.offset > node.value.length) continue
    const known = at.get(start.place)
    if (known) known.starts.push(start)
    else at.set(start.place, {node, starts: [start]})
  }
  // By offset; those at one offset in the print edition's order.
  for (const entry of at.values()) entry.starts.sort((a, b) => a.offset - b.offset)
  return at
}

/** The edition with a marker before the first word of each page that starts in the text. */
export function withPageBreaks(edition: ResolvedEdition, starts: StartsAt): ResolvedEdition {
  const at = new Map([...starts.values()].map((entry) => [entry.node, entry.starts]))
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
    for (const start of here) {
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
 * Put the markers of the page starts at the places `expected` into rendered chapters whose text nodes say
 * which places they hold (`data.places`, see `@samizdat/html`'s `places`), each an empty span with its id;
 * the text around it is what the rendering gives each piece of the split text node (the text handler's
 * `trimLines`), so the chapters are what rendering the marked tree gives. False, and nothing changed, when
 * one of those places is not found.
 */
export function placePageBreaks(nodes: readonly Element[], expected: readonly string[], starts: StartsAt): boolean {
  const tagged: Array<{parent: Element; node: HastText; places: FoundPlace[]}> = []
  const found = new Set<string>()
  const visit = (parent: Element): void => {
    for (const child of parent.children) {
      if (child.type === 'element') visit(child)
      else if (child.type === 'text') {
        const places = (child.data as {places?: FoundPlace[]} | undefined)?.places
        if (!places?.some(([place]) => starts.has(place))) continue
        for (const [place] of places) found.add(place)
        tagged.push({parent, node: child, places})
      }
    }
  }
  for (const node of nodes) visit(node)
  if (!expected.every((place) => found.has(place))) return false
  for (const {parent, node, places} of tagged) {
    const pieces: ElementContent[] = []
    let text = ''
    let cursor = 0
    for (const [place, begin, length] of places) {
      const entry = starts.get(place)
      if (!entry) continue
      text += node.value.slice(cursor, begin)
      const {value} = entry.node
      let from = 0
      for (const start of entry.starts) {
        if (start.offset > from) text += trimLines(value.slice(from, start.offset))
        if (text) pieces.push({type: 'text', value: text})
        text = ''
        pieces.push({type: 'element', tagName: 'span', properties: {id: breakId(start.label)}, children: []})
        from = start.offset
      }
      if (from < value.length) text += trimLines(value.slice(from))
      cursor = begin + length
    }
    text += node.value.slice(cursor)
    if (text) pieces.push({type: 'text', value: text})
    parent.children.splice(parent.children.indexOf(node), 1, ...pieces)
  }
  return true
}

/** A named text's place in a rendered text node, as `@samizdat/html` tells it: its name, start and length there. */
type FoundPlace = [place: string, start: number, length: number]

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
