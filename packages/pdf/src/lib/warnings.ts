/**
 * Warnings: what the PDF leaves out of a source (raw HTML it cannot show),
 * as vfile messages at the node's place in the work's file, for the
 * caller's `report`. Each is told once, although the book is laid out
 * twice when it has page references.
 */
import type {Nodes} from 'mdast'
import {writerWarning, type Reporter} from '@samizdat/model'

/** Report a problem with `node` (its position is the message's place). */
export type Warn = (reason: string, node: Pick<Nodes, 'position'> | undefined, ruleId: string) => void

export class Warnings {
  readonly #seen = new Set<string>()
  readonly #report: Reporter | undefined

  constructor(report: Reporter | undefined) {
    this.#report = report
  }

  /** A reporter for the nodes of one file (a work's; none for generated sections). */
  for(file: string | undefined): Warn {
    return (reason, node, ruleId) => {
      const start = node?.position?.start
      const key = `${file ?? ''}:${start?.line ?? ''}:${start?.column ?? ''}:${ruleId}:${reason}`
      if (this.#seen.has(key)) return
      this.#seen.add(key)
      this.#report?.(writerWarning(reason, {ruleId, file, place: node?.position}))
    }
  }
}
