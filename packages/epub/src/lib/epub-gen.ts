/**
 * The one place that knows epub-gen-memory (the chosen EPUB library): every
 * workaround for what it would do by itself is here, each with its reason,
 * and `test/epub-gen.test.ts` holds a test per workaround that fails if an
 * upgrade changes the behaviour it works around.
 *
 * It normalises each chapter to XHTML, reads the fonts, adds the cover and
 * writes the zip. What would break reproducibility or validity is taken out
 * of its hands:
 * 1. templates: the package document, navigation and NCX come in finished
 *    (its own have a random UUID, "now", "All rights reserved"), and the
 *    chapter template is ours;
 * 2. zip times: every entry gets the build's time (it stamps the clock's);
 * 3. attributes: its `fixHTML` drops what is outside an allow-list, telling
 *    only a warning with no place, so what they say is moved into text,
 *    classes or styles first, and what is still outside its list is left out
 *    here, with a warning at the element's place in the source;
 * 4. images: it downloads every `<img>`, so a remote one becomes a link first,
 *    and the edition's own images (`edition.assets`) cross it as placeholders
 *    and are written into the zip, at their `path`, afterwards;
 * 5. fonts: given as `file:` URLs, which it reads from disk instead of fetching;
 * 6. its own warnings (an attribute dropped) are turned on and reported;
 * 7. file names: it mangles a chapter's name outside `[-._A-Za-z0-9]` and
 *    lets a chapter overwrite its own files, so names are made safe first;
 * 8. font compression: its zip (jszip) deflates every file at level 9 in pure
 *    JavaScript, about half a second for the fonts alone on every book; each
 *    font is deflated once per process instead, by Node's zlib, and handed to
 *    jszip already compressed (a `CompressedObject`, which it copies as is).
 * 9. chapter compression and reuse: each chapter's entry is deflated by Node's
 *    zlib too, and, with a `WorkStore` (the CLI's cache), kept by a digest of
 *    what goes into it (title, body, formulas, pictures, the template): a
 *    chapter already made crosses epub-gen-memory empty (nothing for its
 *    `fixHTML` to parse) and its kept entry, already deflated with its CRC,
 *    takes the empty one's place. Kept only from a book it said nothing of
 *    (workaround 6): a kept chapter has no warning to tell again.
 * 10. template compilation: it renders each chapter with `ejs.render` and no
 *    cache, so EJS compiles the chapter template (a `new Function`) again for
 *    every chapter, a second of CPU for a book of 5,000 sections; our template
 *    (workaround 1) is compiled once per process instead, every other template
 *    as it comes.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'
import {deserialize, serialize} from 'node:v8'
import {crc32, deflateRawSync, inflateRawSync} from 'node:zlib'
import {EPub, type Chapter, type Options} from 'epub-gen-memory'
import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {find, html} from 'property-information'
import {writerWarning, type ImageAsset, type Reporter} from '@samizdat/model'
import type {BookDocument} from './documents.js'
import type {FontFile} from './script-fonts.js'
import {fill} from './labels.js'
import {serialize as toXml, type WorkStore} from '@samizdat/html'
import {restoreMath} from './math.js'
import type {EpubLabels} from './types.js'
import {xmlText} from './xml.js'

/** A zip entry deflated by zlib, as jszip takes it (workarounds 8 and 9). */
function compressed(data: Uint8Array): CompressedObject {
  const deflated = new Uint8Array(deflateRawSync(data, {level: 9}))
  return new CompressedObject(deflated.byteLength, data.byteLength, crc32(data), deflate, deflated)
}

/** A chapter's entry as kept (workaround 9). */
interface KeptEntry {
  shape: number
  size: number
  crc: number
  data: Uint8Array
}

/** Bumped when what is kept changes shape: older entries are then misses. */
const entryShape = 1

function keptEntry(data: Uint8Array | undefined): CompressedObject | undefined {
  if (data === undefined) return undefined
  try {
    const kept = deserialize(data) as KeptEntry
    if (kept?.shape !== entryShape || !(kept.data instanceof Uint8Array) || !Number.isInteger(kept.size) || !Number.isInteger(kept.crc)) return undefined
    // A torn entry: its bytes must inflate to its size and CRC.
    const raw = inflateRawSync(kept.data)
    if (raw.byteLength !== kept.size || crc32(raw) !== kept.crc) return undefined
    return new CompressedObject(kept.data.byteLength, kept.size, kept.crc, deflate, kept.data)
  } catch {
    return undefined
  }
}

export interface PackageFiles {
  title: string
  authors: string[]
  publisher: string
  description: string
  lang: string
  date: Date
  css: string
  fonts: readonly FontFile[]
  /** The chapters' XHTML bodies, in `documents` order. */
  bodies: string[]
  /** Each chapter's formulas, which cross epub-gen-memory as placeholders (workaround 7). */
  formulas: string[][]
  /** Each chapter's images, which cross it as placeholders too (workaround 4). */
  pictures: string[][]
  /** The edition's images (and their fallbacks), written into the zip at their `path` (workaround 4). */
  assets: ReadonlyArray<Pick<ImageAsset, 'path' | 'data'>>
  documents: readonly BookDocument[]
  packageDocument: string
  navDocument: string
  ncxDocument: string
  /** The cover image (a PNG, see cover.ts) and its description. */
  cover: {png: Uint8Array; alt: string}
  report: Reporter | undefined
  /** Where chapters' entries are kept between builds (workaround 9). */
  store?: WorkStore | undefined
}

/**
 * Workaround 1, templates. Our chapter template: the document's own language, title and `epub:type`; the cover page holds the cover image.
 * EJS's `<%= %>` escapes `&<>"'`; `<%- content %>` is the body `serialize` wrote (escaped by hast-util-to-html,
 * then parsed and written again by epub-gen-memory's fixHTML, in XML mode); `matter` is one of three constants.
 */
const chapterTemplate = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="<%= language %>" xml:lang="<%= language %>">
<head>
<meta charset="utf-8" />
<title><%= title %></title>
<link rel="stylesheet" type="text/css" href="style.css" />
</head>
<body epub:type="<%= matter %>">
<% if (locals.coverAlt) { %><section epub:type="cover" class="cover"><img src="cover.png" alt="<%= coverAlt %>" role="doc-cover" /></section>
<% } %><%- content %>
</body>
</html>
`

/** Workaround 10: EJS as epub-gen-memory loads it; `render` calls the module's `compile` for every chapter. */
type Compile = (template: string, options?: Record<string, unknown>) => unknown
const ejs = createRequire(createRequire(import.meta.url).resolve('epub-gen-memory'))('ejs') as {compile: Compile}
const compileTemplate = ejs.compile
let compiledChapter: unknown
ejs.compile = function compile(template, options) {
  if (template !== chapterTemplate) return compileTemplate.call(this, template, options)
  // The options `render` takes from a chapter's data are only its file name (for an error's message): our
  // chapters give no other (delimiter, strict, async…), so one compilation serves them all.
  compiledChapter ??= compileTemplate.call(this, template, {...options, filename: 'chapter.xhtml'})
  return compiledChapter
}

/** Workaround 8: jszip's own classes, as epub-gen-memory loads it (`instanceof` must hold in its zip). */
const jszipRequire = createRequire(createRequire(import.meta.url).resolve('epub-gen-memory'))
interface CompressedObject {
  readonly compressedSize: number
}
const CompressedObject = jszipRequire('jszip/lib/compressedObject') as new (
  compressedSize: number,
  uncompressedSize: number,
  crc32: number,
  compression: unknown,
  data: Uint8Array
) => CompressedObject
const deflate = (jszipRequire('jszip/lib/compressions') as {DEFLATE: unknown}).DEFLATE
const deflatedFonts = new Map<string, CompressedObject>()

/** Workaround 3: the attributes its `fixHTML` keeps, from its own list, so that an upgrade changing it changes ours. */
const keptAttributes: ReadonlySet<string> = new Set((jszipRequire('./util/constants') as {allowedAttributes: string[]}).allowedAttributes)

/**
 * Workaround 8: deflate fonts ahead (the ones every book has), while the book waits for the print edition's page
 * starts, so that it is not done after they come, on the way to the finished build.
 */
export function deflateFonts(fonts: readonly FontFile[]): void {
  for (const font of fonts) deflatedFont(font.path)
}

/** A font file, raw-deflated at level 9 as jszip would, the first time a process needs it. */
function deflatedFont(path: string): CompressedObject {
  let deflated = deflatedFonts.get(path)
  if (deflated === undefined) {
    deflated = compressed(readFileSync(path))
    deflatedFonts.set(path, deflated)
  }
  return deflated
}

/** Workaround 2, zip times. DOS dates cannot go below 1980. */
const dosEpoch = Date.UTC(1980, 0, 1)

class ReproducibleEPub extends EPub {
  readonly #time: Date
  readonly #files: PackageFiles
  /** Workaround 9: each chapter's entry, when kept (by index), and its key. */
  readonly #kept: ReadonlyArray<CompressedObject | undefined>
  readonly #keys: ReadonlyArray<string | undefined>
  /** Workaround 9: the entries made this time, by key, kept once the book is made if it said nothing. */
  readonly made = new Map<string, CompressedObject>()

  constructor(
    options: Options,
    content: Chapter[],
    time: Date,
    files: PackageFiles,
    kept: Array<CompressedObject | undefined>,
    keys: Array<string | undefined>
  ) {
    super(options, content)
    this.#time = new Date(Math.max(time.getTime(), dosEpoch))
    this.#files = files
    this.#kept = kept
    this.#keys = keys
  }

  // jszip stamps every entry with the time it was added; the book gets the build's time instead.
  override async render(): Promise<this> {
    await super.render()
    for (const [index, document] of this.#files.documents.entries()) {
      const name = 'OEBPS/' + document.file
      // Workaround 9: a kept chapter's entry takes the place of the empty one.
      const kept = this.#kept[index]
      if (kept) {
        this.zip.file(name, kept as unknown as Uint8Array)
        continue
      }
      const entry = this.zip.file(name)
      if (!entry) continue
      // Workaround 7, MathML: fixHTML strips every MathML attribute, so formulas crossed it as placeholders (math.ts); put them back.
      const xhtml = restorePictures(
        restoreMath(await entry.async('string'), index, this.#files.formulas[index] ?? []),
        index,
        this.#files.pictures[index] ?? []
      )
      const made = compressed(new TextEncoder().encode(xhtml))
      this.zip.file(name, made as unknown as Uint8Array)
      const key = this.#keys[index]
      if (key !== undefined) this.made.set(key, made)
    }
    // Workaround 4, images: the edition's own, at the paths the chapters name (the manifest lists them, opf.ts).
    for (const asset of this.#files.assets) this.zip.file('OEBPS/' + asset.path, asset.data)
    // Workaround 8, font compression: the same entries (same names, same place in the zip), deflated once per process.
    for (const font of this.#files.fonts) {
      const name = 'OEBPS/fonts/' + font.file
      // jszip's types do not know it takes its own CompressedObject (lib/object.js, fileAdd).
      if (this.zip.file(name)) this.zip.file(name, deflatedFont(font.path) as unknown as Uint8Array)
    }
    this.zip.forEach((_path: string, file: {date: Date}) => {
      file.date = this.#time
    })
    return this
  }
}

export async function zipBook(files: PackageFiles): Promise<Uint8Array> {
  /** Workaround 6: how many warnings it gave (workaround 9 keeps nothing from a book it said something of). */
  let said = 0
  const chapters = files.documents.map((document, index) => {
    const chapter: Chapter & Record<string, unknown> = {
      title: xmlText(document.title),
      content: files.bodies[index] ?? '',
      filename: document.file,
      excludeFromToc: true,
      // Read by our chapter template.
      language: xmlText(document.lang),
      matter: document.matter
    }
    if (document.kind === 'cover') chapter['coverAlt'] = xmlText(files.cover.alt)
    return chapter
  })
  const options: Options & Record<string, unknown> = {
    title: files.title,
    author: files.authors,
    publisher: files.publisher,
    description: files.description,
    cover: new File([files.cover.png.slice()], 'cover.png', {type: 'image/png'}),
    prependChapterTitles: false,
    date: files.date.toISOString(),
    lang: files.lang,
    css: files.css,
    // Workaround 5: it fetches every font URL; `file:` URLs it reads from disk.
    fonts: files.fonts.map((font) => ({filename: font.file, url: pathToFileURL(font.path).href})),
    chapterXHTML: chapterTemplate,
    // Workaround 1: the finished documents, passed through as the templates' only output.
    contentOPF: '<%- packageDocument %>',
    tocXHTML: '<%- navDocument %>',
    tocNCX: '<%- ncxDocument %>',
    packageDocument: files.packageDocument,
    navDocument: files.navDocument,
    ncxDocument: files.ncxDocument,
    version: 3,
    ignoreFailedDownloads: false,
    // Workaround 6: what it drops is said only through `verbose`; the book's documents are ours, no corpus place.
    verbose: (type: 'log' | 'warn', ...args: unknown[]) => {
      if (type === 'warn') said++
      if (type === 'warn') files.report?.(writerWarning(args.map(String).join(' '), {ruleId: 'epub-gen-memory', source: 'epub-gen-memory'}))
    }
  }
  // Workaround 9: what goes into each chapter's entry, and the entry when kept (the chapter then crosses empty).
  const keys = chapters.map((chapter, index) =>
    files.store?.key(['epub-chapter', entryShape, chapterTemplate, chapter, files.formulas[index] ?? [], files.pictures[index] ?? []])
  )
  const kept = keys.map((key) => keptEntry(key === undefined ? undefined : files.store?.get(key)))
  for (const [index, chapter] of chapters.entries()) if (kept[index]) chapter.content = ''
  const book = new ReproducibleEPub(options, chapters, files.date, files, kept, keys)
  const buffer = await book.genEpub()
  if (said === 0) {
    for (const [key, entry] of book.made) {
      const {
        compressedSize,
        uncompressedSize,
        crc32: crc,
        compressedContent
      } = entry as unknown as {
        compressedSize: number
        uncompressedSize: number
        crc32: number
        compressedContent: Uint8Array
      }
      if (compressedSize === compressedContent.byteLength)
        files.store?.set(key, serialize({shape: entryShape, size: uncompressedSize, crc, data: compressedContent} satisfies KeptEntry))
    }
  }
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

export interface MarkupContext {
  labels: EpubLabels
  /** The paths of the edition's images (`images/x.png`): an `<img>` showing one stays. */
  assets: ReadonlySet<string>
  report: Reporter | undefined
  /** The corpus file the markup comes from (a work's), for the warnings' place; none for generated pages. */
  source: string | undefined
}

/**
 * Workarounds 3 and 4: markup that survives it. Its `fixHTML` keeps only
 * attributes on an allow-list, telling what it drops with no place: `start`
 * on `<ol>`, `datetime`, `data-*`, `align`, `valign`, `width`, `name`… go.
 * And it downloads every `<img>`. So before chapters reach it, what those
 * attributes say is moved into text, classes or styles; what is left outside
 * its list is left out here and told at its place; and images become links:
 * the book never fetches.
 */
export function survivable(nodes: ElementContent[], context: MarkupContext): ElementContent[] {
  return nodes.flatMap((node) => transform(node, context))
}

function transform(node: ElementContent, context: MarkupContext): ElementContent[] {
  // A formula crosses it whole, as a placeholder (workaround 7): its attributes are MathML's.
  if (node.type !== 'element' || node.tagName === 'math') return [node]
  const element: Element = {...node, properties: {...node.properties}, children: survivable(node.children, context)}
  const {properties} = element

  switch (element.tagName) {
    case 'img':
      if (context.assets.has(String(properties['src']))) return [element]
      return [image(element, context)]
    case 'input':
      // A GFM task list box: its state as text, since `checked` does not survive.
      if (properties['type'] === 'checkbox') return [h('span', {className: ['task']}, properties['checked'] ? '[x]' : '[ ]')]
      break
    case 'ol':
      numbered(element)
      break
    case 'time':
      // Without `datetime`, a <time>'s text must itself be a date; otherwise it is plain text.
      if (properties['dateTime'] !== undefined && String(properties['dateTime']) !== textOf(element)) {
        return [{...element, tagName: 'span', properties: {}}]
      }
      delete properties['dateTime']
      break
    default:
  }
  const align = properties['align']
  if (align !== undefined && /^(?:left|center|right|justify)$/.test(String(align))) {
    properties['className'] = [...classes(properties['className']), 'align-' + String(align)]
  }
  const dropped: string[] = []
  for (const key of Object.keys(properties)) {
    const attribute = find(html, key).attribute
    if (keptAttributes.has(attribute)) continue
    const style = restyled(attribute, properties[key])
    if (style !== undefined) properties['style'] = [properties['style'], style].filter(Boolean).join('; ')
    // data-*, table cell relations, a fragment name (the sanitiser prefixed it: no link reaches it), a quotation's
    // address and microdata say nothing a reader sees; the rest is told.
    else if (!/^data-|^(?:align|scope|headers|name|cite|itemprop)$/.test(attribute)) dropped.push(attribute)
    delete properties[key]
  }
  if (dropped.length > 0) {
    const list = dropped.map((name) => `\`${name}\``).join(', ')
    const reason = `${dropped.length === 1 ? 'Attribute' : 'Attributes'} ${list} of \`<${element.tagName}>\` ${dropped.length === 1 ? 'is' : 'are'} left out of the book (EPUB allows no such attribute there)`
    context.report?.(writerWarning(reason, {ruleId: 'epub-attribute', file: context.source, place: element.position}))
  }
  return [element]
}

/** A presentational attribute as the CSS that says the same (`width="50%"`, `valign="top"`), or nothing. */
function restyled(attribute: string, value: unknown): string | undefined {
  const text = String(value).trim().toLowerCase()
  switch (attribute) {
    case 'width':
    case 'height': {
      const size = /^(\d+(?:\.\d+)?)(%|px)?$/.exec(text)
      return size ? `${attribute}: ${size[1]}${size[2] ?? 'px'}` : undefined
    }
    case 'valign':
      return /^(?:top|middle|bottom|baseline)$/.test(text) ? `vertical-align: ${text}` : undefined
    case 'nowrap':
      return value === true || value === '' ? 'white-space: nowrap' : undefined
    default:
      return undefined
  }
}

/**
 * An ordered list that does not start at 1 writes its numbers as text:
 * `start` would be dropped, and `counter-reset` on `list-item` is unknown to
 * many reading systems. Lists that start at 1 keep their native numbers.
 */
function numbered(list: Element): void {
  const start = Number(list.properties['start'] ?? 1)
  delete list.properties['start']
  if (!Number.isInteger(start) || start === 1) return
  list.properties['className'] = [...classes(list.properties['className']), 'numbered']
  // The inline style keeps native numbers hidden even where the stylesheet is ignored.
  list.properties['style'] = 'list-style-type: none'
  let number = start
  for (const item of list.children) {
    if (item.type !== 'element' || item.tagName !== 'li') continue
    const marker = h('span', {className: ['number']}, number + '.')
    const first = item.children.find((child) => child.type === 'element' || (child.type === 'text' && child.value.trim()))
    // Inside a leading paragraph, so the number runs in with its text.
    if (first?.type === 'element' && first.tagName === 'p') first.children.unshift(marker, {type: 'text', value: ' '})
    else item.children.unshift(marker, {type: 'text', value: ' '})
    number++
  }
}

/** An image becomes a link to it (or its description): a book must not load remote images. */
function image(element: Element, context: MarkupContext): ElementContent {
  const src = String(element.properties['src'] ?? '')
  const alt = String(element.properties['alt'] ?? '') || src
  const reason = `Image \`${src}\` is left out of the book (it would be fetched): a link to it stands in its place`
  context.report?.(writerWarning(reason, {ruleId: 'epub-image', file: context.source, place: element.position}))
  const text = fill(context.labels.imageLeftOut, {alt})
  return /^https?:\/\//.test(src) ? h('a', {href: src, rel: ['external']}, text) : h('span', text)
}

/** Workaround 4: a copy of the body with each of the edition's images replaced by a placeholder comment, and their XHTML. */
export function protectPictures(nodes: readonly ElementContent[], document: number): {body: ElementContent[]; pictures: string[]} {
  const pictures: string[] = []
  const walk = (list: readonly ElementContent[]): ElementContent[] =>
    list.map((node) => {
      if (node.type !== 'element') return node
      if (node.tagName === 'img') {
        pictures.push(toXml({type: 'root', children: [node]}, {xhtml: true}))
        return {type: 'comment', value: `samizdat-image ${document} ${pictures.length - 1}`}
      }
      return {...node, children: walk(node.children)}
    })
  return {body: walk(nodes), pictures}
}

function restorePictures(xhtml: string, document: number, pictures: readonly string[]): string {
  return xhtml.replace(/<!--samizdat-image (\d+) (\d+)-->/g, (all, at: string, index: string) =>
    Number(at) === document ? (pictures[Number(index)] ?? all) : all
  )
}

function classes(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : []
}

function textOf(node: ElementContent | Root): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map((child) => textOf(child as ElementContent)).join('') : ''
}

/**
 * Workaround 7, file names. It keeps only `[-._A-Za-z0-9]` in a chapter's
 * name (`Ünïcode part` becomes `ncode_part`) and a chapter named like one of
 * its own files (`toc.xhtml`) silently replaces it. Ids may hold any letter,
 * so names are made ASCII here and kept unique; the names the package itself
 * writes are taken first.
 */
export class FileNames {
  readonly #taken = new Set(['toc.xhtml', 'toc.ncx', 'content.opf', 'style.css', 'cover.png'])

  take(id: string): string {
    const base =
      id
        .normalize('NFKD')
        .replace(/[^-._A-Za-z0-9]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '')
        .toLowerCase() || 'part'
    let name = base + '.xhtml'
    for (let n = 2; this.#taken.has(name); n++) name = `${base}-${n}.xhtml`
    this.#taken.add(name)
    return name
  }
}
