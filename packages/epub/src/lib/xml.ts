import type {Element, ElementContent} from 'xast'
import {toXml} from 'xast-util-to-xml'

/** Children on lines of their own, indented, so the package files read well in a diff. */
export function lines(children: ElementContent[], depth: number): ElementContent[] {
  const indent = '\n' + '  '.repeat(depth)
  return [...children.flatMap((child): ElementContent[] => [{type: 'text', value: indent}, child]), {type: 'text', value: '\n' + '  '.repeat(depth - 1)}]
}

/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
 * lone surrogates), with the C1 controls, DEL and noncharacters that reading
 * systems reject too. The model removes them from sources with a message;
 * none is part of markup, so dropping any that slips through from the
 * serialised text cannot change its structure.
 */
const forbidden = /[\0-\x08\v\f\x0E-\x1F\x7F-\x9F\p{Cs}\p{Noncharacter_Code_Point}]/gu

/** Text with the characters no XML document may carry left out. */
export function xmlText(text: string): string {
  return text.replace(forbidden, '')
}

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
