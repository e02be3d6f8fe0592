/**
 * Ids a work may not take, because a page or part the outputs make already
 * has that name. Defined once here; adapters may rely on it.
 *
 * - `index`: the web edition's `index.html` (title page, contents, preface).
 * - `corrections`, `bibliography`, `index-of-persons`, `timeline`: the
 *   back-matter sections the apparatus makes (`apparatus/back-matter.ts`,
 *   their titles slugged), each a page of the web edition.
 *
 * (The edition's inner parts, `title-page`, `preface`, `contents`… are ids,
 * not pages: `resolve/ids.ts` suffixes a work that takes one, so they need no rule.)
 *
 * Compared with the work id's slug (what becomes its page name), so `Index`
 * and `in.dex` are reserved too.
 */
import {slug} from 'github-slugger'

export const reservedIds: ReadonlySet<string> = new Set(['index', 'corrections', 'bibliography', 'index-of-persons', 'timeline'])

/** Whether a work id would take the name of a page the outputs make. */
export function isReservedId(id: string): boolean {
  return reservedIds.has(slug(id))
}
