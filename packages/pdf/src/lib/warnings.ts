/**
 * Warnings: what the PDF leaves out of a source (raw HTML it cannot show),
 * as vfile messages at the node's place in the work's file, for the
 * caller's `onWarning`. Each is told once, although the book is laid out
 * twice when it has page references.
 */
import type {Nodes} from 'mdast'
import {VFileMessage} from 'vfile-message'

/** Report a problem with `node` (its position is the message's place). */
export type Warn = (reason: string, node: Pick<Nodes, 'position'> | undefined, ruleId: string) => void

export type OnWarning = (message: VFileMessage) => void

export class Warnings {
  readonly #seen = new Set<string>()
  readonly #onWarning: OnWarning | undefined

  constructor(onWarning: OnWarning | undefined) {
    this.#onWarning = onWarning
  }

  /** A reporter for the nodes of one file (a work's; none for generated sections). */
  for(file: string | undefined): Warn {
    return (reason, node, ruleId) => {
      const start = node?.position?.start
      const key = `${file ?? ''}:${start?.line ?? ''}:${start?.column ?? ''}:${ruleId}:${reason}`
      if (this.#seen.has(key)) return
      this.#seen.add(key)
      const message = new VFileMessage(reason, {place: node?.position, ruleId, source: 'samizdat'})
      if (file !== undefined) message.file = file
      message.fatal = false
      this.#onWarning?.(message)
    }
  }
}
