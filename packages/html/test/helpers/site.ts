/** `toHtml`'s files as the tests read them: paths inside the site's folder (`index.html`), text. */
import type {OutputFile} from '@samizdat/model'

export interface SitePage {
  path: string
  contents: string
  /** The bytes, for what is not text (the fonts). */
  data: Uint8Array
}

export interface Site {
  files: SitePage[]
}

export async function siteOf(files: Promise<OutputFile[]>): Promise<Site> {
  const decoder = new TextDecoder()
  return {files: (await files).map((file) => ({path: file.path.slice(file.path.indexOf('/') + 1), contents: decoder.decode(file.data), data: file.data}))}
}
