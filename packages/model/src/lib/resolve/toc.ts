/**
 * The table of contents: each work (depth 1) with its headings nested under it. A heading with no text (`#` alone,
 * an image with no description) has no entry: an empty entry is a link with nothing to click, which EPUB forbids.
 */
import type {ResolvedWork, TocEntry} from '../types.js'

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
