/**
 * Document metadata: the info dictionary, and an XMP packet with the same
 * facts. pdfkit writes XMP from the info dictionary by string concatenation,
 * unescaped and without subjects or language, so its writer is replaced by
 * one that builds an XML tree (xast) and serialises it.
 */
import type {ElementContent, Root} from 'xast'
import {x} from 'xastscript'
import {toXml} from 'xast-util-to-xml'
import {removeNonXml, type EditionMeta} from '@samizdat/model'
import {replaceXmpProperties, type Doc} from './pdfkit.js'

const producer = 'Samizdat (pdfkit)'

export function documentInfo(meta: EditionMeta, date: Date): PDFKit.DocumentInfo {
  const info: PDFKit.DocumentInfo = {
    Title: meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title,
    Author: meta.creators.map((creator) => creator.name).join('; '),
    Creator: 'Samizdat',
    Producer: producer,
    CreationDate: date,
    ModDate: date
  }
  if (meta.description) info.Subject = meta.description
  if (meta.subjects.length > 0) info.Keywords = meta.subjects.join('; ')
  return info
}

const namespaces = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  dc: 'http://purl.org/dc/elements/1.1/',
  pdf: 'http://ns.adobe.com/pdf/1.3/'
}

export function writeXmp(doc: Doc, meta: EditionMeta, info: PDFKit.DocumentInfo): void {
  const xml = xmpDescriptions(meta, info)
  replaceXmpProperties(doc, xml)
}

/** The packet's `rdf:Description`s, serialised: well-formed whatever the edition's text holds. */
function xmpDescriptions(meta: EditionMeta, info: PDFKit.DocumentInfo): string {
  const date = (info.CreationDate ?? new Date(0)).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const alt = (value: string): ElementContent => x('rdf:Alt', [x('rdf:li', {'xml:lang': 'x-default'}, text(value))])
  const items = (tag: 'rdf:Seq' | 'rdf:Bag', values: readonly string[]): ElementContent =>
    x(
      tag,
      values.map((value) => x('rdf:li', text(value)))
    )
  const description = (prefix: 'xmp' | 'dc' | 'pdf', children: Array<ElementContent | undefined>): ElementContent =>
    x(
      'rdf:Description',
      {'rdf:about': '', [`xmlns:${prefix}`]: namespaces[prefix]},
      children.filter((child) => child !== undefined)
    )
  const tree: Root = {
    type: 'root',
    children: [
      description('xmp', [x('xmp:CreateDate', date), x('xmp:ModifyDate', date), x('xmp:MetadataDate', date), x('xmp:CreatorTool', text(info.Creator ?? ''))]),
      description('dc', [
        x('dc:format', 'application/pdf'),
        x('dc:title', [alt(info.Title ?? meta.title)]),
        x('dc:creator', [
          items(
            'rdf:Seq',
            meta.creators.map((creator) => creator.name)
          )
        ]),
        info.Subject ? x('dc:description', [alt(info.Subject)]) : undefined,
        meta.subjects.length > 0 ? x('dc:subject', [items('rdf:Bag', meta.subjects)]) : undefined,
        x('dc:language', [items('rdf:Bag', [meta.language])]),
        meta.publisher ? x('dc:publisher', [items('rdf:Bag', [meta.publisher])]) : undefined,
        meta.rights ? x('dc:rights', [alt(meta.rights)]) : undefined
      ]),
      description('pdf', [x('pdf:Producer', text(info.Producer ?? '')), info.Keywords ? x('pdf:Keywords', text(info.Keywords)) : undefined])
    ]
  }
  // `raw` is on only for the `&gt;` nodes `text` makes (see there); nothing else is raw.
  return toXml(tree, {allowDangerousXml: true})
}

/**
 * Text content for the packet: characters XML cannot carry are dropped, and
 * every `>` becomes a `&gt;` reference, because xast-util-to-xml escapes
 * only `&` and `<` in text, which lets `]]>` through (not well-formed).
 */
function text(value: string): ElementContent[] {
  const parts = removeNonXml(value).split('>')
  const nodes: ElementContent[] = []
  parts.forEach((part, index) => {
    if (index > 0) nodes.push({type: 'raw', value: '&gt;'})
    if (part !== '') nodes.push({type: 'text', value: part})
  })
  return nodes
}
