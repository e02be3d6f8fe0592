/**
 * The flat table of output formats (as in Pandoc): one entry per adapter,
 * all with the same shape. Only adapters that exist are registered; EPUB
 * (`@samizdat/epub`, `<out>/<edition>.epub`) and PDF (`@samizdat/pdf`,
 * `<out>/<edition>.pdf`) join here when their packages land.
 */
import {toHtml} from '@samizdat/html'
import type {ResolvedEdition} from '@samizdat/model'

/** One file of a build, its path relative to the output folder (POSIX separators). */
export interface OutputFile {
  path: string
  contents: string | Uint8Array
}

/** What the CLI injects into every adapter, so that builds are reproducible. */
export interface RenderOptions {
  /** Build time for formats that stamp one; from `SOURCE_DATE_EPOCH` when set. */
  date?: Date
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
  }
}
