import {removeNonXml} from '@samizdat/model'
import type {Element, ElementContent} from 'xast'
import {toXml} from 'xast-util-to-xml'

/** Children on lines of their own, indented, so the package files read well in a diff. */
export function lines(children: ElementContent[], depth: number): ElementContent[] {
  const indent = '\n' + '  '.repeat(depth)
  return [...children.flatMap((child): ElementContent[] => [{type: 'text', value: indent}, child]), {type: 'text', value: '\n' + '  '.repeat(depth - 1)}]
}

/** Text with the characters no XML document may carry left out (the model's one definition of them). */
export const xmlText = removeNonXml

/**
 * An XML document: the declaration, the root element (escaped by
 * `xast-util-to-xml`), a final newline. The serialiser leaves `>` as is in
 * text, and XML forbids `]]>` there: our trees hold no CDATA, comments or
 * instructions, so `]]>` can only be in text or a quoted value, where
 * `&#x3E;` means the same `>`.
 */
export function xmlDocument(root: Element): string {
  const xml = xmlText(toXml(root, {closeEmptyElements: true})).replaceAll(']]>', ']]&#x3E;')
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + '\n'
}
