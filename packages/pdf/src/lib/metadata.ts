/**
 * Document metadata: the info dictionary, and an XMP packet with the same
 * facts. pdfkit writes XMP from the info dictionary without escaping it and
 * without subjects or language, so its writer is replaced by one that does.
 */
import type {EditionMeta} from '@samizdat/model'
import type {Doc} from './pdfkit.js'

export const producer = 'Samizdat (pdfkit)'

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

export function writeXmp(doc: Doc, meta: EditionMeta, info: PDFKit.DocumentInfo): void {
  const date = (info.CreationDate ?? new Date(0)).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const alt = (value: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${escape(value)}</rdf:li></rdf:Alt>`
  const items = (tag: 'Seq' | 'Bag', values: readonly string[]): string =>
    `<rdf:${tag}>${values.map((value) => `<rdf:li>${escape(value)}</rdf:li>`).join('')}</rdf:${tag}>`
  doc._addInfo = () => {
    doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${date}</xmp:CreateDate>
            <xmp:ModifyDate>${date}</xmp:ModifyDate>
            <xmp:MetadataDate>${date}</xmp:MetadataDate>
            <xmp:CreatorTool>${escape(info.Creator ?? '')}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title>${alt(info.Title ?? meta.title)}</dc:title>
            <dc:creator>${items('Seq', meta.creators.map((creator) => creator.name))}</dc:creator>
            ${info.Subject ? `<dc:description>${alt(info.Subject)}</dc:description>` : ''}
            ${meta.subjects.length > 0 ? `<dc:subject>${items('Bag', meta.subjects)}</dc:subject>` : ''}
            <dc:language>${items('Bag', [meta.language])}</dc:language>
            ${meta.publisher ? `<dc:publisher>${items('Bag', [meta.publisher])}</dc:publisher>` : ''}
            ${meta.rights ? `<dc:rights>${alt(meta.rights)}</dc:rights>` : ''}
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${escape(info.Producer ?? '')}</pdf:Producer>
            ${info.Keywords ? `<pdf:Keywords>${escape(info.Keywords)}</pdf:Keywords>` : ''}
        </rdf:Description>
        `)
  }
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
