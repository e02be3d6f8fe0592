import type {Element, ElementContent} from 'xast'
import {toXml} from 'xast-util-to-xml'

/** Children on lines of their own, indented, so the package files read well in a diff. */
export function lines(children: ElementContent[], depth: number): ElementContent[] {
  const indent = '\n' + '  '.repeat(depth)
  return [...children.flatMap((child): ElementContent[] => [{type: 'text', value: indent}, child]), {type: 'text', value: '\n' + '  '.repeat(depth - 1)}]
}

/** An XML document: the declaration, the root element, a final newline. */
export function xmlDocument(root: Element): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + toXml(root, {closeEmptyElements: true}) + '\n'
}
