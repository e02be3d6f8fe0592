import type {Element, ElementContent} from 'hast'
import type {InlineMath, Math} from 'mdast-util-math'
import type {Handler, State} from 'mdast-util-to-hast'
import {isInvalidMath, texToMathml} from '@samizdat/model'

/**
 * A formula as MathML (Temml's, parsed by rehype-raw and sanitised like any
 * markup); one the model found invalid is shown as its TeX source, as code.
 */
export function createMath(): Record<'math' | 'inlineMath', Handler> {
  return {
    inlineMath: (state: State, node: InlineMath) => formula(state, node, false),
    math: (state: State, node: Math) => formula(state, node, true)
  }
}

function formula(state: State, node: InlineMath | Math, display: boolean): ElementContent {
  if (isInvalidMath(node)) {
    const code: Element = {type: 'element', tagName: 'code', properties: {className: ['language-math']}, children: [{type: 'text', value: node.value}]}
    const result: Element = display ? {type: 'element', tagName: 'pre', properties: {}, children: [code]} : code
    state.patch(node, result)
    return result
  }
  const raw = {type: 'raw' as const, value: texToMathml(node.value, display)}
  return raw as unknown as ElementContent
}
