/**
 * An edition as an EPUB 3 book, `<edition id>.epub`. Pure and deterministic:
 * nothing is written, nothing fetched, and the same edition and options give the same bytes.
 */
import type {OutputFile, ResolvedEdition} from '@samizdat/model'
import {UsageError} from '@samizdat/model'
import {serialize} from '@samizdat/html'
import {rasterCover, renderCover} from './cover.js'
import {buildDocuments, renderAhead} from './documents.js'
import {bookIdentifier} from './identifier.js'
import {listNames, textPlaces} from '@samizdat/model'
import {bookLabels, fill} from './labels.js'
import {mapIds, resolveLinks} from './links.js'
import {protectMath} from './math.js'
import {contents, landmarks, navDocument, navFile, navId, ncxDocument, pageList} from './nav.js'
import {packageDocument} from './opf.js'
import {markPageBreaks, placedBreaks, startsAt, withPageBreaks} from './page-list.js'
import {imageFallbacks} from './fallbacks.js'
import {stylesheet} from './css.js'
import {deflateFonts, protectPictures, survivable, zipBook} from './epub-gen.js'
import {textFontFiles} from './script-fonts.js'
import type {EpubOptions} from './types.js'

const defaultSplit = 40_000

export async function toEpub(source: ResolvedEdition, options: EpubOptions = {}): Promise<OutputFile[]> {
  const {meta} = source
  const {words: labels, html: htmlLabels} = bookLabels(source, options)
  // Warnings go to the caller's `report` or nowhere: never onto the corpus's files.
  const report = options.report ?? ignore
  // The model parsed the edition's date once (UTC); never the clock, never a parse of our own.
  const time = options.date ?? meta.issued ?? new Date(0)
  if (Number.isNaN(time.getTime())) throw new UsageError('Expected a valid `date`, not `' + String(options.date) + '`')
  const splitAbove = options.splitAbove ?? defaultSplit
  if (typeof splitAbove !== 'number' || Number.isNaN(splitAbove)) {
    throw new UsageError('Expected a number for `splitAbove`, not `' + String(options.splitAbove) + '`')
  }
  const date = meta.date ?? time.toISOString().slice(0, 10)

  // The works' chapters, the preface and the back matter first, without the print edition's page starts (the PDF
  // may still be laying them out); then the page starts are marked in them, in the text nodes they name (page-list.ts).
  const places = textPlaces(source)
  const authors = [...new Set(meta.creators.filter((c) => c.role === 'aut').map((c) => c.name))]
  const input = {edition: source, labels, htmlLabels, identifier: bookIdentifier(meta.id), splitAbove, date, report, works: options.works}
  const ahead = renderAhead(input, places)
  // Nor do the cover and the fonts every book has: made before waiting for the page starts, not after.
  const coverText = [meta.title, meta.subtitle, listNames(authors, labels.language)].filter(Boolean).join('. ')
  const coverAlt = fill(labels.coverDescription, {text: coverText})
  const cover = {
    png: await rasterCover(
      renderCover({
        title: meta.title,
        ...(meta.subtitle ? {subtitle: meta.subtitle} : {}),
        authors,
        ...(meta.publisher ? {publisher: meta.publisher} : {}),
        description: coverAlt
      }),
      options.works
    ),
    alt: coverAlt
  }
  deflateFonts(textFontFiles())
  const pages = typeof options.pages === 'function' ? await options.pages() : (options.pages ?? [])
  const starts = startsAt(places, pages)
  // What was not rendered ahead (raw HTML), or where a page start is not found: the markers in a copy of their text.
  const edition = withPageBreaks(source, starts)

  const {identifier} = input
  const description = meta.description || [meta.title, edition.works.map((w) => w.meta.title).join('; ')].filter(Boolean).join(': ')

  const {documents, fonts} = buildDocuments({...input, edition}, {ahead, starts, places, source})
  const placed = new Set<string>()
  for (const document of documents) markPageBreaks(document.body, pages, placed)
  const breaks = placedBreaks(pages, placed)
  const assets = new Set(edition.assets.map((asset) => asset.path))
  for (const document of documents) document.body = survivable(document.body, {labels, assets, report, source: document.source})
  const ids = mapIds(documents, [[navId, navFile]])
  for (const document of documents) resolveLinks(document, ids, report)

  const entries = contents(edition, documents, ids)
  const pageTargets = pageList(breaks, ids)

  // Workaround 7 (see epub-gen.ts): formulas cross epub-gen-memory as placeholders.
  const withMath = documents.map((document, index) => protectMath(document.body, index))
  // Workaround 4: so do the edition's images.
  const withPictures = withMath.map(({body}, index) => protectPictures(body, index))

  const fallbacks = await imageFallbacks(edition.assets)
  const data = await zipBook({
    title: meta.subtitle ? meta.title + ': ' + meta.subtitle : meta.title,
    authors,
    publisher: meta.publisher ?? '',
    description,
    lang: meta.language,
    date: time,
    css: stylesheet(fonts, options.css),
    fonts: fonts.files,
    bodies: withPictures.map(({body}) => serialize({type: 'root', children: body}, {xhtml: true})),
    formulas: withMath.map(({formulas}) => formulas),
    pictures: withPictures.map(({pictures}) => pictures),
    assets: [...edition.assets, ...fallbacks],
    documents,
    packageDocument: packageDocument({
      edition,
      identifier,
      modified: time,
      date,
      description,
      documents,
      labels,
      fonts: fonts.files,
      fallbacks,
      paged: breaks.length > 0
    }),
    navDocument: navDocument({title: meta.title, lang: meta.language, entries, landmarks: landmarks(documents, labels), labels, pages: pageTargets}),
    ncxDocument: ncxDocument({identifier, title: meta.title, lang: meta.language, entries, pages: pageTargets, documents, labels}),
    cover,
    report,
    store: options.chapters
  })
  return [{path: meta.id + '.epub', data}]
}

function ignore(): void {}
