/**
 * pdfkit's private and undocumented fields this package relies on, one test
 * each, so that an upgrade that removes or renames one fails here by name
 * instead of as a broken PDF. They are reached only in `src/lib/pdfkit.ts`;
 * the last test holds every other file to that.
 */
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {createRequire} from 'node:module'
import {create} from 'fontkit'
import {registerFonts} from '../src/lib/fonts.js'
import {Measurer} from '../src/lib/measure.js'
import {greyPng} from '../../model/test/helpers/images.js'
import {collectGarbage} from './collect.js'
import {
  bytesOf,
  createDocument,
  drawText,
  embedImage,
  fontMetrics,
  keepStreams,
  openImage,
  outlineEntries,
  replaceXmpProperties,
  setPageLabels,
  structEntries,
  structReference,
  type Doc,
  type KeptStream
} from '../src/lib/pdfkit.js'

const require = createRequire(import.meta.url)

function document(): Doc {
  return createDocument({info: {Title: 'Pinned'}, lang: 'en', compress: false})
}

/** Fails with `pdfkit changed: <path> no longer exists` unless `value` is there and of `kind`. */
function pinned(value: unknown, path: string, kind: 'object' | 'function' | 'number'): void {
  assert.equal(typeof value, kind, `pdfkit changed: ${path} no longer exists (expected a ${kind}, found ${value === null ? 'null' : typeof value})`)
}

async function finish(doc: Doc): Promise<string> {
  const bytes = bytesOf(doc)
  doc.end()
  return Buffer.from(await bytes).toString('latin1')
}

test('_root.data: the catalog, where PageLabels are written', async () => {
  const doc = document()
  const root = (doc as unknown as {_root?: {data?: unknown}})._root
  pinned(root, 'doc._root', 'object')
  pinned(root?.data, 'doc._root.data', 'object')
  doc.addPage()
  setPageLabels(doc, [0, {S: 'r'}])
  assert.match(await finish(doc), /\/PageLabels <<\n\/Nums \[0 <<\n\/S \/r\n>>\]/, 'pdfkit changed: an entry of _root.data is no longer written in the catalog')
})

test('_root.data.Names.data.Dests._compareKeys: the order of the destinations’ name tree', async () => {
  const doc = document()
  const names = (doc as unknown as {_root: {data: {Names?: {data?: {Dests?: {_compareKeys?: unknown}}}}}})._root.data.Names
  pinned(names?.data?.Dests, 'doc._root.data.Names.data.Dests', 'object')
  pinned(names?.data?.Dests?._compareKeys, 'doc._root.data.Names.data.Dests._compareKeys', 'function')
  // createDocument put byte order in place of localeCompare: `Z` (0x5A) before `a` (0x61).
  doc.addPage()
  doc.addNamedDestination('a')
  doc.addNamedDestination('Z')
  assert.match(await finish(doc), /\/Names \[\s*\(Z\)[^\n]*\n\s*\(a\)/, 'pdfkit changed: _compareKeys no longer orders the name tree')
})

test('_font: the current font’s ascender, descender and shaping (layoutRun)', () => {
  const doc = document()
  registerFonts(doc)
  doc.font('serif')
  const font = (doc as unknown as {_font?: {ascender?: unknown; descender?: unknown; layoutRun?: unknown}})._font
  pinned(font, 'doc._font', 'object')
  pinned(font?.ascender, 'doc._font.ascender', 'number')
  pinned(font?.descender, 'doc._font.descender', 'number')
  pinned(font?.layoutRun, 'doc._font.layoutRun', 'function')
  const metrics = fontMetrics(doc, 'serif')
  assert.ok(metrics.ascender > 0 && metrics.descender < 0, JSON.stringify(metrics))
  // The memoised shaping (registerFonts) gives the same run for the same text and features.
  const run = (text: string) =>
    (doc.font('serif') as unknown as {_font: {layoutRun(text: string, features?: string[]): unknown}})._font.layoutRun(text, ['onum'])
  assert.equal(run('1921'), run('1921'), 'pdfkit changed: layoutRun is no longer the shaping pdfkit calls')
})

test('_addInfo: the XMP writer pdfkit calls when the document ends', async () => {
  const doc = document()
  pinned((doc as unknown as {_addInfo?: unknown})._addInfo, 'doc._addInfo', 'function')
  replaceXmpProperties(doc, '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>pinned</dc:format></rdf:Description>')
  doc.addPage()
  const pdf = await finish(doc)
  assert.match(pdf, /<dc:format>pinned<\/dc:format>/, 'pdfkit changed: _addInfo is no longer called to write the XMP packet')
  assert.doesNotMatch(pdf, /<pdf:Producer>/, 'pdfkit changed: it writes XMP properties of its own besides _addInfo')
})

test('dictionary.data: a structure element’s entries, for attributes and ids', async () => {
  const doc = document()
  doc.addPage()
  const element = doc.struct('P')
  doc.addStructure(element)
  const dictionary = (element as unknown as {dictionary?: {data?: unknown}}).dictionary
  pinned(dictionary, 'PDFStructureElement.dictionary', 'object')
  pinned(dictionary?.data, 'PDFStructureElement.dictionary.data', 'object')
  assert.equal(structReference(element), dictionary)
  structEntries(element)['A'] = {O: 'Layout', Placement: 'Block'}
  assert.match(await finish(doc), /\/A <<\n\/O \/Layout\n\/Placement \/Block\n>>/, 'pdfkit changed: dictionary.data is no longer written')
})

test('outlineData: an outline item’s entries, for its destination', async () => {
  const doc = document()
  doc.addPage()
  const item = doc.outline.addItem('Pinned')
  pinned((item as unknown as {outlineData?: unknown}).outlineData, 'PDFOutline.outlineData', 'object')
  outlineEntries(item)['Dest'] = 'pinned-dest'
  assert.match(await finish(doc), /\/Dest \/pinned-dest/, 'pdfkit changed: outlineData is no longer written')
})

/** The page's content stream: `drawText` keeps its texts until the page ends. */
interface Stream {
  write(chunk: string | Uint8Array): unknown
  end(chunk?: string | Uint8Array): unknown
  finalize(): unknown
  buffer: Uint8Array[]
  compress: boolean
}

/** The bytes `draw` adds to a page's content stream of its own, as they are when the page ends (an uncompressed document). */
function written(doc: Doc, draw: () => void): string {
  doc.addPage({size: [420, 595], margin: 0})
  const content = (doc.page as unknown as {content: Stream}).content
  // What `addPage` wrote first (pdfkit's flip of the y axis).
  const before = Buffer.concat(content.buffer).length
  let bytes = ''
  const finalize = content.finalize
  content.finalize = function (this: Stream) {
    bytes = Buffer.concat(this.buffer).subarray(before).toString('latin1')
    return finalize.call(this)
  }
  draw()
  // The next page ends this one.
  doc.addPage({size: [420, 595], margin: 0})
  return bytes
}

test('_font.encode, _font.id, _font.ref, _fontSize, page.fonts, page.content: drawText writes what text() writes', () => {
  const doc = document()
  registerFonts(doc)
  doc.addPage({size: [420, 595], margin: 0})
  const font = (doc.font('serif') as unknown as {_font?: {encode?: unknown; id?: unknown; ref?: unknown}})._font
  pinned(font?.encode, 'doc._font.encode', 'function')
  pinned(font?.id === undefined ? undefined : 0, 'doc._font.id', 'number')
  pinned(font?.ref, 'doc._font.ref', 'function')
  pinned((doc as unknown as {_fontSize?: unknown})._fontSize, 'doc._fontSize', 'number')
  pinned((doc as unknown as {page?: {fonts?: unknown}}).page?.fonts, 'doc.page.fonts', 'object')
  const content = (doc as unknown as {page?: {content?: Partial<Stream>}}).page?.content
  pinned(content?.write, 'doc.page.content.write', 'function')
  pinned(content?.end, 'doc.page.content.end', 'function')
  pinned(content?.buffer, 'doc.page.content.buffer', 'object')
  pinned(content?.finalize, 'doc.page.content.finalize', 'function')
  pinned(content?.compress === undefined ? undefined : 0, 'doc.page.content.compress', 'number')
  const subset = (font as unknown as {subset?: {glyphs?: unknown; includeGlyph?: unknown; encode?: unknown}} | undefined)?.subset
  pinned(subset?.glyphs, 'doc._font.subset.glyphs', 'object')
  pinned(subset?.includeGlyph, 'doc._font.subset.includeGlyph', 'function')
  pinned(subset?.encode, 'doc._font.subset.encode', 'function')
  pinned((font as unknown as {widths?: unknown} | undefined)?.widths, 'doc._font.widths', 'object')
  pinned((font as unknown as {unicode?: unknown} | undefined)?.unicode, 'doc._font.unicode', 'object')
  // Kerning (AV, To), old-style figures, a ligature, and a combining accent GPOS places off the pen (its own text matrix).
  const samples: Array<[string, string[] | undefined]> = [
    ['AVAT To “fiery” 1921–1923', ['onum']],
    ['Cafe\u0301 re\u0301sume\u0301', ['onum']],
    ['AVAT To office', undefined]
  ]
  for (const font of ['serif', 'serifItalic'] as const) {
    for (const [text, features] of samples) {
      doc.font(font).fontSize(10.5)
      const expected = written(doc, () =>
        doc.text(text, 31.5, 100.25, {lineBreak: false, baseline: 'alphabetic', ...(features ? {features: features as PDFKit.Mixins.OpenTypeFeatures[]} : {})})
      )
      const actual = written(doc, () => drawText(doc, text, 31.5, 100.25, features))
      assert.equal(actual, expected, `pdfkit changed: text() no longer writes what drawText writes for ${JSON.stringify(text)} in ${font}`)
    }
  }
  // The samples do reach the kerning and mark branches.
  doc.font('serif').fontSize(10.5)
  const accented = written(doc, () => drawText(doc, 'Cafe\u0301s', 0, 0, ['onum']))
  assert.equal(accented.match(/ Tm$/gm)?.length, 3, accented)
  assert.match(
    written(doc, () => drawText(doc, 'AVAT', 0, 0, undefined)),
    /> -?\d+(?:\.\d+)? </
  )
})

test('page.content: a page’s texts are dropped when the page ends, not kept with its stream (pdfkit holds it) until the document ends', async () => {
  const doc = document()
  registerFonts(doc)
  doc.addPage({size: [420, 595], margin: 0})
  // What `drawText` records of a text holds its features, which nothing else here does.
  const recorded = ((features: string[]) => {
    drawText(doc.font('serif').fontSize(10), 'Word', 10, 100, features)
    return new WeakRef(features)
  })(['onum'])
  // The next page ends this one, whose stream pdfkit keeps until the end.
  doc.addPage({size: [420, 595], margin: 0})
  await collectGarbage()
  assert.equal(recorded.deref(), undefined, 'an ended page’s texts are still reachable')
  assert.match(await finish(doc), /TJ/)
})

test('kept pages: a page drawn from a keeper is the page drawn; pages that differ in anything drawn on them have keys of their own; fonts’ subsets are kept too', async () => {
  /** One page each: the same word, changed in one thing at a time. */
  const pages: Array<{size?: [number, number]; draw(doc: Doc): void}> = [
    // Every glyph the other pages show, first: their fonts' subsets are then the same at the start of each, so
    // only what is drawn on a page tells its key from another's.
    {
      draw: (doc) => {
        for (const features of [['onum'], undefined]) drawText(doc.font('serif').fontSize(10), 'Word Ward Cafe\u0301', 10, 50, features)
        drawText(doc.font('serifItalic').fontSize(10), 'Word', 10, 50, ['onum'])
      }
    },
    {draw: (doc) => drawText(doc.font('serif').fontSize(10), 'Word', 10, 100, ['onum'])},
    {draw: (doc) => drawText(doc.font('serif').fontSize(10), 'Word', 20, 100, ['onum'])},
    {draw: (doc) => drawText(doc.font('serif').fontSize(10), 'Word', 10, 200, ['onum'])},
    {draw: (doc) => drawText(doc.font('serif').fontSize(11), 'Word', 10, 100, ['onum'])},
    {draw: (doc) => drawText(doc.font('serif').fontSize(10), 'Word', 10, 100, undefined)},
    {draw: (doc) => drawText(doc.font('serifItalic').fontSize(10), 'Word', 10, 100, ['onum'])},
    {draw: (doc) => drawText(doc.font('serif').fontSize(10), 'Ward', 10, 100, ['onum'])},
    {size: [420, 600], draw: (doc) => drawText(doc.font('serif').fontSize(10), 'Word', 10, 100, ['onum'])},
    // A mark placed off its pen position: its text matrix comes from the exact x, not the rounded one.
    {draw: (doc) => drawText(doc.font('serif').fontSize(10), 'Cafe\u0301', 10.0000004, 100, ['onum'])},
    {draw: (doc) => drawText(doc.font('serif').fontSize(10), 'Cafe\u0301', 10.0000006, 100, ['onum'])},
    // Something else drawn before a text, or between two (pdfkit writes it).
    {draw: (doc) => drawText(doc.font('serif').fontSize(10).fillColor('#aa0000'), 'Word', 10, 100, ['onum'])},
    {
      draw: (doc) => {
        drawText(doc.font('serif').fontSize(10), 'Word', 10, 100, ['onum'])
        drawText(doc, 'Word', 40, 100, ['onum'])
      }
    },
    {
      draw: (doc) => {
        drawText(doc.font('serif').fontSize(10), 'Word', 10, 100, ['onum'])
        drawText(doc.fillColor('#aa0000'), 'Word', 40, 100, ['onum'])
      }
    },
    // A page drawn twice: one key.
    {draw: (doc) => drawText(doc.font('serif').fontSize(10), 'Word', 10, 100, ['onum'])}
  ]
  const keys: string[] = []
  const store = new Map<string, KeptStream>()
  const keeper = {
    find: (key: string) => store.get(key),
    keep: (key: string, page: KeptStream) => void (keys.push(key), store.set(key, page))
  }
  const book = async (kept: boolean): Promise<string> => {
    // Dated, so that two documents are the same bytes.
    const doc = createDocument({info: {Title: 'Kept', CreationDate: new Date(0), ModDate: new Date(0)}, lang: 'en', compress: true})
    registerFonts(doc)
    if (kept) keepStreams(doc, keeper)
    for (const page of pages) {
      doc.addPage({size: page.size ?? [420, 595], margin: 0})
      page.draw(doc)
    }
    return finish(doc)
  }
  const plain = await book(false)
  assert.equal(await book(true), plain)
  // Every page drawn, each under a key of its own, but the last (the second again); and the two fonts' subsets.
  assert.equal(keys.length, pages.length - 1 + 2)
  assert.equal(new Set(keys).size, pages.length - 1 + 2)
  // Drawn again from the keeper: no page drawn and no subset written, the same bytes (the glyphs added to the
  // subsets as drawing would).
  assert.equal(await book(true), plain)
  assert.equal(keys.length, pages.length - 1 + 2)
})

test('layoutRun glyphs and positions: a word shaped once gives its pieces’ widths to the last bit (Measurer.prime), in every book font, on prose nobody here wrote', () => {
  // Words of the READMEs of this package's dependencies, as they come (punctuation, figures, capitals).
  const modules = fileURLToPath(new URL('../node_modules/', import.meta.url))
  const words = new Set<string>()
  for (const name of readdirSync(modules).sort()) {
    const readme = join(modules, name, 'README.md')
    if (existsSync(readme)) for (const word of readFileSync(readme, 'utf8').split(/\s+/u)) if (word.length > 1 && word.length <= 64) words.add(word)
  }
  const vocabulary = [...words].slice(0, 250)
  assert.ok(vocabulary.length === 250, `${vocabulary.length} words`)
  /** A measurer on a document of its own, and how many texts its fonts shaped. */
  const measurer = () => {
    const doc = document()
    registerFonts(doc)
    const shaped = new Set<string>()
    for (const font of ['serif', 'serifItalic', 'serifBold', 'serifBoldItalic', 'mono']) {
      const embedded = (doc.font(font) as unknown as {_font: {layoutRun(text: string, features?: string[]): unknown}})._font
      const shape = embedded.layoutRun.bind(embedded)
      // Calls reach the memoised shaping: count each text once.
      embedded.layoutRun = (text, features) => {
        shaped.add(`${font} ${String(features)} ${text}`)
        return shape(text, features)
      }
    }
    return {measure: new Measurer(doc), shaped}
  }
  const primed = measurer()
  const alone = measurer()
  const styles = [
    {font: 'serif', size: 11, features: ['onum']},
    {font: 'serifItalic', size: 10.5, features: ['onum']},
    {font: 'serifBold', size: 13.2, features: ['onum']},
    {font: 'serifBoldItalic', size: 9, features: ['onum']},
    {font: 'serif', size: 11, features: ['smcp', 'onum']},
    {font: 'mono', size: 9.46}
  ] as const
  let pieces = 0
  for (const style of styles) {
    for (const word of vocabulary) {
      const offsets = Array.from({length: word.length - 1}, (_, index) => index + 1)
      primed.measure.prime(word, style, offsets)
      for (const offset of offsets) {
        for (const piece of [word.slice(0, offset), `${word.slice(0, offset)}-`, word.slice(offset)]) {
          pieces++
          assert.equal(
            primed.measure.width(piece, style),
            alone.measure.width(piece, style),
            `${JSON.stringify(piece)} of ${JSON.stringify(word)} in ${style.font}`
          )
        }
      }
    }
  }
  // Most pieces were not shaped on their own: one shaping per word and per letter before a hyphen.
  assert.ok(primed.shaped.size < alone.shaped.size / 2, `${primed.shaped.size} shapings with prime, ${alone.shaped.size} without, ${pieces} pieces`)
})

test('fontkit’s _glyphs: fonts are parsed once per process, each document with its own glyphs, so a PDF’s bytes do not depend on an earlier PDF', async () => {
  const serif = create(readFileSync(require.resolve('@expo-google-fonts/eb-garamond/400Regular/EBGaramond_400Regular.ttf')))
  pinned((serif as unknown as {_glyphs?: unknown})._glyphs, 'fontkit font._glyphs', 'object')
  const pdf = async (text: string): Promise<string> => {
    const doc = document()
    registerFonts(doc)
    doc.addPage()
    doc.font('serif').text(text)
    return finish(doc)
  }
  // EB Garamond reaches its full stop's glyph from an ellipsis too, with no character: first reached so in a glyph
  // cache shared by the documents, the glyph would keep that (the ToUnicode map saying `<>` for `.`, a copied full
  // stop vanishing) in every later PDF of the process.
  await pdf('\u2026')
  const after = await pdf('A full stop.')
  assert.match(after, /<0000> <[0-9a-f]{4}> \[<0000>(?: <[0-9a-f]{4}>)+\]/, 'no ToUnicode map found')
  assert.doesNotMatch(after, /<0000> <[0-9a-f]{4}> \[[^\]\n]*<>/, 'a glyph maps to no character in the later PDF')
})

test('an opened image’s embed and a PNG’s finalize: embedImage writes its objects at once, before any drawing', async () => {
  const doc = createDocument({info: {}, lang: 'en', compress: false})
  const bytes = bytesOf(doc)
  const image = openImage(doc, greyPng(40, 40, true))
  pinned(image.embed, 'PDFImage.embed', 'function')
  pinned(image.finalize, 'PNGImage.finalize', 'function')
  await embedImage(doc, image)
  doc.end()
  const pdf = Buffer.from(await bytes).toString('latin1')
  // The image and its mask, though nothing drew them.
  assert.equal(pdf.match(/\/Subtype \/Image/g)?.length, 2, 'pdfkit changed: embed no longer writes the image and its mask')
})

test('no file of src/ but lib/pdfkit.ts imports pdfkit or touches its private or undocumented fields', () => {
  const src = fileURLToPath(new URL('../src/', import.meta.url))
  const offending: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (path.endsWith('.ts') && relative(src, path) !== join('lib', 'pdfkit.ts')) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, index) => {
            if (/\._[A-Za-z]|\.dictionary\b|\boutlineData\b|from 'pdfkit(?:\/[^']*)?'/.test(line))
              offending.push(`${relative(src, path)}:${index + 1}: ${line.trim()}`)
          })
      }
    }
  }
  walk(src)
  assert.deepEqual(offending, [])
})
