import type {Nodes} from 'mdast'
import type {ResolvedWork} from '@samizdat/model'
import {eachNode} from './walk.js'

/**
 * A work's legacy fragment ids (`app4`), as the model resolved them, grouped
 * as aliases by the id they stand for. An alias that is already an id on the
 * page is left out (the model's links to it land anyway), so ids stay unique.
 */
export function legacyAliases(work: ResolvedWork): Record<string, string[]> {
  // Most works have none: no need to gather every id of the page.
  if (Object.keys(work.legacyAnchors).length === 0) return {}
  const taken = idsIn(work.tree)
  taken.add(work.id)
  for (const note of work.notes) taken.add(note.id).add(note.refId)
  const aliases: Record<string, string[]> = {}
  for (const [legacy, id] of Object.entries(work.legacyAnchors)) {
    if (taken.has(legacy)) continue
    taken.add(legacy)
    ;(aliases[id] ??= []).push(legacy)
  }
  return aliases
}

/** Every id a tree gives its elements: `data.id`, and the `id` of the apparatus's nodes. */
export function idsIn(tree: Nodes): Set<string> {
  const ids = new Set<string>()
  eachNode(tree, (node) => {
    const own = (node as {id?: unknown}).id
    if (typeof own === 'string') ids.add(own)
    if (typeof node.data?.id === 'string') ids.add(node.data.id)
  })
  return ids
}
