/**
 * The flat table of output formats (as in Pandoc): one entry per adapter,
 * all with the same shape: html (a folder), epub and pdf (a file each).
 */
import path from 'node:path'
import type {OutputFile, PageStart, ResolvedEdition, WriterOptions} from '@samizdat/model'
import type {WorkStore} from '@samizdat/html'
import type {PdfOptions} from '@samizdat/pdf'

export type {OutputFile}

/**
 * What the CLI gives every writer: the writer contract's options (the build
 * date from `SOURCE_DATE_EPOCH`, so that builds are reproducible; `report`,
 * so that what a format leaves out is printed with the corpus's messages),
 * and the paper size paged formats take.
 */
export interface RenderOptions extends WriterOptions {
  /** Paper size for paged formats (`A5`, `A4`, `Letter`); default: the edition's, else A5. */
  paper?: string
  /** For the site: the e-book and PDF built in the same run, offered on its index page (hrefs relative to the site's folder). */
  downloads?: Array<{format: 'epub' | 'pdf'; href: string}>
  /** For the PDF: also `<edition>.booklet.pdf`, the book imposed for a copy shop (A5 pages on A4 sheets; half-letter pages on Letter ones with `paper: 'Letter'`). */
  booklet?: BookletRequest | undefined
  /** For the PDF: where each work's layout is kept between builds (`.samizdat-cache/layout/`). */
  layouts?: PdfOptions['layouts']
  /** For the site and the EPUB: where each work's rendering is kept between builds (`.samizdat-cache/works/`). */
  works?: WorkStore | undefined
  /** For the EPUB: where each chapter's zip entry is kept between builds (`.samizdat-cache/chapters/`). */
  chapters?: WorkStore | undefined
  /** For the PDF: told where each page starts in the text (`toPdf`'s `pageStarts`). */
  pageStarts?: (starts: PageStart[]) => void
  /** For the EPUB: the PDF's page starts, for its page-list, or a function giving them once it asks (`toEpub`'s `pages`). */
  pages?: readonly PageStart[] | (() => Promise<readonly PageStart[]>)
}

/** `--booklet`, `--marks`, `--signature`. */
export interface BookletRequest {
  marks?: boolean | undefined
  /** Pages per signature, a multiple of 4 (default: one signature). */
  signature?: number | undefined
}

export interface Format {
  id: string
  /** One line for `--help`. */
  describe: string
  /**
   * The one entry of the output folder this format owns for an edition:
   * a folder (ends in `/`) or a file. A build replaces it as a whole.
   */
  outputs(editionId: string): string
  /** Load the adapter's code (a worker thread does it while it waits for the corpus). */
  load(): Promise<unknown>
  /** The format's writer: files in memory, their paths relative to the output folder and inside `outputs(id)`. */
  render(edition: ResolvedEdition, options: RenderOptions): Promise<OutputFile[]>
  /** Entries besides `outputs(id)` that these options add (the PDF's booklet), each a file of `render`'s. */
  extraOutputs?(editionId: string, options: RenderOptions): string[]
}

export const formats: Readonly<Record<string, Format>> = {
  html: {
    id: 'html',
    describe: 'a static web edition: <out>/<edition>/index.html and its assets',
    outputs: (editionId: string) => `${editionId}/`,
    // Each adapter is imported when its format is built, not when the CLI starts (`--help` stays fast).
    load: () => import('@samizdat/html'),
    render: async (edition, options) => (await import('@samizdat/html')).toHtml(edition, options)
  },
  epub: {
    id: 'epub',
    describe: 'an EPUB 3 e-book: <out>/<edition>.epub',
    outputs: (editionId: string) => `${editionId}.epub`,
    load: () => import('@samizdat/epub'),
    render: async (edition, options) => (await import('@samizdat/epub')).toEpub(edition, options)
  },
  pdf: {
    id: 'pdf',
    describe: 'a typeset, tagged PDF for print: <out>/<edition>.pdf',
    outputs: (editionId: string) => `${editionId}.pdf`,
    load: () => import('@samizdat/pdf'),
    render: async (edition, options) => {
      const {toPdf, toBooklet} = await import('@samizdat/pdf')
      const files = await toPdf(edition, options)
      if (!options.booklet) return files
      // The booklet imposes the book set on half its sheet, whatever paper the reading PDF is set on: A5 on A4,
      // half-letter on Letter, so nothing is scaled (its warnings are the book's).
      const paper = (options.paper ?? edition.meta.paper ?? 'A5').toLowerCase()
      // Its layout is not the book's: it says nothing of where pages start.
      const {pageStarts: _, ...rest} = options
      const sheet = paper === 'letter' ? 'Letter' : 'A4'
      const half = sheet === 'Letter' ? 'HalfLetter' : 'A5'
      const pages = paper === 'a5' ? files : await toPdf(edition, {...rest, paper: half, report: () => undefined})
      const booklet = await toBooklet((pages[0] as OutputFile).data, {sheet, marks: options.booklet.marks ?? false, signature: options.booklet.signature})
      return [...files, {path: bookletEntry(edition.meta.id), data: booklet}]
    },
    extraOutputs: (editionId, options) => (options.booklet ? [bookletEntry(editionId)] : [])
  }
}

function bookletEntry(editionId: string): string {
  return `${editionId}.booklet.pdf`
}

/** A format's own options for an edition: the site offers the e-book and the PDF only when they are built with it, beside its folder. */
export function ownOptions(format: string, edition: string, chosen: readonly Format[]): Pick<RenderOptions, 'downloads'> {
  if (format !== 'html') return {}
  const downloads = chosen
    .filter((other) => other.id === 'epub' || other.id === 'pdf')
    .map((other) => ({format: other.id as 'epub' | 'pdf', href: path.posix.relative(`${edition}/`, other.outputs(edition))}))
  return downloads.length > 0 ? {downloads} : {}
}
