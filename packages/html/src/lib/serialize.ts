import type {Nodes} from 'hast'
import {toHtml} from 'hast-util-to-html'

export interface SerializeOptions {
  /** Serialise as XHTML (void elements self-closed, boolean attributes given values), as EPUB content documents need. */
  xhtml?: boolean
}

/** Turn hast into a string of HTML, or of XHTML for the EPUB adapter. */
export function serialize(tree: Nodes, options: SerializeOptions = {}): string {
  if (!options.xhtml) return toHtml(tree, {upperDoctype: true})
  // Character references are numeric by default, which XML accepts too.
  return valuedBooleans(toHtml(tree, {upperDoctype: true, closeSelfClosing: true}))
}

// A start tag as `hast-util-to-html` writes it: every attribute value double-quoted,
// and `<` escaped everywhere but in markup, so tags are found reliably.
const startTag = /<([A-Za-z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)(\s*\/?>)/g
const attribute = /(\s+)([^\s"'>/=]+)(="[^"]*")?/g

/**
 * `hast-util-to-html` always writes boolean attributes bare (`checked`), which
 * XML rejects: give each its own name as value (`checked="checked"`).
 */
function valuedBooleans(html: string): string {
  return html.replace(startTag, (_, name: string, attributes: string, end: string) =>
    '<' + name + attributes.replace(attribute, (all, space: string, key: string, value?: string) =>
      value === undefined ? space + key + '="' + key + '"' : all) + end)
}
