/**
 * Text measurement with the embedded fonts, through the same pdfkit font
 * objects (fontkit shaping: kerning, ligatures, features) that will draw the
 * text, so what is measured is what is set.
 */
import {fontMetrics, plainAdvances, widthOfAdvances, type Doc} from './pdfkit.js'
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
  readonly #texts = new Map<string, string>()

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

  /**
   * Fills in, from one shaping of `text`, the widths a word's plan asks for at each cut `offset`: the prefix
   * before it, the same with a hyphen, and the rest after it; what `width` would otherwise shape one by one.
   * Only for a plain shaping (see `plainAdvances`), where each piece alone has the word's glyphs and
   * advances but for the kerning across the cut: the prefix's last glyph then has its own width, or with a
   * hyphen the advance it has before one (the pair of the letter and the hyphen, shaped once a pair). The sums
   * are made in pdfkit's order, so each is to the last bit the number shaping the piece gives (pinned in
   * `test/pdfkit.test.ts` on prose nobody here wrote, in every book font).
   */
  prime(text: string, style: TextStyle, offsets: readonly number[]): void {
    // An earlier run's widths (layout-cache.ts) already spare the shaping.
    if (offsets.length === 0 || this.#knownOf(style)?.has(text) === true) return
    const shaped = plainAdvances(this.#doc, style.font, text, style.features)
    if (shaped === undefined) return
    const {advances, widths: own} = shaped
    const widths = this.#widthsOf(style)
    /** `before[i]`: the advances of the glyphs before the i-th, summed from the first as pdfkit sums them. */
    const before: number[] = [0]
    for (let index = 0; index < advances.length; index++) before.push((before[index] as number) + (advances[index] as number))
    for (const offset of offsets) {
      if (offset <= 0 || offset >= text.length) continue
      const suffix = text.slice(offset)
      if (!widths.has(suffix)) {
        let sum = 0
        for (let index = offset; index < advances.length; index++) sum += advances[index] as number
        widths.set(suffix, widthOfAdvances(sum, style.size))
      }
      const prefix = text.slice(0, offset)
      const last = before[offset - 1] as number
      if (!widths.has(prefix)) widths.set(prefix, widthOfAdvances(last + (own[offset - 1] as number), style.size))
      const hyphened = `${prefix}-`
      const pair = widths.has(hyphened) ? undefined : plainAdvances(this.#doc, style.font, `${text.charAt(offset - 1)}-`, style.features)
      if (pair !== undefined) widths.set(hyphened, widthOfAdvances(last + (pair.advances[0] as number) + (pair.advances[1] as number), style.size))
    }
  }

  /**
   * One string for every equal `text` the document lays out: a book sets the same words thousands of times, and
   * its laid-out lines, kept until their page is drawn, would otherwise hold a copy of each word each time.
   */
  shared(text: string): string {
    const known = this.#texts.get(text)
    if (known !== undefined) return known
    this.#texts.set(text, text)
    return text
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
