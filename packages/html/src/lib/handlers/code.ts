import type {Element, ElementContent} from 'hast'
import type {Code} from 'mdast'
import {defaultHandlers, type Handler, type State} from 'mdast-util-to-hast'
import {codeRuns} from '@samizdat/model'

/**
 * A code block: as `mdast-util-to-hast` writes it, its text split into the
 * model's highlighted token runs, each a `<span class="pl-…">` (styled by
 * the stylesheet; no script runs in the reader).
 */
export function createCode(): Handler {
  return function code(state: State, node: Code) {
    const result = defaultHandlers.code(state, node)
    const runs = codeRuns(node)
    if (!runs.some((run) => run.className)) return result
    const inner = result.children[0]
    if (inner?.type !== 'element') return result
    inner.children = runs.map(
      (run): ElementContent =>
        run.className
          ? ({type: 'element', tagName: 'span', properties: {className: [run.className]}, children: [{type: 'text', value: run.text}]} satisfies Element)
          : {type: 'text', value: run.text}
    )
    result.properties['className'] = ['highlight']
    return result
  }
}
