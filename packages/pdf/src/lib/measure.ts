/**
 * Text measurement with the embedded fonts, through the same pdfkit font
 * objects (fontkit shaping: kerning, ligatures, features) that will draw the
 * text, so what is measured is what is set.
 */
import {fontMetrics, type Doc} from './pdfkit.js'
import {ScriptFonts} from './scripts.js'
import type {FontKey, TextStyle} from './types.js'

export interface FontMetrics {
  /** Above the baseline, in points. */
  ascent: number
  /** Below the baseline, in points (positive). */
  descent: number
}

export class Measurer {
  readonly #doc: Doc
  readonly #widths = new Map<string, number>()
  readonly #metrics = new Map<FontKey, {ascender: number; descender: number}>()

  /** Fallback fonts for the scripts the book's fonts lack, loaded when a character needs one. */
  readonly scripts: ScriptFonts

  constructor(doc: Doc) {
    this.#doc = doc
    this.scripts = new ScriptFonts(doc)
  }

  width(text: string, style: TextStyle): number {
    if (text === '') return 0
    const key = `${style.font}\u0000${style.size}\u0000${style.features?.join(',') ?? ''}\u0000${text}`
    let width = this.#widths.get(key)
    if (width === undefined) {
      this.#doc.font(style.font).fontSize(style.size)
      width = this.#doc.widthOfString(text, style.features ? {features: [...style.features] as PDFKit.Mixins.OpenTypeFeatures[]} : {})
      this.#widths.set(key, width)
    }
    return width
  }

  metrics(style: TextStyle): FontMetrics {
    let font = this.#metrics.get(style.font)
    if (!font) {
      font = fontMetrics(this.#doc, style.font)
      this.#metrics.set(style.font, font)
    }
    return {ascent: (font.ascender / 1000) * style.size, descent: (-font.descender / 1000) * style.size}
  }
}
