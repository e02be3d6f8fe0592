/**
 * Knuth–Plass total-fit line breaking over boxes, glue and penalties
 * ("Breaking Paragraphs into Lines", 1981). Pure: widths come in, break
 * positions and adjustment ratios come out. Rag and centring are encoded in
 * the items by the caller (see `items.ts`), not here.
 */

export interface BoxItem {
  type: 'box'
  width: number
}

export interface GlueItem {
  type: 'glue'
  width: number
  stretch: number
  shrink: number
}

export interface PenaltyItem {
  type: 'penalty'
  width: number
  penalty: number
  /** A hyphen: two flagged breaks in a row cost extra. */
  flagged: boolean
  /**
   * Width the next line gains when the break is taken: a word cut here is
   * shaped anew, and its second part is not quite the difference of widths.
   */
  postBreak?: number
}

export type BreakItem = BoxItem | GlueItem | PenaltyItem

export interface BreakOptions {
  /** Largest adjustment ratio accepted (TeX's tolerance, as a ratio: 1 ≈ badness 100). */
  tolerance: number
  linePenalty?: number
  flaggedDemerits?: number
  fitnessDemerits?: number
  /** Extra demerits when the last full line ends with a hyphen. */
  finalHyphenDemerits?: number
  /** Most lines in a row that may end with a hyphen (flagged breaks); default 2. */
  consecutiveHyphens?: number
  /**
   * Stretch added to every line when judging it (TeX's `\emergencystretch`):
   * a last pass spreads the looseness of one bad line over the paragraph. The
   * ratios returned are still those of the lines' own glue.
   */
  emergencyStretch?: number
  /** Largest ratio of a line's own glue, whatever the emergency stretch: the spacing's hard bound. */
  maxRatio?: number
  /**
   * TeX's `\looseness`: set the paragraph this many lines longer (or, negative,
   * shorter) than its best, if it can be within the tolerance, else as close as it can.
   */
  looseness?: number
}

/** One line of a solution: the item index it breaks at, and how much its glue is stretched (>0) or shrunk (<0). */
export interface LineBreak {
  position: number
  ratio: number
}

export const infinity = 10_000

interface Node {
  position: number
  line: number
  /** How many lines in a row, up to this one, end with a hyphen. */
  hyphens: number
  fitness: number
  width: number
  stretch: number
  shrink: number
  demerits: number
  ratio: number
  previous: Node | undefined
}

/**
 * Break `items` into lines of `lineWidth(lineNumber)`; `undefined` when no
 * solution stays within the tolerance (the caller retries more loosely).
 * The last item must be a forced break (penalty −∞).
 */
export function breakLines(items: readonly BreakItem[], lineWidth: (line: number) => number, options: BreakOptions): LineBreak[] | undefined {
  const linePenalty = options.linePenalty ?? 10
  const flaggedDemerits = options.flaggedDemerits ?? 3000
  const fitnessDemerits = options.fitnessDemerits ?? 3000
  const finalHyphenDemerits = options.finalHyphenDemerits ?? 5000
  const consecutiveHyphens = options.consecutiveHyphens ?? 2
  const emergencyStretch = options.emergencyStretch ?? 0
  const maxRatio = options.maxRatio ?? Infinity
  const looseness = options.looseness ?? 0
  const sum = {width: 0, stretch: 0, shrink: 0}
  const active: Node[] = [{position: 0, line: 0, hyphens: 0, fitness: 1, width: 0, stretch: 0, shrink: 0, demerits: 0, ratio: 0, previous: undefined}]

  for (let index = 0; index < items.length; index++) {
    const item = items[index] as BreakItem
    if (item.type === 'box') {
      sum.width += item.width
    } else if (item.type === 'glue') {
      if (index > 0 && items[index - 1]?.type === 'box') tryBreak(index, 0, false)
      sum.width += item.width
      sum.stretch += item.stretch
      sum.shrink += item.shrink
    } else if (item.penalty < infinity) {
      tryBreak(index, item.penalty, item.flagged)
    }
    if (active.length === 0) return undefined
  }

  let best: Node | undefined
  for (const node of active) {
    if (node.position === items.length - 1 && (!best || node.demerits < best.demerits)) best = node
  }
  if (!best) return undefined
  if (looseness !== 0) {
    // As TeX: the solution whose line count is nearest the wanted one, on the wanted side; then the fewest demerits.
    const wanted = best.line + looseness
    const distance = (node: Node): number => Math.abs(node.line - wanted)
    for (const node of active) {
      if (node.position !== items.length - 1 || Math.sign(node.line - (best as Node).line) * Math.sign(looseness) < 0) continue
      if (distance(node) < distance(best) || (distance(node) === distance(best) && node.demerits < best.demerits)) best = node
    }
  }
  const breaks: LineBreak[] = []
  for (let node: Node | undefined = best; node?.previous; node = node.previous) {
    breaks.push({position: node.position, ratio: node.ratio})
  }
  return breaks.reverse()

  function tryBreak(index: number, penalty: number, flagged: boolean): void {
    const item = items[index] as BreakItem
    const forced = penalty <= -infinity
    // The best way to reach this break for each fitness class and run of hyphens (and line count, under looseness:
    // the paragraph's other lengths must survive to the end; without it they would only cost time).
    // Made only when a line can end here: at most break points none can, and this runs at every one.
    let candidates: Map<string, Node> | undefined
    // The nodes that stay active are kept in place, in order (no new array at every break point).
    let kept = 0
    const count = active.length
    for (let at = 0; at < count; at++) {
      const node = active[at] as Node
      const width = sum.width - node.width + (item.type === 'penalty' ? item.width : 0)
      const target = lineWidth(node.line)
      let ratio: number
      /** The ratio of the line's own glue, which `ratio` judges with the emergency stretch added. */
      let glueRatio: number | undefined
      if (Math.abs(width - target) < 1e-6) {
        ratio = 0 // exactly full, up to rounding
      } else if (width < target) {
        const stretch = sum.stretch - node.stretch
        ratio = stretch + emergencyStretch > 0 ? (target - width) / (stretch + emergencyStretch) : infinity
        if (emergencyStretch > 0) glueRatio = stretch > 0 ? (target - width) / stretch : infinity
      } else {
        const shrink = sum.shrink - node.shrink
        ratio = shrink > 0 ? (target - width) / shrink : -infinity
      }
      // A line too tight never gets looser as it grows: drop the node.
      if (!(ratio < -1 || forced)) active[kept++] = node
      if (ratio < -1 || ratio > options.tolerance || (glueRatio !== undefined && glueRatio > maxRatio)) continue
      const hyphens = flagged ? node.hyphens + 1 : 0
      if (hyphens > consecutiveHyphens) continue

      const badness = 100 * Math.abs(ratio) ** 3
      let demerits = (linePenalty + badness) ** 2
      if (penalty >= 0) demerits += penalty ** 2
      else if (!forced) demerits -= penalty ** 2
      const previousItem = items[node.position]
      if (flagged && previousItem?.type === 'penalty' && previousItem.flagged && node.position > 0) demerits += flaggedDemerits
      if (forced && previousItem?.type === 'penalty' && previousItem.flagged && node.position > 0) demerits += finalHyphenDemerits
      const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
      if (Math.abs(fitness - node.fitness) > 1) demerits += fitnessDemerits
      demerits += node.demerits
      const key = looseness === 0 ? `${fitness} ${hyphens}` : `${fitness} ${hyphens} ${node.line}`
      candidates ??= new Map()
      const current = candidates.get(key)
      if (!current || demerits < current.demerits) {
        candidates.set(key, {
          position: index,
          line: node.line + 1,
          hyphens,
          fitness,
          width: 0,
          stretch: 0,
          shrink: 0,
          demerits,
          ratio: glueRatio ?? ratio,
          previous: node
        })
      }
    }
    active.length = kept
    if (candidates === undefined) return
    const after = totalsAfter(index)
    for (const candidate of candidates.values()) {
      Object.assign(candidate, after)
      if (item.type === 'penalty' && item.postBreak) candidate.width -= item.postBreak
      active.push(candidate)
    }
  }

  /** Totals at the start of the next line: glue and penalties after a break vanish. */
  function totalsAfter(index: number): {width: number; stretch: number; shrink: number} {
    const totals = {...sum}
    for (let next = index; next < items.length; next++) {
      const item = items[next] as BreakItem
      if (item.type === 'box') break
      if (item.type === 'glue') {
        totals.width += item.width
        totals.stretch += item.stretch
        totals.shrink += item.shrink
      } else if (item.penalty <= -infinity && next > index) {
        break
      }
    }
    return totals
  }
}
