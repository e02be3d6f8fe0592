/**
 * citation-js, loaded on first use: with its plugins it costs about 0.1 s to import, which a book without
 * citations or a bibliography never pays. Its packages are CommonJS (`main`, no `exports`), so `require`
 * loads the very instance an `import` would, synchronously, where resolution needs it.
 */
import {createRequire} from 'node:module'
import type * as Core from '@citation-js/core'

const require = createRequire(import.meta.url)
let core: typeof Core | undefined

/** @citation-js/core with the CSL and BibTeX plugins registered. */
export function citationJs(): typeof Core {
  if (core === undefined) {
    const loaded = require('@citation-js/core') as typeof Core
    require('@citation-js/plugin-csl')
    require('@citation-js/plugin-bibtex')
    core = loaded
  }
  return core
}
