/**
 * What anchoring the apparatus shares: each work's text index and pending operations, and the one way to
 * locate a selector (exactly once, or a message). Selectors are located on the text as written (before
 * typography), as the annotations' authors see it.
 */
import type {Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {fail} from '../message.js'
import type {IdRegistry} from '../resolve/ids.js'
import type {Work} from '../types.js'
import {findQuote} from './match.js'
import type {Operation, WrapOperation} from './splice.js'
import {TextIndex} from './text-index.js'
import type {QuoteSelector, TextSpan} from './types.js'

export interface AnchoredWork {
  work: Work
  tree: Root
  /** Id of the work's start, for links to the work as a whole. */
  startId: string
  /** Where messages about the work go (the resolution's own file, never the corpus's). */
  file: VFile
}

/** A work being anchored: its text, and the marks to splice into its tree once every selector is found. */
export interface AnchorTarget extends AnchoredWork {
  index: TextIndex
  operations: Operation[]
}

/** Which wrap is outside which when two cover the same range. */
export const rank = {caption: -1, correction: 0, person: 1, event: 2, crossref: 3, 'crossref-target': 4, language: 5} as const

/** How many places of an ambiguous quote a message lists before a count of the rest. */
const maxPlaces = 3

export class AnchorContext {
  readonly byWork: Map<string, AnchorTarget>

  /** `files` maps a corpus file (an annotation's, the timeline's) to the one messages about it go to. */
  constructor(
    works: readonly AnchoredWork[],
    readonly registry: IdRegistry,
    readonly files: (file: VFile) => VFile
  ) {
    this.byWork = new Map(works.map((entry) => [entry.work.meta.id, {...entry, index: new TextIndex(entry.tree), operations: []}]))
  }

  /** Locate a selector in a work: exactly one span, or an error on `file` and undefined. */
  locate(workId: string, quote: QuoteSelector, file: VFile, place: Position, what: string): TextSpan | undefined {
    const target = this.byWork.get(workId)
    if (!target) return undefined
    const spans = findQuote(target.index.text, quote)
    if (spans.length === 1) return spans[0]
    const shown = `“${quote.exact.length > 60 ? `${quote.exact.slice(0, 57)}…` : quote.exact}”`
    if (spans.length === 0) {
      fail(this.files(file), `${what}: ${shown} not found in work \`${workId}\` (${target.work.file.path})`, place, 'anchor-missing')
    } else {
      // A word that is everywhere would make a message of hundreds of places: the first few and a count.
      const where = spans.slice(0, maxPlaces).map((span) => {
        const point = target.index.pointAt(span.start)
        return `${target.work.file.path}:${point.line}:${point.column}`
      })
      if (spans.length > maxPlaces) where.push(`and ${spans.length - maxPlaces} more`)
      fail(
        this.files(file),
        `${what}: ${shown} matches ${spans.length} times in work \`${workId}\` (${where.join(', ')}): add a prefix or suffix`,
        place,
        'anchor-ambiguous'
      )
    }
    return undefined
  }

  /** Whether a span lies in one run of text: a wrap can only go around such a span. */
  inOneRun(workId: string, span: TextSpan): boolean {
    const segment = this.byWork.get(workId)?.index.segmentAt(span.start)
    return segment !== undefined && span.end <= segment.end
  }

  /** What to say when a wrap overlaps another partially (one of them must give way). */
  conflictReporter(file: VFile, place: Position, label: string): (other: WrapOperation) => void {
    return (other) => fail(this.files(file), `${label} overlaps ${other.label} partially: anchor one inside the other, or apart`, place, 'anchor-overlap')
  }
}
