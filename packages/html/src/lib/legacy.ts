import type {Nodes} from 'mdast'
import {visit} from 'unist-util-visit'
import {normalizeForFidelity, type ResolvedWork} from '@samizdat/model'

/**
 * A work's legacy fragment ids (`meta.anchors`: `app4` → heading text or id)
 * as aliases by heading id, the way the model resolves them: a heading id,
 * else the heading whose text compares equal. An alias that is already an id
 * on the page is left out (the model's links to it land anyway), so ids stay unique.
 */
export function legacyAliases(work: ResolvedWork): Record<string, string[]> {
  const taken = idsIn(work.tree)
  taken.add(work.id)
  for (const note of work.notes) taken.add(note.id).add(note.refId)
  const byText = new Map(work.headings.map((heading) => [comparable(heading.text), heading.id]))
  const byId = new Set(work.headings.map((heading) => heading.id))
  const aliases: Record<string, string[]> = {}
  for (const [legacy, target] of Object.entries(work.meta.anchors)) {
    const id = byId.has(target) ? target : byText.get(comparable(target))
    if (id === undefined || taken.has(legacy)) continue
    taken.add(legacy)
    ;(aliases[id] ??= []).push(legacy)
  }
  return aliases
}

/** Every id a tree gives its elements: `data.id`, and the `id` of the apparatus's nodes. */
export function idsIn(tree: Nodes): Set<string> {
  const ids = new Set<string>()
  visit(tree, (node) => {
    const own = (node as {id?: unknown}).id
    if (typeof own === 'string') ids.add(own)
    if (typeof node.data?.id === 'string') ids.add(node.data.id)
  })
  return ids
}

function comparable(text: string): string {
  return normalizeForFidelity(text).join(' ').replace(/["']/g, '')
}
