/**
 * Resolve an edition's Pandoc citations against its bibliography and put the
 * rendered text in the trees: a `citation` node in the text (in-text styles),
 * or a footnote holding it (note styles; `@key` keeps the author in the text).
 * An unknown key is a positioned warning and the text stays as written.
 */
import type {FootnoteDefinition, FootnoteReference, PhrasingContent, Text} from 'mdast'
import {warn} from '../message.js'
import type {AnchoredWork} from '../apparatus/anchor.js'
import type {Citation, CslItem, ResolvedCitation} from '../apparatus/types.js'
import type {IdRegistry} from '../resolve/ids.js'
import {findPandocCitations, type PandocCitation} from './pandoc.js'
import {renderClusters, type Cluster, type RenderedCluster} from './render.js'
import type {CslStyle} from './style.js'

/** The key a Pandoc citation names an item by: its `citation-key` (BibTeX), else its `id`. */
function citationKey(item: CslItem): string {
  const key = item['citation-key']
  return typeof key === 'string' && key !== '' ? key : item.id
}

interface Placed {
  found: PandocCitation
  work: AnchoredWork
  node: Citation
  cluster: Cluster
}

export function applyPandocCitations(
  works: readonly AnchoredWork[],
  items: readonly CslItem[],
  registry: IdRegistry,
  styleOf: () => CslStyle,
  language: string,
  bibliographyFile?: AnchoredWork['work']['file']
): ResolvedCitation[] {
  const byKey = new Map(items.map((item) => [citationKey(item), item]))
  const placed: Placed[] = []
  let noteIndex = 0
  for (const work of works) {
    for (const found of findPandocCitations(work.tree)) {
      const unknown = found.items.filter((item) => !byKey.has(item.key))
      for (const item of unknown) {
        warn(work.file, `Citation key \`@${item.key}\` is not in the bibliography: the text is kept as written`, found.point, 'citation-key-unknown')
      }
      if (unknown.length > 0) continue
      const ids = found.items.map((item) => (byKey.get(item.key) as CslItem).id)
      const node: Citation = {type: 'citation', id: registry.take('cite'), itemIds: [...new Set(ids)], children: []}
      const style = styleOf()
      const inText = style.kind === 'in-text' || found.inNote
      if (!inText) noteIndex++
      const cluster: Cluster = {
        textual: found.textual,
        noteIndex: style.kind === 'note' ? Math.max(noteIndex, 1) : 0,
        items: found.items.map((item, index) => {
          const {key: _key, value, locator: _locator, ...rest} = item
          return {...rest, id: ids[index] as string, ...(value ? {locator: value} : {})}
        })
      }
      placed.push({found, work, node, cluster})
    }
  }
  if (placed.length === 0) return []

  let rendered: ReturnType<typeof renderClusters> | undefined
  try {
    rendered = renderClusters(
      items,
      placed.map((entry) => entry.cluster),
      styleOf(),
      language
    )
  } catch (error) {
    // citeproc refusing an item (a malformed date, a name it cannot read) is a problem of the data, not a crash.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    const first = placed[0] as Placed
    warn(
      bibliographyFile ?? first.work.file,
      `Citations could not be formatted with the edition's style (${reason ?? ''}): they are kept as written`,
      bibliographyFile ? {line: 1, column: 1} : first.found.point,
      'citation-style'
    )
    return []
  }

  // In reading order; a text node holding several citations is cut from its start, `consumed` characters at a time.
  const consumed = new Map<Text, number>()
  const style = styleOf()
  placed.forEach(({found, work, node}, index) => {
    const output = rendered[index] as RenderedCluster
    node.children = output.citation
    const asNote = style.kind === 'note' && !found.inNote
    const author: PhrasingContent[] = found.textual && output.author ? [...output.author] : []
    let replacement: PhrasingContent[]
    if (!asNote) {
      replacement = found.textual && style.kind === 'in-text' ? [...author, {type: 'text', value: ' '}, node] : [node]
    } else {
      const identifier = `samizdat-${node.id}`
      const reference: FootnoteReference = {type: 'footnoteReference', identifier, label: identifier}
      const definition: FootnoteDefinition = {type: 'footnoteDefinition', identifier, label: identifier, children: [{type: 'paragraph', children: [node]}]}
      work.tree.children.push(definition)
      replacement = [...author, reference]
    }
    const offset = consumed.get(found.node) ?? 0
    splice(found, found.start - offset, found.end - offset, replacement, asNote && !found.textual)
    consumed.set(found.node, found.end)
  })
  return placed.map(({found, work, node, cluster}) => ({
    id: node.id,
    work: work.work.meta.id,
    line: found.point.line,
    column: found.point.column,
    text: found.textual ? found.source : found.source.slice(1, -1),
    parts: found.items.map((item, index) => ({
      text: `${item.suppressAuthor ? '-' : ''}@${item.key}`,
      ...(item.locator ? {locator: item.locator} : {}),
      itemId: (cluster.items[index] as {id: string}).id,
      resolution: 'explicit' as const
    }))
  }))
}

/** Put `replacement` where the citation was written in its text node; a note mark takes the space before it. */
function splice(found: PandocCitation, start: number, end: number, replacement: PhrasingContent[], trimBefore: boolean): void {
  const {parent, node} = found
  const children = parent.children as PhrasingContent[]
  const at = children.indexOf(node)
  if (at === -1) return
  let before = node.value.slice(0, start)
  if (trimBefore) before = before.replace(/\s+$/, '')
  const pieces: PhrasingContent[] = []
  if (before)
    pieces.push(node.position ? {type: 'text', value: before, position: {start: node.position.start, end: found.point}} : {type: 'text', value: before})
  pieces.push(...replacement)
  // The rest stays in the same node object: a later citation of the same text finds it there.
  node.value = node.value.slice(end)
  if (node.position) node.position = {...node.position, start: found.end === found.start ? found.point : afterCitation(found)}
  children.splice(at, node.value === '' ? 1 : 0, ...pieces)
}

/** The point just after the citation as written (a citation holds no line break but in its brackets). */
function afterCitation(found: PandocCitation): NonNullable<Text['position']>['start'] {
  const lines = found.source.split('\n')
  const line = found.point.line + lines.length - 1
  const column = lines.length === 1 ? found.point.column + found.source.length : (lines.at(-1) as string).length + 1
  return found.point.offset === undefined ? {line, column} : {line, column, offset: found.point.offset + found.source.length}
}
