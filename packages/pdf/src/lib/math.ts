/**
 * TeX to vector drawings for the PDF: MathJax (its TeX input and SVG output,
 * on its DOM-free lite adaptor) typesets each formula once; svg-to-pdfkit
 * then draws the SVG's paths, so formulas are real typeset math at any zoom
 * and need no math font in the file. Sizes come from MathJax's em units
 * (the viewBox counts 1000 to the em) scaled to the surrounding text.
 */
import {liteAdaptor} from 'mathjax-full/js/adaptors/liteAdaptor.js'
import {RegisterHTMLHandler} from 'mathjax-full/js/handlers/html.js'
import {AllPackages} from 'mathjax-full/js/input/tex/AllPackages.js'
import {TeX} from 'mathjax-full/js/input/tex.js'
import {mathjax} from 'mathjax-full/js/mathjax.js'
import {SVG} from 'mathjax-full/js/output/svg.js'
import type {Drawing} from './types.js'

/** Packages that link (`\href`), style or class elements, or hide errors are left out. */
const packages = AllPackages.filter((name) => !['html', 'noerrors', 'noundefined', 'action'].includes(name))

type Document = ReturnType<typeof mathjax.document>
let document: Document | undefined
const adaptor = liteAdaptor()

function mathDocument(): Document {
  if (document) return document
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
    const child = adaptor.firstChild(node)
    svg = adaptor.outerHTML(child as never)
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
