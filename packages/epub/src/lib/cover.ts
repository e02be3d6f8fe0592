/**
 * The cover, generated at build time: an SVG with the edition's title,
 * subtitle and authors set in EB Garamond. The letters are drawn as outlines
 * (with fontkit, which shapes them: kerning, ligatures), so the image looks
 * the same in every reading system and needs neither a font nor the network.
 * The book's cover image is that SVG rasterised (`rasterCover`): Kindle
 * conversion (calibre, KindleGen) and many reading systems drop an SVG cover.
 */
import {create, type Font} from 'fontkit'
import type {WorkStore} from '@samizdat/html'
import {x} from 'xastscript'
import type {Element} from 'xast'
import {fontData, fontFaces} from './fonts.js'
import {sharpOf} from './sharp.js'
import {lines, xmlDocument} from './xml.js'

export interface CoverText {
  title: string
  subtitle?: string
  authors: string[]
  publisher?: string
  /** What the cover says, for its `<title>` and the page's `alt`. */
  description: string
}

const width = 1200
const height = 1800
const margin = 120
const measure = width - 2 * margin

interface Face {
  font: Font
  /** Prefix of the ids of its glyphs in `<defs>`. */
  prefix: string
}

const fonts = new Map<string, Font>()

function face(file: string, prefix: string): Face {
  let found = fonts.get(file)
  if (!found) {
    const source = fontFaces.find((f) => f.file === file)
    if (!source) throw new Error('No font face ' + file)
    found = create(Buffer.from(fontData(source))) as Font
    fonts.set(file, found)
  }
  return {font: found, prefix}
}

/** Greedy line breaking at spaces, measured with the font's own advances. */
function wrap(text: string, {font}: Face, size: number): string[] {
  const scale = size / font.unitsPerEm
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? line + ' ' + word : word
    if (line && font.layout(candidate).advanceWidth * scale > measure) {
      lines.push(line)
      line = word
    } else {
      line = candidate
    }
  }
  if (line) lines.push(line)
  return lines
}

/** The largest size from `size` down at which the text fits in `maxLines` lines. */
function fit(text: string, face: Face, size: number, maxLines: number): {size: number; lines: string[]} {
  let lines = wrap(text, face, size)
  while (lines.length > maxLines && size > 24) {
    size -= 4
    lines = wrap(text, face, size)
  }
  return {size, lines}
}

const round = (n: number) => String(Math.round(n * 100) / 100)

/**
 * Set text with shaped glyphs. Each glyph's outline is defined once (in font
 * units) and placed with `<use>`, which keeps the file small.
 */
class Typesetter {
  readonly defs = new Map<string, Element>()

  /** One line, centred on the page, its baseline at `y`. */
  line(text: string, face: Face, size: number, y: number): Element[] {
    const scale = size / face.font.unitsPerEm
    const run = face.font.layout(text)
    let pen = (width - run.advanceWidth * scale) / 2
    const uses: Element[] = []
    run.glyphs.forEach((glyph, index) => {
      const position = run.positions[index]!
      const id = face.prefix + glyph.id
      const d = glyph.path.toSVG()
      if (d && !this.defs.has(id)) this.defs.set(id, x('path', {id, d}))
      if (d) {
        const tx = pen + position.xOffset * scale
        const ty = y - position.yOffset * scale
        uses.push(x('use', {'xlink:href': '#' + id, transform: `matrix(${round(scale)} 0 0 ${round(-scale)} ${round(tx)} ${round(ty)})`}))
      }
      pen += position.xAdvance * scale
    })
    return uses
  }

  /** Lines `leading` apart from baseline `y`; returns the elements and the last baseline. */
  block(lines: string[], face: Face, size: number, y: number, leading: number): {elements: Element[]; last: number} {
    const elements = lines.flatMap((text, index) => this.line(text, face, size, y + index * leading))
    return {elements, last: y + (lines.length - 1) * leading}
  }
}

export function renderCover(text: CoverText): string {
  const regular = face('EBGaramond-Regular.ttf', 'r')
  const italic = face('EBGaramond-Italic.ttf', 'i')
  const bold = face('EBGaramond-SemiBold.ttf', 'b')
  const set = new Typesetter()

  const title = fit(text.title, bold, 132, 4)
  const titleBlock = set.block(title.lines, bold, title.size, 520, title.size * 1.1)
  const elements: Element[] = [...titleBlock.elements]
  let y = titleBlock.last
  if (text.subtitle) {
    const subtitle = fit(text.subtitle, italic, 60, 4)
    const subtitleBlock = set.block(subtitle.lines, italic, subtitle.size, y + 140, subtitle.size * 1.25)
    elements.push(...subtitleBlock.elements)
    y = subtitleBlock.last
  }
  if (text.authors.length > 0) {
    const authors = fit(text.authors.join(' · '), regular, 46, 5)
    // Authors sit above the publisher at the foot, or below the subtitle if that is lower.
    const top = Math.max(y + 160, 1560 - (authors.lines.length - 1) * authors.size * 1.3 - (text.publisher ? 120 : 0))
    elements.push(...set.block(authors.lines, regular, authors.size, top, authors.size * 1.3).elements)
  }
  if (text.publisher) elements.push(...set.line(text.publisher.toUpperCase(), regular, 36, 1680))

  const svg = x(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      'xmlns:xlink': 'http://www.w3.org/1999/xlink',
      version: '1.1',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': 'cover-title'
    },
    lines(
      [
        x('title', {id: 'cover-title'}, text.description),
        x('defs', {}, [...set.defs.values()]),
        x('rect', {width, height, fill: '#f3ede0'}),
        x('rect', {x: margin, y: 300, width: measure, height: 14, fill: '#8e1b1b'}),
        x('g', {fill: '#1f1b16'}, elements)
      ],
      1
    )
  )
  return xmlDocument(svg)
}

/**
 * The cover as a PNG of its own size (1200 × 1800), drawn by sharp (librsvg):
 * the letters are outlines, so no font is needed. A palette PNG keeps the
 * flat colours crisp and the file small (about 50 kB), and the same SVG gives
 * the same bytes.
 */
export async function rasterCover(svg: string, store?: WorkStore): Promise<Uint8Array> {
  // Kept by the store (the CLI's cache): a new process that makes the same cover again then loads neither sharp
  // (its native library takes some 0.2 s to load) nor librsvg. The store's key takes in the code that renders.
  const key = store?.key(['cover', svg])
  const kept = key === undefined ? undefined : store?.get(key)
  if (kept && isWholePng(kept)) return kept.slice()
  let png = rastered.get(svg)
  if (png === undefined) {
    png = raster(svg)
    rastered.set(svg, png)
    // A failed one is tried again next time; only the last few covers are kept.
    png.catch(() => rastered.delete(svg))
    for (const old of rastered.keys()) if (rastered.size > keptCovers) rastered.delete(old)
  }
  const made = await png
  if (key !== undefined) store?.set(key, made)
  // A copy: the caller owns what it is given.
  return made.slice()
}

/**
 * Covers already rasterised in this process, by their SVG: librsvg and the PNG's palette cost some 0.2 s of
 * CPU a book (more than the rest of a small book), and a process often makes the same cover again (a rebuild
 * in watch mode, several formats or tests of one edition). The same SVG gives the same bytes.
 */
const rastered = new Map<string, Promise<Uint8Array>>()
const keptCovers = 8

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** An empty IEND chunk (length, type, CRC): a PNG's last twelve bytes. */
const pngEnd = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]

/** A torn or foreign entry is a miss: a PNG starts with its signature and ends with its IEND chunk. */
function isWholePng(data: Uint8Array): boolean {
  return data.length > 20 && pngSignature.every((byte, i) => data[i] === byte) && pngEnd.every((byte, i) => data[data.length - 12 + i] === byte)
}

async function raster(svg: string): Promise<Uint8Array> {
  const sharp = await sharpOf()
  const png = await sharp(Buffer.from(svg)).png({compressionLevel: 9, palette: true}).toBuffer()
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
}
