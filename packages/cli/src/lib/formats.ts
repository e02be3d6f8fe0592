/**
 * The flat table of output formats (as in Pandoc): one entry per adapter,
 * all with the same shape: html (a folder), epub and pdf (a file each).
 */
import {toEpub} from '@samizdat/epub'
import {toHtml} from '@samizdat/html'
import {toPdf} from '@samizdat/pdf'
import type {ResolvedEdition} from '@samizdat/model'
import {VFileMessage} from 'vfile-message'

/** One file of a build, its path relative to the output folder (POSIX separators). */
export interface OutputFile {
  path: string
  contents: string | Uint8Array
}

/** What the CLI injects into every adapter, so that builds are reproducible. */
export interface RenderOptions {
  /** Build time for formats that stamp one; from `SOURCE_DATE_EPOCH` when set. */
  date?: Date
  /** Paper size for paged formats (`A5`, `A4`, `Letter`); default: the edition's, else A5. */
  paper?: string
  /** Where adapters' warnings go (what a format leaves out or cannot express); the CLI prints them with the corpus's. */
  report?: (message: VFileMessage) => void
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
  /** Render in memory; paths are relative to the output folder and inside `outputs(id)`. */
  render(edition: ResolvedEdition, options: RenderOptions): Promise<OutputFile[]>
}

export const formats: Readonly<Record<string, Format>> = {
  html: {
    id: 'html',
    describe: 'a static web edition: <out>/<edition>/index.html and its assets',
    outputs: (editionId: string) => `${editionId}/`,
    async render(edition: ResolvedEdition) {
      return toHtml(edition).files.map((file) => ({
        path: `${edition.meta.id}/${file.path}`,
        contents: file.contents
      }))
    }
  },
  epub: {
    id: 'epub',
    describe: 'an EPUB 3 e-book: <out>/<edition>.epub',
    outputs: (editionId: string) => `${editionId}.epub`,
    async render(edition: ResolvedEdition, options: RenderOptions) {
      const report = options.report
      const bytes = await toEpub(edition, {
        ...(options.date ? {date: options.date} : {}),
        ...(report ? {onWarning: (text: string) => report(epubMessage(text))} : {})
      })
      return [{path: `${edition.meta.id}.epub`, contents: bytes}]
    }
  },
  pdf: {
    id: 'pdf',
    describe: 'a typeset, tagged PDF for print: <out>/<edition>.pdf',
    outputs: (editionId: string) => `${editionId}.pdf`,
    async render(edition: ResolvedEdition, options: RenderOptions) {
      const bytes = await toPdf(edition, {
        ...(options.date ? {date: options.date} : {}),
        ...(options.paper ? {paper: options.paper} : {}),
        ...(options.report ? {onWarning: options.report} : {})
      })
      return [{path: `${edition.meta.id}.pdf`, contents: bytes}]
    }
  }
}

/** The EPUB's warnings are plain text ending in `[rule]`; make them messages like every other. */
function epubMessage(text: string): VFileMessage {
  const match = /^(.*?)\s*\[([\w-]+)\]$/s.exec(text)
  const message = new VFileMessage(match?.[1] ?? text, {ruleId: match?.[2] ?? 'epub', source: 'samizdat'})
  message.fatal = false
  return message
}
