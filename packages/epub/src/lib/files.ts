/**
 * File names inside the book. epub-gen-memory keeps only `[-._A-Za-z0-9]`
 * in a chapter's name, and ids may hold any letter, so names are made ASCII
 * here and kept unique; the names the package itself writes are taken first.
 */
export class FileNames {
  readonly #taken = new Set(['toc.xhtml', 'toc.ncx', 'content.opf', 'style.css', 'cover.svg'])

  take(id: string): string {
    const base = id.normalize('NFKD').replace(/[^-._A-Za-z0-9]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').toLowerCase() || 'part'
    let name = base + '.xhtml'
    for (let n = 2; this.#taken.has(name); n++) name = `${base}-${n}.xhtml`
    this.#taken.add(name)
    return name
  }
}
