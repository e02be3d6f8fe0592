/**
 * Long works are split at their top-level sections, one file each, so that
 * reading systems page and load them quickly. The cut is made in the rendered
 * work: the body's top-level headings are its `<h2>`s (see `renderWork`),
 * bare or opening a `<section>` (a section the edition added).
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'

export interface Part {
  /** Id of the part's heading (the work's own id for the first part). */
  id: string
  /** The part's title, for `<title>`; none for the first part. */
  title: string | undefined
  element: Element
}

/** The work's `<article>` in parts: the header with what precedes the first section, then one `<section>` per section. */
export function splitArticle(article: Element, id: string): Part[] {
  const first: ElementContent[] = []
  const sections: ElementContent[][] = []
  for (const child of article.children) {
    if (sectionHeading(child)) sections.push([child])
    else (sections.at(-1) ?? first).push(child)
  }
  const parts: Part[] = [{id, title: undefined, element: {...article, children: first}}]
  for (const children of sections) {
    const start = children[0] as Element
    const heading = sectionHeading(start)!
    const headingId = String(heading.properties['id'] ?? '')
    // A section the edition added is a section already.
    const element = start.tagName === 'section' && children.length === 1 ? start : h('section', {ariaLabelledBy: headingId || undefined}, children)
    parts.push({id: headingId, title: textOf(heading), element})
  }
  return parts
}

/** Whether the article has top-level sections to split at. */
export function hasSections(article: Element): boolean {
  return article.children.some((child) => sectionHeading(child) !== undefined)
}

/** The `<h2>` a top-level child starts a section with, if it does. */
function sectionHeading(node: ElementContent): Element | undefined {
  if (node.type !== 'element') return undefined
  if (node.tagName === 'h2') return node
  if (node.tagName !== 'section') return undefined
  const first = node.children.find((child): child is Element => child.type === 'element')
  return first?.tagName === 'h2' ? first : undefined
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map(textOf).join('') : ''
}
