/**
 * The one place that imports pdfkit and the only file that reaches its
 * private fields (`_root`, `_font` and its `encode`, `_fontSize`, `_addInfo`,
 * a name tree's `_compareKeys`; fontkit's `_glyphs`) and undocumented ones (`dictionary`,
 * `outlineData`, `page.fonts`, `page.content`'s `write` and `end`, an image's `embed` and `finalize`): each behind a small
 * named function here, each pinned by `test/pdfkit.test.ts`, which fails
 * with the field's name if an upgrade removes it. `@types/pdfkit` describes
 * 0.17 and lacks a few things 0.20 has and this package uses; they are
 * declared here by augmentation, so the rest of the code stays typed.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
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
  doc.registerFont(name, withOwnGlyphs(font) as unknown as Uint8Array)
}

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
 * 'alphabetic', features})` writes, with the words drawn before and after it (see `pendingText`). `text()` would first
 * parse its options, measure the string twice (to advance its cursor) and
 * write each operator as its own chunk; the layout has placed every run
 * already, so only the glyphs are needed. Uses the font's private `encode`,
 * `id` and `ref` and the page's `fonts` and `content` (pinned in `test/pdfkit.test.ts`,
 * which also compares the bytes with `text()`'s).
 */
export function drawText(doc: Doc, text: string, x: number, y: number, features: readonly string[] | undefined): void {
  if (text === '') return
  const font = doc._font
  const size = doc._fontSize
  const height = doc.page.height
  const fonts = doc.page.fonts as Record<string, unknown>
  fonts[font.id] ??= font.ref()
  const baseline = height - y
  const head = `q\n1 0 0 -1 0 ${number(height)} cm\nBT\n1 0 0 1 ${number(x)} ${number(baseline)} Tm\n/${font.id} ${number(size)} Tf\n`
  // A book draws a word (and its space) at a time, the same words over and over: their `TJ` is made once.
  const shown = shownTexts(font, features)
  let show = shown.get(text)
  if (show === undefined) {
    const words = encodeWords(font, text, features)
    if (words.every((word) => word.runs !== undefined)) {
      const commands = kernedRuns(words)
      show = commands === '' ? '' : `[${commands}] TJ\n`
      shown.set(text, show)
    } else {
      // As pdfkit's `_fragment`: runs of glyphs in TJ arrays, a kerning number where an advance differs from the
      // glyph's width, and a new text matrix around a glyph placed off its pen position (marks, by the font's GPOS).
      const out: string[] = []
      const commands = placedGlyphs(words, x, baseline, size / 1000, out)
      if (commands !== '') out.push(`[${commands}] TJ`)
      show = out.map((line) => `${line}\n`).join('')
    }
  }
  pendingText(doc).text += `${head}${show}ET\nQ\n`
}

/** A page's content stream (pdfkit's `PDFReference`): what pdfkit's `addContent` and the page's end write to. */
interface ContentStream {
  write(chunk: string | Uint8Array): unknown
  end(chunk?: string | Uint8Array): unknown
}

/** Text drawn on a page and not yet written, by the page's content stream. */
const pendingTexts = new WeakMap<ContentStream, {text: string}>()

/**
 * What `drawText` draws is kept as one string and written to the page's content stream, as bytes, just before
 * anything else is (a colour, marked content, the page's end): the same bytes in the same order, but one
 * conversion for a run of words rather than one per word (a book draws a word at a time), which pdfkit would
 * otherwise copy into bytes one character at a time in JavaScript. Wraps the stream's `write` and `end`
 * (pdfkit's `page.content`, pinned in `test/pdfkit.test.ts`).
 */
function pendingText(doc: Doc): {text: string} {
  const content = (doc.page as unknown as {content: ContentStream}).content
  let pending = pendingTexts.get(content)
  if (pending === undefined) {
    const state = {text: ''}
    const {write, end} = content
    const flush = (): void => {
      if (state.text === '') return
      const text = state.text
      state.text = ''
      write.call(content, Buffer.from(text, 'latin1'))
    }
    content.write = (chunk) => {
      flush()
      return write.call(content, chunk)
    }
    content.end = (chunk) => {
      flush()
      return end.call(content, chunk)
    }
    pendingTexts.set(content, (pending = state))
  }
  return pending
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
