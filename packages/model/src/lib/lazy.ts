/**
 * Libraries that only some corpora need (TeX math, raw HTML, images, source
 * fidelity, GFM tables and task lists), loaded on first use rather than at start-up: a build of plain
 * Markdown never pays for them (packages/cli/test/layering.test.ts pins it).
 * Node (>= 20.19, the engines field) `require`s an ES module synchronously, so
 * the code that needs one stays synchronous.
 */
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

function once<T>(load: () => T): () => T {
  let value: T | undefined
  return () => (value ??= load())
}

// Temml's CommonJS build (what `require` picks) is the object itself, not a module with a default export.
export const temml = once((): typeof import('temml').default => {
  const loaded = require('temml') as typeof import('temml') & {default?: typeof import('temml').default}
  return loaded.default ?? (loaded as unknown as typeof import('temml').default)
})
export const hastFromHtml = once(() => (require('hast-util-from-html') as typeof import('hast-util-from-html')).fromHtml)
export const xastFromXml = once(() => (require('xast-util-from-xml') as typeof import('xast-util-from-xml')).fromXml)
export const xastToXml = once(() => (require('xast-util-to-xml') as typeof import('xast-util-to-xml')).toXml)
export const imageSize = once(() => (require('image-size') as typeof import('image-size')).imageSize)
export const re2js = once(() => (require('re2js') as typeof import('re2js')).RE2JS)
// The parts of the Markdown parser only some texts need (see load/markdown.ts and load/gfm.ts).
export const remarkGfm = once(() => (require('remark-gfm') as typeof import('remark-gfm')).default)
export const remarkMath = once(() => (require('remark-math') as typeof import('remark-math')).default)
export const gfmFromMarkdown = once(() => (require('mdast-util-gfm') as typeof import('mdast-util-gfm')).gfmFromMarkdown)
// Only a text with an outside link needs it (resolve/url.ts).
export const fastUri = once(() => require('fast-uri') as typeof import('fast-uri'))
export const diffArrays = once(() => (require('diff') as typeof import('diff')).diffArrays)
