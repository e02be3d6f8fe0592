/**
 * The package document: metadata mapped from the edition and its works,
 * accessibility metadata, manifest and spine. Written whole here (epub-gen-
 * memory's own template says "All rights reserved", stamps the clock and a
 * random id, and names itself as generator).
 */
import type {ResolvedEdition} from '@samizdat/model'
import {x} from 'xastscript'
import type {Element} from 'xast'
import type {BookDocument} from './documents.js'
import type {Fallback} from './fallbacks.js'
import type {FontFile} from './script-fonts.js'
import {containsMath} from './math.js'
import {navFile} from './nav.js'
import type {EpubLabels} from './types.js'
import {fill} from './labels.js'
import {lines, xmlDocument} from './xml.js'

export interface PackageInput {
  edition: ResolvedEdition
  identifier: string
  /** `dcterms:modified`. */
  modified: Date
  /** `dc:date`: the edition's date, or the build's. */
  date: string
  description: string
  documents: readonly BookDocument[]
  labels: EpubLabels
  fonts: readonly FontFile[]
  /** PNG copies of the WebP images, their manifest fallbacks (fallbacks.ts). */
  fallbacks: readonly Fallback[]
  /** The book marks the print edition's page breaks and lists them (page-list.ts). */
  paged: boolean
}

/** Relators written as creators; other roles are contributors. */
const creatorRoles = new Set(['aut'])
const contributorRoles = new Set(['edt', 'trl'])

export function packageDocument(input: PackageInput): string {
  const {edition, documents} = input
  const {meta} = edition
  const metadata: Element[] = []
  const meta$ = (property: string, value: string, refines?: string, scheme?: string) => x('meta', {property, refines: refines && '#' + refines, scheme}, value)

  metadata.push(x('dc:identifier', {id: 'pub-id'}, input.identifier))
  metadata.push(x('dc:title', {id: 'title'}, meta.title), meta$('title-type', 'main', 'title'))
  if (meta.subtitle) metadata.push(x('dc:title', {id: 'subtitle'}, meta.subtitle), meta$('title-type', 'subtitle', 'subtitle'))

  // Editors and authors of the edition; translators of its works.
  const people = [
    ...meta.creators.map((creator) => ({...creator})),
    ...edition.works.flatMap((work) => work.meta.creators.filter((creator) => creator.role === 'trl'))
  ]
  const seen = new Set<string>()
  let n = 0
  for (const person of people) {
    const element = creatorRoles.has(person.role) ? 'dc:creator' : contributorRoles.has(person.role) ? 'dc:contributor' : undefined
    const key = person.role + '\u0000' + person.name
    if (!element || seen.has(key)) continue
    seen.add(key)
    const id = 'creator-' + ++n
    metadata.push(x(element, {id}, person.name), meta$('role', person.role, id, 'marc:relators'))
    if (person.fileAs) metadata.push(meta$('file-as', person.fileAs, id))
  }

  const languages = [...new Set([meta.language, ...edition.works.map((work) => work.meta.language)])]
  for (const language of languages) metadata.push(x('dc:language', {}, language))
  metadata.push(x('dc:date', {}, input.date))
  metadata.push(meta$('dcterms:modified', input.modified.toISOString().replace(/\.\d{3}Z$/, 'Z')))
  if (meta.publisher) metadata.push(x('dc:publisher', {}, meta.publisher))
  if (meta.rights) metadata.push(x('dc:rights', {}, meta.rights))
  metadata.push(x('dc:description', {}, input.description))
  for (const subject of meta.subjects) metadata.push(x('dc:subject', {}, subject))
  for (const source of meta.sources) metadata.push(x('dc:source', {}, source.url ?? source.title))
  if (input.paged) {
    // The print edition the page breaks follow, as EPUB 3.2 says (`source-of` pagination); `pageBreakSource`
    // (EPUB Accessibility 1.1's successor) is not yet in the vocabulary epubcheck 4 accepts.
    metadata.push(x('dc:source', {id: 'print-source'}, fill(input.labels.printEdition, {title: meta.title, file: meta.id + '.pdf'})))
    metadata.push(meta$('source-of', 'pagination', 'print-source'))
  }

  // Accessibility (schema.org, as EPUB Accessibility 1.1 asks).
  const features = ['tableOfContents', 'readingOrder', 'structuralNavigation', 'alternativeText', 'ARIA', 'displayTransformability']
  if (input.paged) features.push('pageBreakMarkers', 'pageNavigation')
  if (documents.some((d) => d.body.some((node) => node.type === 'element' && node.properties['epub:type'] === 'index'))) features.push('index')
  metadata.push(meta$('schema:accessMode', 'textual'), meta$('schema:accessMode', 'visual'))
  metadata.push(meta$('schema:accessModeSufficient', 'textual'))
  for (const feature of features) metadata.push(meta$('schema:accessibilityFeature', feature))
  metadata.push(meta$('schema:accessibilityHazard', 'none'))
  // The claim (EPUB Accessibility 1.1, WCAG 2.1 AA) and who makes it: the publisher, or the editors.
  metadata.push(meta$('dcterms:conformsTo', conformsTo))
  metadata.push(meta$('a11y:certifiedBy', certifier(edition)))
  metadata.push(meta$('schema:accessibilitySummary', edition.assets.length > 0 ? input.labels.accessibilitySummaryImages : input.labels.accessibilitySummary))
  // EPUB 2 reading systems find the cover image by this.
  metadata.push(x('meta', {name: 'cover', content: 'cover-image'}))
  // Apple Books uses the embedded font only when told.
  metadata.push(meta$('ibooks:specified-fonts', 'true'))

  const manifest: Element[] = [
    x('item', {id: 'nav', href: navFile, 'media-type': 'application/xhtml+xml', properties: 'nav'}),
    x('item', {id: 'ncx', href: 'toc.ncx', 'media-type': 'application/x-dtbncx+xml'}),
    x('item', {id: 'css', href: 'style.css', 'media-type': 'text/css'}),
    // A raster cover: Kindle conversion and many reading systems drop an SVG one (cover.ts).
    x('item', {id: 'cover-image', href: 'cover.png', 'media-type': 'image/png', properties: 'cover-image'}),
    ...input.fonts.map((font, index) => x('item', {id: 'font-' + (index + 1), href: 'fonts/' + font.file, 'media-type': font.mediaType})),
    // The edition's images, each with the media type its bytes say; WebP (a core type of EPUB 3.3, not 3.2) with a PNG fallback.
    ...edition.assets.map((asset) =>
      x('item', {id: asset.id, href: asset.path, 'media-type': asset.mediaType, fallback: input.fallbacks.find((f) => f.for === asset.id)?.id})
    ),
    ...input.fallbacks.map((fallback) => x('item', {id: fallback.id, href: fallback.path, 'media-type': 'image/png'})),
    ...documents.map((document, index) =>
      x('item', {id: itemId(index), href: document.file, 'media-type': 'application/xhtml+xml', properties: containsMath(document.body) ? 'mathml' : undefined})
    )
  ]

  // Reading order: the navigation document (the visible contents) follows the title page.
  const spine: Element[] = []
  documents.forEach((document, index) => {
    spine.push(x('itemref', {idref: itemId(index)}))
    if (document.kind === 'title-page') spine.push(x('itemref', {idref: 'nav'}))
  })

  const pkg = x(
    'package',
    {
      xmlns: 'http://www.idpf.org/2007/opf',
      version: '3.0',
      'unique-identifier': 'pub-id',
      'xml:lang': meta.language,
      prefix: 'ibooks: http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/'
    },
    [
      x('metadata', {'xmlns:dc': 'http://purl.org/dc/elements/1.1/'}, lines(metadata, 2)),
      x('manifest', {}, lines(manifest, 2)),
      x('spine', {toc: 'ncx'}, lines(spine, 2))
    ]
  )
  pkg.children = lines(pkg.children, 1)
  return xmlDocument(pkg)
}

/** The conformance statement EPUB Accessibility 1.1 defines (§ 2.1), as epubcheck and Ace read it. */
const conformsTo = 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA'

function certifier(edition: ResolvedEdition): string {
  const {meta} = edition
  const editors = meta.creators.filter((creator) => creator.role === 'edt').map((creator) => creator.name)
  return meta.publisher ?? (editors.length > 0 ? editors.join(', ') : meta.title)
}

function itemId(index: number): string {
  return 'doc-' + String(index + 1).padStart(3, '0')
}
