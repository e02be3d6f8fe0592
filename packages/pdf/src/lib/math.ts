/**
 * TeX to vector drawings for the PDF: MathJax (its TeX input and SVG output,
 * on its DOM-free lite adaptor) typesets each formula once; svg-to-pdfkit
 * then draws the SVG's paths, so formulas are real typeset math at any zoom
 * and need no math font in the file. Sizes come from MathJax's em units
 * (the viewBox counts 1000 to the em) scaled to the surrounding text.
 */
import {createRequire} from 'node:module'
import type {liteAdaptor as LiteAdaptor} from 'mathjax-full/js/adaptors/liteAdaptor.js'
import type {RegisterHTMLHandler as Register} from 'mathjax-full/js/handlers/html.js'
import type {AllPackages as Packages} from 'mathjax-full/js/input/tex/AllPackages.js'
import type {TeX as TeXInput} from 'mathjax-full/js/input/tex.js'
import type {mathjax as MathJax} from 'mathjax-full/js/mathjax.js'
import type {SVG as SvgOutput} from 'mathjax-full/js/output/svg.js'
import type {Drawing} from './types.js'

// MathJax (CommonJS, about 0.4 s to load with every TeX package) is required on the first formula, not with the
// adapter: most books have none. Required, not imported: a formula is typeset in the middle of a synchronous layout.
const require = createRequire(import.meta.url)

type Document = ReturnType<typeof MathJax.document>
let document: Document | undefined
let adaptor: ReturnType<typeof LiteAdaptor> | undefined

function mathDocument(): Document {
  if (document) return document
  const {liteAdaptor} = require('mathjax-full/js/adaptors/liteAdaptor.js') as {liteAdaptor: typeof LiteAdaptor}
  const {RegisterHTMLHandler} = require('mathjax-full/js/handlers/html.js') as {RegisterHTMLHandler: typeof Register}
  const {AllPackages} = require('mathjax-full/js/input/tex/AllPackages.js') as {AllPackages: typeof Packages}
  const {TeX} = require('mathjax-full/js/input/tex.js') as {TeX: typeof TeXInput}
  const {mathjax} = require('mathjax-full/js/mathjax.js') as {mathjax: typeof MathJax}
  const {SVG} = require('mathjax-full/js/output/svg.js') as {SVG: typeof SvgOutput}
  // Packages that link (`\href`), style or class elements, or hide errors are left out.
  const packages = AllPackages.filter((name) => !['html', 'noerrors', 'noundefined', 'action'].includes(name))
  adaptor = liteAdaptor()
  RegisterHTMLHandler(adaptor)
  document = mathjax.document('', {
    InputJax: new TeX({
      packages,
      // An error is thrown, not typeset in red: the caller shows the source instead.
      formatError: (_jax: unknown, error: Error) => {
        throw error
      }
    }),
    // Paths inline in each formula (no shared cache): each SVG stands alone.
    OutputJax: new SVG({fontCache: 'none'})
  })
  return document
}

/**
 * A formula as an SVG drawing sized for text of `size` points, or the reason
 * MathJax gives for not typesetting it.
 */
export function typesetTex(tex: string, display: boolean, size: number): Drawing | {error: string} {
  let svg: string
  try {
    const node = mathDocument().convert(tex, {display, em: size, ex: size / 2, containerWidth: 80 * size})
    const lite = adaptor as NonNullable<typeof adaptor>
    svg = lite.outerHTML(lite.firstChild(node) as never)
  } catch (error) {
    // MathJax's TeX errors are not `Error`s, but carry a message.
    const message = (error as {message?: unknown} | undefined)?.message
    return {error: typeof message === 'string' ? message : String(error)}
  }
  const box = /viewBox="(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg)
  if (!box) return {error: 'MathJax gave no drawing'}
  const [minY, width, height] = [Number(box[2]), Number(box[3]), Number(box[4])]
  const scale = size / 1000
  return {svg, tex, width: width * scale, ascent: -minY * scale, descent: (minY + height) * scale}
}
