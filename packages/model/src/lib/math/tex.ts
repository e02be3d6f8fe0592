/**
 * TeX math (`$…$`, `$$…$$`, parsed by remark-math): checked once, in the
 * model, with Temml, so that every format agrees on what is an error. A
 * formula Temml cannot read is a positioned warning and is marked; adapters
 * then show its source as code instead of typesetting it.
 */
import type {InlineMath, Math} from 'mdast-util-math'
import type {Root} from 'mdast'
import {walk} from '../walk.js'
import type {VFile} from 'vfile'
import {temml} from '../lazy.js'
import {warn} from '../message.js'

export type MathNode = InlineMath | Math

/** Temml's options: no `\href`/`\includegraphics` (`trust` off), no macros kept between formulas. */
function options(display: boolean): Parameters<ReturnType<typeof temml>['renderToString']>[1] {
  return {displayMode: display, annotate: true, throwOnError: true, trust: false}
}

/** The reason Temml gives for a formula it cannot read, or undefined when it can. */
export function texError(tex: string, display = false): string | undefined {
  try {
    temml().renderToString(tex, options(display))
    return undefined
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).replace(/^Temml parse error: /, '').trim()
  }
}

/**
 * Longest formula typeset, in characters. Typesetting costs grow faster than
 * the length (MathJax takes a minute and a half over 40,000 characters); a
 * longer formula is shown as its source, so a build stays linear in its input.
 */
export const maxFormulaLength = 2000

/** Warn about every formula that does not parse or is too long, at its place, and mark it (`data.texError`). */
export function checkMath(tree: Root, file: VFile): void {
  walk(tree, (node) => {
    if (node.type !== 'inlineMath' && node.type !== 'math') return
    const math = node as MathNode
    const tooLong = math.value.length > maxFormulaLength
    const reason = tooLong ? `it is longer than ${maxFormulaLength} characters` : texError(math.value, math.type === 'math')
    if (reason === undefined) return
    math.data = {...math.data, texError: reason} as unknown as MathNode['data']
    warn(
      file,
      `Cannot typeset the formula \`${math.value.slice(0, 60)}\`: ${reason}; its TeX source is shown as code`,
      math.position,
      tooLong ? 'math-too-long' : 'math-invalid'
    )
  })
}

/** Whether a formula is shown as TeX source (it did not parse). */
export function isInvalidMath(node: MathNode): boolean {
  return typeof (node.data as {texError?: unknown} | undefined)?.texError === 'string'
}

/**
 * MathML (a `<math>` element, with the TeX source as its annotation) for a
 * formula that parsed; the one MathML rendering of the site and the EPUB.
 */
export function texToMathml(tex: string, display: boolean): string {
  return temml().renderToString(tex, options(display))
}
