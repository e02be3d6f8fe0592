/**
 * MathML in the book. EPUB 3 wants formulas as MathML, in the MathML
 * namespace, and the documents holding them flagged `mathml` in the
 * manifest. epub-gen-memory's `fixHTML` would strip every MathML attribute
 * (`xmlns`, `display`, `mathvariant`… are not on its allow-list), so each
 * formula crosses it as a comment and is put back in the zip afterwards.
 */
import type {Element, ElementContent, Root} from 'hast'
import {serialize} from '@samizdat/html'

const namespace = 'http://www.w3.org/1998/Math/MathML'

/** Whether a document's body holds a formula: its manifest item then says `mathml`. */
export function containsMath(nodes: readonly ElementContent[]): boolean {
  return nodes.some((node) => node.type === 'element' && (node.tagName === 'math' || containsMath(node.children)))
}

export interface ProtectedMath {
  body: ElementContent[]
  /** XHTML of each formula, by the number in its placeholder. */
  formulas: string[]
}

/** A copy of the body with each `<math>` replaced by a placeholder comment (sources' comments never reach here: the sanitiser drops them). */
export function protectMath(nodes: readonly ElementContent[], document: number): ProtectedMath {
  const formulas: string[] = []
  const walk = (list: readonly ElementContent[]): ElementContent[] =>
    list.map((node) => {
      if (node.type !== 'element') return node
      if (node.tagName === 'math') {
        const math: Element = {...node, properties: {...node.properties, xmlns: namespace}}
        formulas.push(serialize({type: 'root', children: [math]} satisfies Root, {xhtml: true}))
        return {type: 'comment', value: placeholder(document, formulas.length - 1)}
      }
      return {...node, children: walk(node.children)}
    })
  return {body: walk(nodes), formulas}
}

function placeholder(document: number, index: number): string {
  return `samizdat-math ${document} ${index}`
}

/** Put the formulas back into a chapter as epub-gen-memory wrote it. */
export function restoreMath(xhtml: string, document: number, formulas: readonly string[]): string {
  return xhtml.replace(/<!--samizdat-math (\d+) (\d+)-->/g, (all, at: string, index: string) =>
    Number(at) === document ? (formulas[Number(index)] ?? all) : all
  )
}
