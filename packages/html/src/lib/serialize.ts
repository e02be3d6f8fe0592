import {removeNonXml} from '@samizdat/model'
import type {Nodes} from 'hast'
import {toHtml} from 'hast-util-to-html'

export interface SerializeOptions {
  /**
   * Serialise as XHTML, as EPUB content documents need: void elements
   * self-closed, boolean attributes given values, and every `lang` doubled by
   * an `xml:lang` of the same value.
   */
  xhtml?: boolean
}

/** Turn hast into a string of HTML, or of XHTML for the EPUB adapter. */
export function serialize(tree: Nodes, options: SerializeOptions = {}): string {
  if (!options.xhtml) return removeNonXml(toHtml(tree, {upperDoctype: true}))
  // Character references are numeric by default, which XML accepts too.
  const xhtml = removeNonXml(xmlAttributes(toHtml(tree, {upperDoctype: true, closeSelfClosing: true})))
  // XML forbids `]]>` in text, which the serialiser leaves as is (HTML allows it). Outside
  // markup, in text or a quoted value, `>` and `&#x3E;` mean the same: escaping is exact.
  return xhtml.replaceAll(']]>', ']]&#x3E;')
}

// A start tag as `hast-util-to-html` writes it (names and values come from it,
// escaped: values are double-quoted with `"` and `&` as references; nothing is inserted
// but a boolean attribute's own name and a copy of the escaped `lang` value): every attribute value double-quoted,
// and `<` escaped everywhere but in markup, so tags are found reliably.
const startTag = /<([A-Za-z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)(\s*\/?>)/g
const attribute = /(\s+)([^\s"'>/=]+)(="[^"]*")?/g

/**
 * What XML needs of the attributes `hast-util-to-html` writes. Boolean
 * attributes come out bare (`checked`), which XML rejects: each gets its own
 * name as value (`checked="checked"`). And `lang` gets an `xml:lang` beside
 * it: in an XML document only `xml:lang` sets the language (HTML § 3.2.6.2),
 * and reading systems look for it; both must then agree, so one is written
 * from the other and any `xml:lang` already there gives way.
 */
function xmlAttributes(html: string): string {
  return html.replace(startTag, (_, name: string, attributes: string, end: string) => {
    const lang = /\slang="([^"]*)"/.exec(attributes)?.[1]
    const rewritten = attributes.replace(attribute, (all, space: string, key: string, value?: string) => {
      if (lang !== undefined && key === 'xml:lang') return ''
      if (value === undefined) return space + key + '="' + key + '"'
      return key === 'lang' && lang !== undefined ? all + space + 'xml:lang' + value : all
    })
    return '<' + name + rewritten + end
  })
}
