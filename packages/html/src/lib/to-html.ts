/**
 * The web edition: `index.html` (title page, contents, preface), one page
 * per work and per part of the back matter, `style.css`, all in the folder
 * `<edition id>/`. Pure: the files come back in memory, the caller writes them.
 */
import {readFileSync} from 'node:fs'
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {OutputFile, ResolvedEdition, ResolvedWork} from '@samizdat/model'
import {UsageError} from '@samizdat/model'
import {renderSection} from './back-matter.js'
import {listNames} from '@samizdat/model'
import {authorNames} from './creators.js'
import {scriptFontRules, stylesheet} from './css.js'
import {scriptFontCss, scriptFonts} from './script-fonts.js'
import {textFontCss, textFontFiles, textFontLicence} from './text-font.js'
import {indexPage, pageOf, siteHrefFor, siteTargets} from './href.js'
import {editionWords} from './labels.js'
import {renderPage, type PageInput, type PageLink} from './page.js'
import {serialize} from './serialize.js'
import {miniSearchScript, renderSearch, searchIndexScript, searchPage, searchScript} from './search.js'
import {sidenotesScript, withSidenotes} from './sidenotes.js'
import {renderTitlePage} from './title-page.js'
import type {HtmlOptions} from './types.js'
import {renderWork} from './work.js'
import {keptRendering, keyOf} from './work-cache.js'
import {hasNode} from './walk.js'

export async function toHtml(edition: ResolvedEdition, options: HtmlOptions = {}): Promise<OutputFile[]> {
  const labels = editionWords(edition, options.locale, options.labels)
  // Warnings go to the caller's `report` or nowhere: never onto the corpus's files.
  const report = options.report ?? ignore
  const hrefFor = siteHrefFor(edition)
  // What `hrefFor` reads of the other pages: part of each kept work's key (see work-cache.ts).
  const targets = options.works ? siteTargets(edition) : undefined
  const {meta} = edition
  const downloads = checkDownloads(options.downloads)

  // Reading order: the index page, the works, the back matter; each links to its neighbours.
  const order: PageLink[] = [
    {href: indexPage, title: meta.title},
    ...edition.works.map((work) => ({href: pageOf(work), title: work.meta.title})),
    ...edition.backMatter.map((section) => ({href: pageOf(section), title: section.title}))
  ]
  const shared = {
    siteTitle: meta.title,
    chromeLang: meta.language,
    colophon: [meta.rights, meta.publisher].filter((x): x is string => Boolean(x)),
    labels
  }
  const neighbours = (index: number) => ({previous: order[index - 1], next: order[index + 1]})

  const index: PageInput = {
    ...shared,
    ...neighbours(0),
    lang: meta.language,
    title: meta.title,
    description:
      meta.description ??
      describe(
        meta.title,
        edition.works.map((w) => w.meta.title)
      ),
    author: listNames(authorNames(meta.creators), labels.language),
    skipTarget: 'title-page',
    main: renderTitlePage(edition, hrefFor, labels, report, downloads)
  }

  const works = edition.works.map((work, position): [string, PageInput] => {
    const authors = listNames(authorNames(work.meta.creators), labels.language)
    return [
      pageOf(work),
      {
        ...shared,
        ...neighbours(position + 1),
        lang: work.meta.language,
        title: pageTitle(work.meta.title, meta.title),
        description: work.meta.description ?? (authors ? work.meta.title + ' (' + authors + ')' : work.meta.title),
        author: authors,
        skipTarget: work.id,
        main: [
          keptRendering(options.works, report, ['html', keyOf(work), meta, targets, labels, edition.assets], isElement, (report) =>
            withSicSwitch(
              work,
              withSidenotes(
                renderWork(work, {edition: meta, hrefFor, labels, locale: labels.language, notes: 'endnotes', report, assets: edition.assets}),
                labels
              ),
              labels.showSic
            )
          )
        ]
      }
    ]
  })

  const backMatter = edition.backMatter.map((section, position): [string, PageInput] => [
    pageOf(section),
    {
      ...shared,
      ...neighbours(edition.works.length + position + 1),
      lang: meta.language,
      title: pageTitle(section.title, meta.title),
      description: section.title + ' – ' + meta.title,
      author: listNames(authorNames(meta.creators), labels.language),
      skipTarget: section.id,
      main: [renderSection(section, {hrefFor, labels, locale: labels.language, report, assets: edition.assets})]
    }
  ])

  // The search page stands outside the reading order (no previous or next).
  const search: PageInput = {
    ...shared,
    previous: undefined,
    next: undefined,
    lang: meta.language,
    title: pageTitle(labels.search, meta.title),
    description: labels.search + ' – ' + meta.title,
    author: listNames(authorNames(meta.creators), labels.language),
    skipTarget: 'search',
    main: renderSearch(labels),
    scripts: ['minisearch.js', 'search-index.js', 'search.js']
  }

  const folder = meta.id + '/'
  const encoder = new TextEncoder()
  const read = [[indexPage, index] as const, ...works, ...backMatter]
  const pages = [...read, [searchPage, search] as const].map(([path, page]) => ({path: folder + path, html: serialize(renderPage(page))}))
  const searchFiles: OutputFile[] = [
    {path: folder + 'minisearch.js', data: encoder.encode(miniSearchScript())},
    {
      path: folder + 'search-index.js',
      data: encoder.encode(searchIndexScript(read.map(([href, page], at) => ({href, title: order[at]?.title ?? page.title, main: page.main}))))
    },
    {path: folder + 'search.js', data: encoder.encode(searchScript)}
  ]
  // Noto fonts only for the scripts the pages use (their slices, with their licences beside them).
  const text = pages.map((page) => textOf(page.html)).join(' ')
  const fonts = scriptFonts(text)
  const fontFiles: OutputFile[] = [
    ...fonts.files.map((file) => ({path: `${folder}fonts/${file.file}`, data: new Uint8Array(readFileSync(file.path))})),
    ...fonts.families.map(({family, licence}) => ({path: `${folder}fonts/${family.replaceAll(' ', '')}-OFL.txt`, data: encoder.encode(licence)}))
  ]
  // The text face, EB Garamond, in the slices the pages' characters need.
  const textFonts = textFontFiles(text)
  fontFiles.push(...textFonts.map((file) => ({path: `${folder}fonts/${file.file}`, data: new Uint8Array(readFileSync(file.path))})), {
    path: `${folder}fonts/EBGaramond-OFL.txt`,
    data: encoder.encode(textFontLicence())
  })
  const css = textFontCss(textFonts, 'fonts/') + scriptFontCss(fonts.files, 'fonts/') + stylesheet + scriptFontRules(fonts.families.map(({family}) => family))
  return [
    ...pages.map((page) => ({path: page.path, data: encoder.encode(page.html)})),
    ...fontFiles,
    {path: folder + 'style.css', data: encoder.encode(css + (options.css ? '\n' + options.css + '\n' : ''))},
    {path: folder + 'sidenotes.js', data: encoder.encode(sidenotesScript)},
    ...searchFiles,
    // The images the pages show, beside them (`images/x.png`).
    ...edition.assets.map((asset) => ({path: folder + asset.path, data: asset.data}))
  ]
}

function ignore(): void {}

function isElement(value: unknown): value is Element {
  return (value as Element | undefined)?.type === 'element' && Array.isArray((value as Element).children)
}

function checkDownloads(downloads: HtmlOptions['downloads']): NonNullable<HtmlOptions['downloads']> {
  if (downloads === undefined) return []
  if (!Array.isArray(downloads)) throw new UsageError('Expected an array for `downloads`, not `' + String(downloads) + '`')
  for (const download of downloads as unknown[]) {
    const {format, href} = (download ?? {}) as {format?: unknown; href?: unknown}
    if ((format !== 'epub' && format !== 'pdf') || typeof href !== 'string' || href === '') {
      throw new UsageError('Expected each of `downloads` to be `{format: "epub" | "pdf", href}`, not `' + JSON.stringify(download) + '`')
    }
  }
  return downloads
}

/** A page's characters, tags aside: enough to tell which scripts it uses. */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/gu, ' ')
}

/**
 * On a page with corrections, a switch that shows the source's readings beside
 * them: a checkbox before the text, which the stylesheet reads with the
 * sibling combinator (`:checked ~ * .sic`), so no script is needed.
 */
function withSicSwitch(work: ResolvedWork, article: Element, label: string): Element {
  if (!hasNode(work.tree, 'correction')) return article
  // A dot: no id the model makes (slugs) can take it.
  const id = 'sic.switch'
  const toggle: ElementContent[] = [
    h('input', {type: 'checkbox', id, className: ['sic-switch']}),
    h('label', {htmlFor: id, className: ['sic-switch-label']}, label)
  ]
  const [header, ...rest] = article.children
  return {...article, children: header ? [header, ...toggle, ...rest] : [...toggle, ...rest]}
}

/** The work's title, followed by the edition's when both fit where browsers and search results show titles. */
function pageTitle(work: string, edition: string): string {
  const both = work + ' – ' + edition
  return both.length <= 70 ? both : work
}

function describe(title: string, works: string[]): string {
  return works.length > 0 ? title + ': ' + works.join('; ') : title
}
