/**
 * The table of contents: each work (depth 1) with its headings nested under it. A heading with no text (`#` alone,
 * an image with no description) has no entry: an empty entry is a link with nothing to click, which EPUB forbids.
 */
import type {ResolvedEdition, ResolvedWork, TocEntry} from '../types.js'

export function buildToc(works: readonly ResolvedWork[]): TocEntry[] {
  return works.map((work) => {
    const root: TocEntry = {id: work.id, work: work.meta.id, depth: 1, text: work.meta.title, children: []}
    const stack: TocEntry[] = [root]
    for (const heading of work.headings) {
      if (heading.text.trim() === '') continue
      const entry: TocEntry = {id: heading.id, work: work.meta.id, depth: heading.depth, text: heading.text, children: []}
      while (stack.length > 1 && (stack.at(-1) as TocEntry).depth >= heading.depth) stack.pop()
      ;(stack.at(-1) as TocEntry).children.push(entry)
      stack.push(entry)
    }
    return root
  })
}

/** A run of the contents: works in one part of the book (a folder of the corpus), or in none. */
export interface TocPart {
  /** The part's title (its folder, `part-one`); absent for works outside any part. */
  part?: string
  entries: TocEntry[]
}

/** The contents' works in runs by part, in order: adapters show a part heading over each run that has one. */
export function tocParts(edition: ResolvedEdition): TocPart[] {
  const parts = new Map(edition.works.map((work) => [work.meta.id, work.meta.part]))
  const runs: TocPart[] = []
  for (const entry of edition.toc) {
    const part = entry.work === undefined ? undefined : parts.get(entry.work)
    const last = runs.at(-1)
    if (last && last.part === part) last.entries.push(entry)
    else runs.push(part === undefined ? {entries: [entry]} : {part, entries: [entry]})
  }
  return runs
}
