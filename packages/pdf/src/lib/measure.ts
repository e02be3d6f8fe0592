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

/** Text widths by style (font, size, features) then by text. */
export type WidthTable = Map<string, Map<string, number>>

function styleKey(style: TextStyle): string {
  return `${style.font}\u0000${style.size}\u0000${style.features?.join(',') ?? ''}`
}

export class Measurer {
  readonly #doc: Doc
  /** Widths by style (font, size, features), then by text: the text itself is the inner key, never copied into a longer one. */
  readonly #widths = new Map<string, Map<string, number>>()
  /** The inner table of a style object already seen: most runs share their style object, so no key is built at all. */
  readonly #byStyle = new WeakMap<TextStyle, Map<string, number>>()
  readonly #metrics = new Map<FontKey, {ascender: number; descender: number}>()

  /** Widths measured by an earlier run with the same fonts (layout-cache.ts): taken instead of shaping the text again. */
  readonly #known: WidthTable | undefined
  readonly #knownByStyle = new WeakMap<TextStyle, Map<string, number> | undefined>()

  /** Fallback fonts for the scripts the book's fonts lack, loaded when a character needs one. */
  readonly scripts: ScriptFonts

  constructor(doc: Doc, known?: WidthTable) {
    this.#doc = doc
    this.#known = known
    this.scripts = new ScriptFonts(doc)
  }

  width(text: string, style: TextStyle): number {
    if (text === '') return 0
    const widths = this.#widthsOf(style)
    let width = widths.get(text)
    if (width === undefined) {
      width = this.#knownOf(style)?.get(text)
      if (typeof width !== 'number') {
        this.#doc.font(style.font).fontSize(style.size)
        // The style's own features array (read only): the shaping cache knows it by its identity.
        width = this.#doc.widthOfString(text, style.features ? {features: style.features as PDFKit.Mixins.OpenTypeFeatures[]} : {})
      }
      widths.set(text, width)
    }
    return width
  }

  /** One object per font, size and features (what a width depends on), for caches of what is measured in a style. */
  table(style: TextStyle): object {
    return this.#widthsOf(style)
  }

  /** Every width this document asked for, by style then text: what the next run may take as known. */
  get widths(): WidthTable {
    return this.#widths
  }

  #widthsOf(style: TextStyle): Map<string, number> {
    let widths = this.#byStyle.get(style)
    if (widths === undefined) {
      const key = styleKey(style)
      widths = this.#widths.get(key)
      if (widths === undefined) this.#widths.set(key, (widths = new Map()))
      this.#byStyle.set(style, widths)
    }
    return widths
  }

  #knownOf(style: TextStyle): Map<string, number> | undefined {
    if (!this.#known) return undefined
    if (this.#knownByStyle.has(style)) return this.#knownByStyle.get(style)
    const known = this.#known.get(styleKey(style))
    this.#knownByStyle.set(style, known instanceof Map ? known : undefined)
    return known instanceof Map ? known : undefined
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
