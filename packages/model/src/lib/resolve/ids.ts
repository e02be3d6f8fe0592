/**
 * Ids for everything an adapter may link to, unique across an edition:
 * front matter, works, headings. GitHub-style slugs, so they read well in URLs.
 */
import GithubSlugger from 'github-slugger'

/** Ids taken by the edition's own parts before any heading is slugged. */
const reservedIds = ['title-page', 'preface', 'contents', 'colophon', 'notes', 'back-matter'] as const

export class IdRegistry {
  readonly #slugger = new GithubSlugger()

  constructor() {
    for (const id of reservedIds) this.#slugger.slug(id)
  }

  /** A fresh id for `text`: its slug, suffixed `-1`, `-2` … when taken. */
  take(text: string): string {
    const slug = this.#slugger.slug(text)
    // A heading of only punctuation slugs to ''.
    return slug === '' || /^-\d+$/.test(slug) ? this.#slugger.slug(`section${slug}`) : slug
  }
}
