/**
 * The zip, through epub-gen-memory: it normalises each chapter to XHTML,
 * reads the fonts, adds the cover and writes the container. What it would do
 * by itself that breaks reproducibility or validity is taken out of its
 * hands: the package document, navigation and NCX come in finished through
 * its template options; the chapter template is ours; every zip entry gets
 * the build's time (by default it gets the clock's).
 */
import {EPub, type Chapter, type Options} from 'epub-gen-memory'
import type {BookDocument} from './documents.js'
import {fontFaces, fontUrl} from './fonts.js'
import {restoreMath} from './math.js'
import {xmlText} from './xml.js'

export interface PackageFiles {
  title: string
  authors: string[]
  publisher: string
  description: string
  lang: string
  date: Date
  css: string
  /** The chapters' XHTML bodies, in `documents` order. */
  bodies: string[]
  /** Each chapter's formulas, which cross epub-gen-memory as placeholders (see math.ts). */
  formulas: string[][]
  documents: readonly BookDocument[]
  packageDocument: string
  navDocument: string
  ncxDocument: string
  cover: {svg: string; alt: string}
  warn: (message: string) => void
}

/**
 * Our chapter template: the document's own language, title and `epub:type`; the cover page holds the cover image.
 * EJS's `<%= %>` escapes `&<>"'`; `<%- content %>` is the body `serialize` wrote (escaped by hast-util-to-html,
 * then parsed and written again by epub-gen-memory's fixHTML, in XML mode); `matter` is one of three constants.
 */
const chapterTemplate = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="<%= language %>" xml:lang="<%= language %>">
<head>
<meta charset="utf-8" />
<title><%= title %></title>
<link rel="stylesheet" type="text/css" href="style.css" />
</head>
<body epub:type="<%= matter %>">
<% if (locals.coverAlt) { %><section epub:type="cover" class="cover"><img src="cover.svg" alt="<%= coverAlt %>" role="doc-cover" /></section>
<% } %><%- content %>
</body>
</html>
`

/** Zip entry times: DOS dates cannot go below 1980. */
const dosEpoch = Date.UTC(1980, 0, 1)

class ReproducibleEPub extends EPub {
  readonly #time: Date
  readonly #files: PackageFiles

  constructor(options: Options, content: Chapter[], time: Date, files: PackageFiles) {
    super(options, content)
    this.#time = new Date(Math.max(time.getTime(), dosEpoch))
    this.#files = files
  }

  // jszip stamps every entry with the time it was added; the book gets the build's time instead.
  override async render(): Promise<this> {
    await super.render()
    // Formulas back in place of their placeholders, as we serialised them.
    for (const [index, document] of this.#files.documents.entries()) {
      const formulas = this.#files.formulas[index] ?? []
      const entry = formulas.length > 0 ? this.zip.file('OEBPS/' + document.file) : null
      if (entry) this.zip.file('OEBPS/' + document.file, restoreMath(await entry.async('string'), index, formulas))
    }
    this.zip.forEach((_path: string, file: {date: Date}) => {
      file.date = this.#time
    })
    return this
  }
}

export async function zipBook(files: PackageFiles): Promise<Uint8Array> {
  const chapters = files.documents.map((document, index) => {
    const chapter: Chapter & Record<string, unknown> = {
      title: xmlText(document.title),
      content: files.bodies[index] ?? '',
      filename: document.file,
      excludeFromToc: true,
      // Read by our chapter template.
      language: xmlText(document.lang),
      matter: document.matter
    }
    if (document.kind === 'cover') chapter['coverAlt'] = xmlText(files.cover.alt)
    return chapter
  })
  const options: Options & Record<string, unknown> = {
    title: files.title,
    author: files.authors,
    publisher: files.publisher,
    description: files.description,
    cover: new File([files.cover.svg], 'cover.svg', {type: 'image/svg+xml'}),
    prependChapterTitles: false,
    date: files.date.toISOString(),
    lang: files.lang,
    css: files.css,
    // Local files only: epub-gen-memory reads `file:` URLs from disk.
    fonts: fontFaces.map((face) => ({filename: face.file, url: fontUrl(face)})),
    chapterXHTML: chapterTemplate,
    // The finished documents, passed through as the templates' only output.
    contentOPF: '<%- packageDocument %>',
    tocXHTML: '<%- navDocument %>',
    tocNCX: '<%- ncxDocument %>',
    packageDocument: files.packageDocument,
    navDocument: files.navDocument,
    ncxDocument: files.ncxDocument,
    version: 3,
    ignoreFailedDownloads: false,
    verbose: (type: 'log' | 'warn', ...args: unknown[]) => {
      if (type === 'warn') files.warn('epub-gen-memory: ' + args.map(String).join(' ') + ' [epub-gen-memory]')
    }
  }
  const buffer = await new ReproducibleEPub(options, chapters, files.date, files).genEpub()
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
