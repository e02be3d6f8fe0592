import type {Code} from 'mdast'
import type {InlineMath, Math} from 'mdast-util-math'
import {isInvalidMath} from '@samizdat/model'
import {typesetTex} from '../math.js'
import {structChild} from '../structure.js'
import type {Context, InlineContext, State} from '../state.js'
import type {Drawing, Line, Run} from '../types.js'
import {code} from './code.js'
import {inlineCode} from './text.js'

/**
 * A formula in the line: drawn as vectors on the baseline, sized to the text;
 * a `Formula` element whose alternative text is the TeX. One that cannot be
 * typeset is its TeX source as code (the model has warned about it, or we do here).
 */
export function inlineMath(node: InlineMath, state: State, context: InlineContext, runs: Run[]): void {
  const drawing = typeset(node, false, context.size, state)
  if (!drawing) {
    inlineCode({type: 'inlineCode', value: node.value, ...(node.position ? {position: node.position} : {})}, state, context, runs)
    return
  }
  const struct = structChild(context.struct, 'Formula', {alt: node.value})
  const run: Run = {text: '', style: state.style(context), struct, lang: context.lang, breaks: 'never', drawing}
  if (context.link) run.link = context.link
  runs.push(run)
}

/** A displayed formula: on a line of its own, centred, with half a line of space around it. */
export function math(node: Math, state: State, context: Context): void {
  const drawing = typeset(node, true, context.size, state)
  if (!drawing) {
    const source: Code = {type: 'code', value: node.value, ...(node.position ? {position: node.position} : {})}
    code(source, state, context)
    return
  }
  const struct = state.struct(context, 'Formula', {alt: node.value})
  const measure = state.geometry.textWidth - context.left - context.right
  const pad = context.leading * 0.25
  const line: Line = {
    glyphs: [{x: Math.max(0, (measure - drawing.width) / 2), width: drawing.width, text: '', style: {font: 'serif', size: context.size}, struct, drawing}],
    height: Math.max(context.leading, drawing.ascent + drawing.descent + 2 * pad),
    baseline: Math.max(context.leading * 0.75, drawing.ascent + pad),
    notes: [],
    anchors: []
  }
  state.space(context.leading * 0.25)
  state.emit([line], context)
  state.space(context.leading * 0.25)
}

function typeset(node: InlineMath | Math, display: boolean, size: number, state: State): Drawing | undefined {
  if (isInvalidMath(node)) return undefined
  const result = typesetTex(node.value, display, size)
  if ('error' in result) {
    state.warn(`Cannot typeset the formula \`${node.value.slice(0, 60)}\` in the PDF: ${result.error}; its TeX source is shown as code`, node, 'math-invalid')
    return undefined
  }
  return result
}
