/**
 * The one place that imports pdfkit and the only file that reaches its
 * private fields (`_root`, `_font` and its `encode`, `subset`, `widths` and `unicode`, `_fontSize`, `_addInfo`,
 * a name tree's `_compareKeys`; fontkit's `_glyphs` and a subset's `glyphs`, `includeGlyph` and `encode`) and undocumented ones (`dictionary`,
 * `outlineData`, `page.fonts`, `page.content`'s `write`, `end`, `buffer` and `compress`, an image's `embed` and
 * `finalize`): each behind a small
 * named function here, each pinned by `test/pdfkit.test.ts`, which fails
 * with the field's name if an upgrade removes it. `@types/pdfkit` describes
 * 0.17 and lacks a few things 0.20 has and this package uses; they are
 * declared here by augmentation, so the rest of the code stays typed.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {deflateSync} from 'node:zlib'
import {create, type Font as ParsedFont} from 'fontkit'
import PDFDocument from 'pdfkit'

const require = createRequire(import.meta.url)

declare global {
  namespace PDFKit {
    namespace Mixins {
      interface StructureElementOptions {
        scope?: 'Row' | 'Column' | 'Both'
      }
      interface AnnotationOption {
        /** The `Link` element the annotation belongs to (an `OBJR` in the structure tree). */
        structParent?: PDFStructureElement
      }
    }
    interface PDFStructureElement {
      /** The element's dictionary, for attributes pdfkit has no option for. */
      dictionary: {data: Record<string, unknown>}
    }
    interface PDFOutline {
      /** The outline item's dictionary entries (`Dest`, `Title`…). */
      outlineData: Record<string, unknown>
    }
    interface PDFDocument {
      /** The current font; its metrics are in thousandths of the font size. */
      _font: {
        ascender: number
        descender: number
        /** The fontkit font (absent for the standard 14). */
        font?: {hasGlyphForCodePoint(codePoint: number): boolean}
        /** Shapes text with fontkit (see `fonts.ts`, which caches it). */
        layoutRun(text: string, features?: readonly string[]): unknown
        /** The font's resource name on a page (`F1`…). */
        id: string
        /** The font's indirect object, for a page's `Resources`. */
        ref(): unknown
        /** Shapes `text` and adds its glyphs to the subset: their hex codes and positions (thousandths of the size). */
        encode(text: string, features?: readonly string[]): [string[], GlyphPosition[]]
      }
      /** The current font size, in points. */
      _fontSize: number
      /** The catalog, for entries pdfkit has no option for (`PageLabels`). */
      _root: {data: Record<string, unknown>}
      /** Writes the XMP packet's properties; replaced to escape them (see `metadata.ts`). */
      _addInfo(): void
      /** Parses an image once; `image()` then draws the same XObject wherever it is given it (documented, not typed). */
      openImage(src: Buffer): OpenedImage
    }
    /** An image `openImage` parsed, for `image()`. */
    interface OpenedImage {
      width: number
      height: number
      /** Writes the image's objects (its XObject; a PNG's mask and palette); `image()` calls it at the first drawing. */
      embed(doc: PDFDocument): void
      /** A PNG's last step of `embed`, called when its pixels are inflated: at once, or later for one with an alpha channel. */
      finalize?(): void
    }
    namespace Mixins {
      interface PDFImage {
        /** An image `openImage` parsed is drawn again without parsing it (pdfkit accepts it; the types do not say). */
        image(src: OpenedImage, x?: number, y?: number, options?: ImageOption): this
      }
    }
  }
}

/** A shaped glyph's placement, as pdfkit's font `encode` gives it (thousandths of the font size). */
interface GlyphPosition {
  xAdvance: number
  yAdvance: number
  xOffset: number
  yOffset: number
  advanceWidth: number
}

export type Doc = PDFKit.PDFDocument
type Font = PDFKit.PDFDocument['_font']
export type StructElement = PDFKit.PDFStructureElement
export type Outline = PDFKit.PDFOutline

export interface DocumentOptions {
  info: PDFKit.DocumentInfo
  lang: string
  /** Uncompressed output, for debugging the content streams. */
  compress: boolean
}

export function createDocument(options: DocumentOptions): Doc {
  const doc = new PDFDocument({
    // pdfkit defaults to 1.3 and does not raise it for tagging; 1.7 also brings the XMP stream.
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: options.lang,
    info: options.info,
    compress: options.compress,
    autoFirstPage: false,
    // Layout is ours: pdfkit never wraps or paginates text here.
    margin: 0
  })
  // pdfkit sorts name-tree keys with `localeCompare` in the default locale:
  // the order (and so the bytes) would follow LANG, and the PDF wants byte order.
  const names = doc._root.data['Names'] as {data: {Dests: {_compareKeys(a: string, b: string): number}}}
  names.data.Dests._compareKeys = compareKeys
  return doc
}

/**
 * Order of name-tree keys: by the bytes of the PDF string each key is written
 * as (ASCII as is; anything else as UTF-16BE after a byte-order mark), the
 * same in every locale.
 */
export function compareKeys(a: string, b: string): number {
  const left = keyBytes(a)
  const right = keyBytes(b)
  return left < right ? -1 : left > right ? 1 : 0
}

function keyBytes(key: string): string {
  if (/^[\u0000-\u007F]*$/.test(key)) return key
  // As UTF-16BE after FE FF: compare code units, after a prefix above any ASCII byte.
  return `\u00FE\u00FF${key}`
}

/**
 * A PDF string, as opposed to a name: pdfkit writes JavaScript strings in
 * dictionaries as names and `String` objects as strings.
 */
export function pdfString(value: string): string {
  // eslint-disable-next-line no-new-wrappers -- the wrapper object is how pdfkit tells strings from names
  return new String(value) as unknown as string
}

/** The catalog's `PageLabels` (pdfkit has no option for it). */
export function setPageLabels(doc: Doc, nums: unknown[]): void {
  doc._root.data['PageLabels'] = {Nums: nums}
}

/**
 * Fonts parsed once per process, by the name they are registered under: every PDF registers a view of the same
 * fontkit font (pdfkit takes a parsed one since 0.16, though `@types/pdfkit` does not say so), so the font's tables
 * (cmap, GSUB/GPOS, metrics) are decoded once, not again in each book. What is the document's own (the subset, the
 * widths, the shaping cache) pdfkit keeps in the font object it makes for that document.
 */
const parsedFonts = new Map<string, ParsedFont>()

/** Register a font under `name`, parsed from `data()` at its first use in the process. */
export function registerParsedFont(doc: Doc, name: string, data: () => Uint8Array): void {
  let font = parsedFonts.get(name)
  if (font === undefined) {
    font = create(Buffer.from(data())) as ParsedFont
    parsedFonts.set(name, font)
  }
  const view = withOwnGlyphs(font)
  fontNames.set(view, name)
  doc.registerFont(name, view as unknown as Uint8Array)
}

/** The name each font view was registered under: which font a page's kept content is in (see `pageKey`). */
const fontNames = new WeakMap<object, string>()

/**
 * A view of `font` (its tables shared) with a glyph cache of its own: fontkit keeps the glyphs a font has made in its
 * private `_glyphs`, each with the characters it was first reached from, which pdfkit writes in the PDF's ToUnicode
 * map. A document's own cache, as when each parsed its fonts, so that a PDF's bytes never depend on another PDF
 * made before it or at the same time. (What fontkit caches on first use, its layout engine, is made on the view.)
 */
function withOwnGlyphs(font: ParsedFont): ParsedFont {
  if (typeof (font as unknown as {_glyphs?: unknown})._glyphs !== 'object') throw new Error('fontkit changed: font._glyphs no longer exists')
  const view = Object.create(font) as ParsedFont & {_glyphs: object}
  view._glyphs = {}
  return view
}

/** The ascender and descender of `font` (a registered name), in thousandths of the font size. */
export function fontMetrics(doc: Doc, font: string): {ascender: number; descender: number} {
  doc.font(font)
  return {ascender: doc._font.ascender, descender: doc._font.descender}
}

/** Whether `font` (a registered name) has a glyph for a code point, through its fontkit font. */
export function glyphCoverage(doc: Doc, font: string): (codePoint: number) => boolean {
  const embedded = doc.font(font)._font.font
  if (!embedded) throw new Error(`pdfkit changed: doc._font.font is missing for ${font}`)
  // fontkit throws on a font whose cmap it cannot read (one Noto SC slice, as WOFF: woff.ts unwraps it): such a font covers nothing.
  try {
    embedded.hasGlyphForCodePoint(0x20)
  } catch {
    return () => false
  }
  return (codePoint) => embedded.hasGlyphForCodePoint(codePoint)
}

/**
 * pdfkit caches shaping only for text set without OpenType features; the
 * book asks for old-style figures everywhere, so every word would be shaped
 * three times (measured, encoded, advanced). Cache per features and text.
 * Runs are shared read-only, as pdfkit's own cache shares them.
 */
export function memoizeShaping(doc: Doc, font: string): void {
  const embedded: Font = doc.font(font)._font
  const shape = embedded.layoutRun.bind(embedded)
  // By features, then by text: the text itself is the key, never copied into a longer one.
  const cache = new Map<string, Map<string, ReturnType<typeof shape>>>()
  embedded.layoutRun = (text, features) => {
    const key = features === undefined ? '' : featureKey(features)
    let runs = cache.get(key)
    if (runs === undefined) cache.set(key, (runs = new Map()))
    let run = runs.get(text)
    if (!run) {
      run = shape(text, features)
      runs.set(text, run)
    }
    return run
  }
}

/**
 * The advances (in thousandths of the size, as pdfkit sums them) of `text` shaped in `font` with `features`
 * (through the memoised shaping), when the shaping is plain: one glyph per UTF-16 unit, each the font's own
 * glyph for its character (no ligature, no substitution, no mark), no offsets. Then a piece of the word
 * shaped alone gets the same glyphs, and the same advances but where kerning crosses the cut (see
 * `Measurer.prime`). `widths`: each glyph's own width (its advance when nothing kerns it).
 * Undefined for any other shaping, or a font without fontkit.
 */
export function plainAdvances(
  doc: Doc,
  font: string,
  text: string,
  features: readonly string[] | undefined
): {advances: number[]; widths: number[]} | undefined {
  const embedded = doc.font(font)._font
  const fontkit = embedded.font as {glyphForCodePoint?(codePoint: number): {id: number}} | undefined
  if (fontkit?.glyphForCodePoint === undefined) return undefined
  const run = embedded.layoutRun(text, features) as {glyphs: Array<{id: number; codePoints: number[]}>; positions: GlyphPosition[]}
  if (run.glyphs.length !== text.length) return undefined
  const advances: number[] = []
  const widths: number[] = []
  for (let index = 0; index < text.length; index++) {
    const glyph = run.glyphs[index] as {id: number; codePoints: number[]}
    const position = run.positions[index] as GlyphPosition
    const code = text.charCodeAt(index)
    if (glyph.codePoints.length !== 1 || glyph.codePoints[0] !== code || glyph.id !== fontkit.glyphForCodePoint(code).id) return undefined
    if (position.xOffset !== 0 || position.yOffset !== 0 || position.yAdvance !== 0) return undefined
    advances.push(position.xAdvance)
    widths.push(position.advanceWidth)
  }
  return {advances, widths}
}

/**
 * A sum of advances (thousandths of the size) as `doc.widthOfString` returns it at `size`: the same operations in
 * the same order, so that the number is the same to the last bit (line breaking compares sums of widths).
 */
export function widthOfAdvances(advances: number, size: number): number {
  // pdfkit: (font width × size / 1000 + characterSpacing × (length − 1)) × horizontalScaling / 100, both default.
  return ((advances * (size / 1000) + 0) * 100) / 100
}

/** The features of a style, joined once per array (styles share theirs). */
const featureKeys = new WeakMap<readonly string[], string>()
function featureKey(features: readonly string[]): string {
  let key = featureKeys.get(features)
  if (key === undefined) featureKeys.set(features, (key = features.join(',')))
  return key
}

/** A number as pdfkit writes it in content streams (`PDFObject.number`): six decimals at most. */
function number(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

/**
 * A word's glyphs as `encode` gives them, and, when no glyph of it is placed off its pen position, as the
 * pieces of a `TJ` array: hex runs, each closed by the kerning after its last glyph but the last run
 * (`kern` undefined: its last glyph is not kerned, and the next word's glyphs may join it).
 */
interface EncodedWord {
  glyphs: string[]
  positions: GlyphPosition[]
  runs: Array<{hex: string; kern?: number}> | undefined
}

/** Words encoded by `encodeWords`, by font, features and text. */
const encodedWords = new WeakMap<Font, Map<string, Map<string, EncodedWord>>>()

/** Latin, Greek, Cyrillic and punctuation: no bidi reordering, no shaping across a space (as in Arabic or Indic scripts). */
const wordByWord = /^[\u0000-\u058F\u1E00-\u206F]*$/u

function encodedWord(glyphs: string[], positions: GlyphPosition[]): EncodedWord {
  const runs: Array<{hex: string; kern?: number}> = []
  let hex = ''
  for (let index = 0; index < positions.length; index++) {
    const position = positions[index] as GlyphPosition
    if (position.xOffset || position.yOffset) return {glyphs, positions, runs: undefined}
    hex += glyphs[index] as string
    const kern = position.xAdvance - position.advanceWidth
    if (kern !== 0) {
      runs.push({hex, kern})
      hex = ''
    }
  }
  if (hex !== '') runs.push({hex})
  return {glyphs, positions, runs}
}

/**
 * The glyphs of `text`, its words and spaces encoded one by one: each was
 * shaped when it was measured (the shaping is memoised, see
 * `memoizeShaping`), so a run of a line costs lookups, not a new shaping of
 * the whole run; and it is set as it was measured, word by word. (pdfkit
 * itself shapes text set without features word by word.) Text where a space
 * matters to shaping or order is encoded whole.
 */
function encodeWords(font: Font, text: string, features: readonly string[] | undefined): EncodedWord[] {
  if (features === undefined || !wordByWord.test(text)) {
    const [glyphs, positions] = font.encode(text, features)
    return [encodedWord(glyphs, positions)]
  }
  const found: EncodedWord[] = []
  let words = encodedWords.get(font)
  if (words === undefined) encodedWords.set(font, (words = new Map()))
  const key = featureKey(features)
  let cache = words.get(key)
  if (cache === undefined) words.set(key, (cache = new Map()))
  let start = 0
  while (start < text.length) {
    const space = text.indexOf(' ', start)
    const end = space === -1 ? text.length : space === start ? start + 1 : space
    const word = text.slice(start, end)
    // Encoding adds the glyphs to the font's subset once; after that, a word's codes and positions never change.
    let encoded = cache.get(word)
    if (encoded === undefined) {
      const [glyphs, positions] = font.encode(word, features)
      cache.set(word, (encoded = encodedWord(glyphs, positions)))
    }
    found.push(encoded)
    start = end
  }
  return found
}

/**
 * Draw `text` in the current font and size, its baseline's left end at `x`,
 * `y` (pdfkit's top-down coordinates), with OpenType `features`: the
 * operators `doc.text(text, x, y, {lineBreak: false, baseline:
 * 'alphabetic', features})` writes. `text()` would first
 * parse its options, measure the string twice (to advance its cursor) and
 * write each operator as its own chunk; the layout has placed every run
 * already, so only the glyphs are needed. The glyphs are encoded when the page ends, in the order drawn (see
 * `pageText`), unless the page is one a `StreamKeeper` kept. Uses the font's private `encode`,
 * `id` and `ref` and the page's `fonts` and `content` (pinned in `test/pdfkit.test.ts`,
 * which also compares the bytes with `text()`'s).
 */
export function drawText(doc: Doc, text: string, x: number, y: number, features: readonly string[] | undefined): void {
  if (text === '') return
  const font = doc._font
  const page = pageText(doc)
  if (!page.fonts.includes(font)) {
    page.fonts.push(font)
    if (page.keeper !== undefined)
      keepSubset(font, page.keeper)
      // The page's resources name the font from its first text on it (and the font's object is made at its first use).
    ;(doc.page.fonts as Record<string, unknown>)[font.id] ??= font.ref()
  }
  const size = doc._fontSize
  const baseline = page.height - y
  page.parts.push({font, features, text, x, baseline, size})
  // The exact position and size (the operators before the glyphs have them rounded; marks are placed from them).
  page.numbers.push(x, baseline, size)
}

/** ` Tm` and the operator that sets the font and size, by font and size: a book has a few of each. */
const fontSettings = new WeakMap<Font, Map<number, string>>()
function fontSetting(font: Font, size: number): string {
  let sizes = fontSettings.get(font)
  if (sizes === undefined) fontSettings.set(font, (sizes = new Map()))
  let setting = sizes.get(size)
  if (setting === undefined) sizes.set(size, (setting = ` Tm\n/${font.id} ${number(size)} Tf\n`))
  return setting
}

/** A text `drawText` was asked for, shown when the page ends. */
interface Show {
  font: Font
  features: readonly string[] | undefined
  text: string
  x: number
  baseline: number
  size: number
}

/** The `TJ` operators (and text matrices) that show a text: its glyphs are added to the font's subset. */
function show({font, features, text, x, baseline, size}: Show): string {
  // A book draws a word (and its space) at a time, the same words over and over: their `TJ` is made once.
  const shown = shownTexts(font, features)
  let commands = shown.get(text)
  if (commands !== undefined) return commands
  const words = encodeWords(font, text, features)
  if (words.every((word) => word.runs !== undefined)) {
    const runs = kernedRuns(words)
    commands = runs === '' ? '' : `[${runs}] TJ\n`
    shown.set(text, commands)
    return commands
  }
  // As pdfkit's `_fragment`: runs of glyphs in TJ arrays, a kerning number where an advance differs from the
  // glyph's width, and a new text matrix around a glyph placed off its pen position (marks, by the font's GPOS).
  const out: string[] = []
  const last = placedGlyphs(words, x, baseline, size / 1000, out)
  if (last !== '') out.push(`[${last}] TJ`)
  return out.map((line) => `${line}\n`).join('')
}

/**
 * A stream kept from an earlier build: a page's content stream, its bytes as written (deflated when the document
 * compresses), and the glyphs its text added to the fonts' subsets, in order (font id, glyph id, width, the
 * characters it maps to), which drawing it again adds again; or a font's subset as embedded (no glyphs).
 */
export interface KeptStream {
  bytes: Uint8Array
  glyphs: Array<[font: string, glyph: number, width: number, codePoints: number[]]>
}

/** Where a document finds and keeps its pages' content streams and its fonts' subsets, by a key of everything they are made from. */
export interface StreamKeeper {
  find(key: string): KeptStream | undefined
  keep(key: string, stream: KeptStream): void
}

const keepers = new WeakMap<Doc, StreamKeeper>()

/** Reuse the streams `keeper` kept, and keep those made, from now on in `doc`. */
export function keepStreams(doc: Doc, keeper: StreamKeeper): void {
  keepers.set(doc, keeper)
}

/**
 * A font's subset, as pdfkit embeds it when the document ends, taken from `keeper` when it has it: its key is which
 * font it is and the glyphs the subset holds, in order (what its bytes are made from). fontkit reads and writes
 * every glyph's outline for it, the largest part of ending a book once its pages are kept. Its `encode` is
 * wrapped (fontkit's subset, pinned in `test/pdfkit.test.ts`), once per font.
 */
function keepSubset(font: Font, keeper: StreamKeeper): void {
  const subset = subsetOf(font)
  if (keptSubsets.has(subset)) return
  keptSubsets.add(subset)
  const name = font.font === undefined ? undefined : fontNames.get(font.font)
  if (name === undefined) return
  const encode = subset.encode
  subset.encode = () => {
    const key = createHash('sha1')
      .update(`font\u0000${name}\u0000${subsetDigest(font)}`)
      .digest('hex')
    const kept = keeper.find(key)
    if (kept !== undefined) return kept.bytes
    const bytes = encode.call(subset)
    keeper.keep(key, {bytes, glyphs: []})
    return bytes
  }
}
const keptSubsets = new WeakSet<object>()

/** A page's content stream (pdfkit's `PDFReference`): pdfkit's `addContent` and the page's end write to it. */
interface ContentStream {
  write(chunk: string | Uint8Array): unknown
  end(chunk?: string | Uint8Array): unknown
  buffer: Uint8Array[]
  compress: boolean
}

/** What a page's content stream is given after its first text, in order: written when the page ends. */
interface PageText {
  parts: Array<string | Show>
  /** The fonts its texts are in, in order of first use. */
  fonts: Font[]
  /** Each text's exact x, baseline and size, in order, for the page's key. */
  numbers: number[]
  /** The page's height, and the operators every text starts with (they flip the page's y axis). */
  height: number
  /** Where the document keeps its streams, if it does. */
  keeper: StreamKeeper | undefined
  prefix: string
}

const pageTexts = new WeakMap<ContentStream, PageText>()

/**
 * The page's content from its first text on, kept until the page ends (pdfkit's `page.content`, its `write` and
 * `end` wrapped; pinned in `test/pdfkit.test.ts`). Then the texts are encoded, in the order drawn, and everything
 * is written as one chunk: the same bytes in the same order, and the same glyphs added to the subsets in the same
 * order, as when each text was encoded as it was drawn (nothing else adds glyphs). But a page a `StreamKeeper` has,
 * under the key of everything written to it and of the state of its fonts' subsets, is not encoded or deflated
 * again: its kept bytes are written and its glyphs added to the subsets, as drawing it would.
 */
function pageText(doc: Doc): PageText {
  const content = (doc.page as unknown as {content: ContentStream}).content
  if (current?.content === content) return current.page
  let page = pageTexts.get(content)
  if (page === undefined) pageTexts.set(content, (page = recordPage(doc, content)))
  current = {content, page}
  return page
}

/** The page `drawText` drew on last: the next text is most often on it. */
let current: {content: ContentStream; page: PageText} | undefined

function recordPage(doc: Doc, content: ContentStream): PageText {
  const keeper = keepers.get(doc)
  const {height} = doc.page
  const page: PageText = {parts: [], fonts: [], numbers: [], height, keeper, prefix: `q\n1 0 0 -1 0 ${number(height)} cm\nBT\n1 0 0 1 `}
  const {write, end} = content
  content.write = (chunk) => {
    // pdfkit ends each string it is given with a newline.
    page.parts.push(typeof chunk === 'string' ? `${chunk}\n` : Buffer.from(chunk).toString('latin1'))
    return content
  }
  content.end = (chunk) => {
    if (chunk !== undefined) content.write(chunk)
    content.write = write
    content.end = end
    if (current?.content === content) current = undefined
    // pdfkit keeps the stream's object (the page's `Contents`) until the document ends; its texts are not needed now.
    pageTexts.delete(content)
    const key = keeper ? pageKey(content, page) : undefined
    const kept = key === undefined ? undefined : keeper?.find(key)
    if (kept) replay(content, page, kept)
    else {
      const made = writeParts(content, write, page)
      if (key !== undefined) keeper?.keep(key, made)
    }
    return end.call(content)
  }
  return page
}

/** Encodes the page's texts and writes everything as one chunk, deflated as pdfkit would: what is kept of it. */
function writeParts(content: ContentStream, write: ContentStream['write'], page: PageText): KeptStream {
  const before = page.fonts.map((font) => subsetOf(font).glyphs.length)
  let text = ''
  for (const part of page.parts)
    text += typeof part === 'string' ? part : `${page.prefix}${number(part.x)} ${number(part.baseline)}${fontSetting(part.font, part.size)}${show(part)}ET\nQ\n`
  write.call(content, Buffer.from(text, 'latin1'))
  let bytes = concatBytes(content.buffer)
  if (content.compress) {
    // What pdfkit's `finalize` does (the same call, the same bytes), done here to keep the result.
    bytes = deflateSync(bytes)
    content.compress = false
  }
  content.buffer = [bytes]
  const glyphs: KeptStream['glyphs'] = []
  page.fonts.forEach((font, index) => {
    const {glyphs: subset} = subsetOf(font)
    const {widths, unicode} = fontTables(font)
    for (let gid = before[index] as number; gid < subset.length; gid++)
      glyphs.push([font.id, subset[gid] as number, widths[gid] as number, unicode[gid] as number[]])
  })
  return {bytes, glyphs}
}

/** Writes a kept page: its bytes (as they were, deflated or not), and its glyphs added to the subsets as encoding would. */
function replay(content: ContentStream, page: PageText, kept: KeptStream): void {
  for (const [id, glyph, width, codePoints] of kept.glyphs) {
    const font = page.fonts.find((candidate) => candidate.id === id) as Font
    const gid = subsetOf(font).includeGlyph(glyph)
    const {widths, unicode} = fontTables(font)
    widths[gid] ??= width
    unicode[gid] ??= codePoints
  }
  content.buffer = [kept.bytes]
  content.compress = false
}

/**
 * The key of a page's content: whether it is deflated, each of its fonts (id, which font, and the glyphs its subset
 * held before the page: they decide the codes), the page's height, what was written before its first text, and the
 * rest, texts as what decides their operators (font, features, text, exact position and size).
 * Undefined when a font is not one `registerParsedFont` registered (nothing then says which font it is).
 */
function pageKey(content: ContentStream, page: PageText): string | undefined {
  const hash = createHash('sha1')
  hash.update(`${content.compress}\u0000${page.height}\u0001`)
  for (const font of page.fonts) {
    const name = font.font === undefined ? undefined : fontNames.get(font.font)
    if (name === undefined) return undefined
    hash.update(`${font.id}\u0000${name}\u0000${subsetDigest(font)}\u0001`)
  }
  for (const chunk of content.buffer) hash.update(chunk)
  const pieces: string[] = []
  for (const part of page.parts) {
    // Lengths first: no part can be mistaken for another followed by something else.
    if (typeof part === 'string') pieces.push('\u0001', String(part.length), '\u0000', part)
    else
      pieces.push(
        '\u0002',
        part.font.id,
        '\u0000',
        part.features === undefined ? '' : featureKey(part.features),
        '\u0000',
        String(part.text.length),
        '\u0000',
        part.text
      )
  }
  hash.update(pieces.join(''))
  hash.update(new Uint8Array(Float64Array.from(page.numbers).buffer))
  return hash.digest('hex')
}

/** A digest of the glyphs a font's subset holds, in order: chained as the subset grows (it only grows). */
const subsetDigests = new WeakMap<Font, {length: number; digest: string}>()
function subsetDigest(font: Font): string {
  const {glyphs} = subsetOf(font)
  const known = subsetDigests.get(font)
  if (known?.length === glyphs.length) return known.digest
  const digest = createHash('sha1')
    .update(`${known?.digest ?? ''}:${glyphs.slice(known?.length ?? 0).join(',')}`)
    .digest('hex')
  subsetDigests.set(font, {length: glyphs.length, digest})
  return digest
}

/** The font's subset (fontkit's, pinned): the glyphs it holds in the order they were added, their codes. */
function subsetOf(font: Font): Subset {
  return (font as unknown as {subset: Subset}).subset
}

/** fontkit's subset of a font: the glyphs it holds, by code; `encode` writes it as a font file. */
interface Subset {
  glyphs: number[]
  includeGlyph(glyph: number): number
  encode(): Uint8Array
}

/** pdfkit's widths and characters of each subset glyph, by code (pinned), for the font's `W` and `ToUnicode`. */
function fontTables(font: Font): {widths: Array<number | undefined>; unicode: Array<number[] | undefined>} {
  return font as unknown as {widths: Array<number | undefined>; unicode: Array<number[] | undefined>}
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks)
}

/**
 * The `TJ` operators of texts drawn word by word (see `encodeWords`) in a font with features, by text: they depend
 * on nothing else (not on the position). A document's own, as its fonts are; as many as the book has words.
 */
const shownByFont = new WeakMap<Font, Map<string, Map<string, string>>>()
function shownTexts(font: Font, features: readonly string[] | undefined): Map<string, string> {
  let byFeatures = shownByFont.get(font)
  if (byFeatures === undefined) shownByFont.set(font, (byFeatures = new Map()))
  const key = features === undefined ? '' : `+${featureKey(features)}`
  let shown = byFeatures.get(key)
  if (shown === undefined) byFeatures.set(key, (shown = new Map()))
  return shown
}

/** The `TJ` array's contents for words without offset glyphs, from their runs: what `placedGlyphs` writes for them. */
function kernedRuns(words: readonly EncodedWord[]): string {
  let commands = ''
  let hex = ''
  for (const word of words) {
    for (const run of word.runs ?? []) {
      hex += run.hex
      if (run.kern === undefined) continue
      commands += `${commands === '' ? '' : ' '}<${hex}> ${number(-run.kern)}`
      hex = ''
    }
  }
  // The last glyph is not kerned: pdfkit still closes the run with its (zero) kerning.
  if (hex !== '') commands += `${commands === '' ? '' : ' '}<${hex}> 0`
  return commands
}

/** Glyph by glyph, for words with glyphs off their pen position: their own text matrices go to `out`; the last `TJ` is returned. */
function placedGlyphs(words: readonly EncodedWord[], x: number, baseline: number, scale: number, out: string[]): string {
  const encoded = words.length === 1 ? (words[0] as EncodedWord).glyphs : words.flatMap((word) => word.glyphs)
  const positions = words.length === 1 ? (words[0] as EncodedWord).positions : words.flatMap((word) => word.positions)
  let commands = ''
  let hex = ''
  let hadOffset = false
  const segment = (index: number): void => {
    if (hex !== '') {
      const position = positions[index - 1] as GlyphPosition
      commands += `${commands === '' ? '' : ' '}<${hex}> ${number(-(position.xAdvance - position.advanceWidth))}`
    }
    hex = ''
  }
  const flush = (index: number): void => {
    segment(index)
    if (commands !== '') out.push(`[${commands}] TJ`)
    commands = ''
  }
  let index = 0
  for (; index < positions.length; index++) {
    const position = positions[index] as GlyphPosition
    if (position.xOffset || position.yOffset) {
      flush(index)
      out.push(`1 0 0 1 ${number(x + position.xOffset * scale)} ${number(baseline + position.yOffset * scale)} Tm`)
      hex = encoded[index] as string
      flush(index + 1)
      hadOffset = true
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${number(x)} ${number(baseline)} Tm`)
        hadOffset = false
      }
      hex += encoded[index] as string
      if (position.xAdvance - position.advanceWidth !== 0) segment(index + 1)
    }
    x += position.xAdvance * scale
  }
  segment(index)
  return commands
}

/**
 * Replace pdfkit's XMP writer (string concatenation, unescaped) by one that
 * appends `xml`: pdfkit calls `_addInfo` when the document ends, inside its
 * own packet and `rdf:RDF`.
 */
export function replaceXmpProperties(doc: Doc, xml: string): void {
  doc._addInfo = () => doc.appendXML(xml)
}

/** A structure element's dictionary entries, for attributes pdfkit has no option for (`A`, `ID`). */
export function structEntries(element: StructElement): Record<string, unknown> {
  return element.dictionary.data
}

/** The dictionary a structure element is written as, to refer to it (the `IDTree`). */
export function structReference(element: StructElement): unknown {
  return element.dictionary
}

/** An outline item's dictionary entries (`Dest`, `Title`…). */
export function outlineEntries(item: Outline): Record<string, unknown> {
  return item.outlineData
}

/** Collect the document's bytes once it ends. */
export function bytesOf(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
    doc.on('error', reject)
    doc.on('end', () => {
      const size = chunks.reduce((total, chunk) => total + chunk.length, 0)
      const bytes = new Uint8Array(size)
      let offset = 0
      for (const chunk of chunks) {
        bytes.set(chunk, offset)
        offset += chunk.length
      }
      resolve(bytes)
    })
  })
}

/** An image parsed once per document (PNG or JPEG bytes): every `image()` of it reuses one XObject. */
export function openImage(doc: Doc, bytes: Uint8Array): PDFKit.OpenedImage {
  return doc.openImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
}

/**
 * Embeds an opened image now, and waits until its objects are written. pdfkit embeds an image at its first
 * drawing, and finishes a PNG with an alpha channel (or interlaced) when an asynchronous inflate returns: with
 * two such images, the order of their objects in the file followed the thread pool's timing, and two builds of
 * one book could differ. Embedded one after the other before layout, they come in the edition's order in every build.
 */
export function embedImage(doc: Doc, image: PDFKit.OpenedImage): Promise<void> {
  return new Promise((resolve) => {
    const finalize = image.finalize
    if (finalize) {
      image.finalize = function (this: PDFKit.OpenedImage) {
        finalize.call(this)
        resolve()
      }
    }
    image.embed(doc)
    if (!finalize) resolve()
  })
}

/**
 * The sRGB IEC 61966-2.1 ICC profile pdfkit ships (for its PDF/A mode), read
 * from its package: an output intent without a network fetch or a copy here.
 */
export function srgbProfile(): Uint8Array {
  // Not in pdfkit's `exports`: found beside its main file, where pdfkit itself reads it.
  return new Uint8Array(readFileSync(join(dirname(require.resolve('pdfkit')), 'data', 'sRGB_IEC61966_2_1.icc')))
}

/**
 * An sRGB output intent in the catalog (`_root`, private): print shops read the
 * colours of the page as sRGB. The same dictionary pdfkit writes in PDF/A mode.
 */
export function setOutputIntent(doc: Doc): void {
  const profile = srgbProfile()
  const stream = doc.ref({N: 3}) as unknown as {write(data: Buffer): void; end(): void}
  stream.write(Buffer.from(profile))
  stream.end()
  const intent = doc.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: pdfString('sRGB IEC61966-2.1'),
    Info: pdfString('sRGB IEC61966-2.1'),
    RegistryName: pdfString('http://www.color.org'),
    DestOutputProfile: stream
  }) as unknown as {end(): void}
  intent.end()
  doc._root.data['OutputIntents'] = [intent]
}
