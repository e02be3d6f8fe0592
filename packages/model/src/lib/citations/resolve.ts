/**
 * Resolve parsed citations to bibliography items, in document order:
 * - a title resolves to the item with that title (or one of its variants);
 * - `Author, Op. Cit.` is that author's most recently cited work;
 * - a bare `Op. Cit.` is the preceding citation's work, unless the sentence it
 *   closes names another author ("As X notes"), whose latest work then wins;
 * - `Ibid.` is the preceding citation's work.
 * Every citation records how it was resolved; what cannot be, is reported.
 */
import type {CitationPart, CslItem} from '../apparatus/types.js'
import {isReference} from './parse.js'

export interface Resolvable {
  part: Omit<CitationPart, 'resolution' | 'itemId'>
  /** Text of the passage the citation closes (since the previous citation or the start of the paragraph). */
  context: string
}

export interface Resolution {
  itemId?: string
  resolution: CitationPart['resolution']
  /** Why it could not be resolved, when it could not. */
  problem?: string
}

/** Lower-case family name without accents or punctuation: "E.H. Carr" -> "carr". */
function familyKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\(eds?\.\)/g, '')
    .split(/[\s.]+/)
    .filter((word) => word.length > 1)
  return (words.at(-1) ?? '').toLowerCase().replace(/[^a-z-]/g, '')
}

function titleKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim()
}

const sayings =
  'notes|noted|argues|argued|writes|wrote|says|said|states|stated|suggests|suggested|summarises|summarised|summarizes|summarized|recounts|recounted|recalls|recalled|explains|explained|observes|observed|comments|commented|continues|continued|acknowledges|acknowledged|points out|pointed out|puts it|put it|admits|admitted|reports|reported'
/** "As X notes", "the historian X", "in the words of X", "notes Richard X": words that credit a name just after them. */
const creditsBefore = new RegExp(
  `(?:\\b[Aa]s|[Hh]istorians?|[Ii]n the words of|[Aa]ccording to|[Qq]uoting|${sayings})\\s+(?:the\\s+historian\\s+)?(?:[A-Z][\\p{L}.]*\\s+){0,3}$`,
  'u'
)
/** "X notes", "X's summary": words that credit a name just before them. */
const creditsAfter = new RegExp(`^(?:'s)?\\s+(?:also\\s+|later\\s+)?(?:${sayings})\\b`, 'u')

export class CitationResolver {
  readonly #byTitle = new Map<string, CslItem[]>()
  /** Author key -> item ids by that author. */
  readonly #authors = new Map<string, Set<string>>()
  /** Every form of an author's name that may appear in prose, by key. */
  readonly #names: Array<{pattern: RegExp; key: string}> = []
  readonly #lastByAuthor = new Map<string, string>()
  #previous: string | undefined
  #previousAuthorKeys: string[] = []

  constructor(items: readonly CslItem[]) {
    for (const item of items) {
      for (const title of [item.title, ...(item['x-title-variants'] ?? [])]) {
        const key = titleKey(title)
        const list = this.#byTitle.get(key) ?? []
        list.push(item)
        this.#byTitle.set(key, list)
      }
      for (const key of this.authorKeys(item)) {
        const set = this.#authors.get(key) ?? new Set()
        set.add(item.id)
        this.#authors.set(key, set)
      }
    }
    const seen = new Set<string>()
    for (const item of items) {
      const forms = [...(item.author ?? []), ...(item.editor ?? [])].map((name) => name.family ?? name.literal ?? '')
      for (const form of [...forms, ...(item['x-author-variants'] ?? [])]) {
        if (!form || seen.has(form)) continue
        seen.add(form)
        const key = familyKey(form)
        this.#names.push({pattern: new RegExp(`(?<![\\p{L}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u'), key})
      }
    }
  }

  /** Keys of an item's authors and editors, and of its declared author variants. */
  authorKeys(item: CslItem): string[] {
    const names = [...(item.author ?? []), ...(item.editor ?? [])].map((name) => name.family ?? name.literal ?? '')
    return [...new Set([...names, ...(item['x-author-variants'] ?? [])].filter(Boolean).map(familyKey))]
  }

  /** Resolve the next citation of a work (call in document order; `reset` between works). */
  resolve(input: Resolvable): Resolution {
    const {part} = input
    const kind = part.title ? isReference(part.title) : undefined
    let result: Resolution
    if (!kind) {
      const candidates = this.#byTitle.get(titleKey(part.title ?? '')) ?? []
      const authorKey = part.author ? familyKey(part.author) : undefined
      const item = candidates.length > 1 && authorKey ? candidates.find((candidate) => this.authorKeys(candidate).includes(authorKey)) : candidates[0]
      result = item
        ? {itemId: item.id, resolution: 'explicit'}
        : {resolution: 'unknown', problem: `Cited work “${part.title ?? part.text}” is not in the bibliography (add it to bibliography.yaml)`}
    } else if (kind === 'ibid') {
      result = this.#previous ? {itemId: this.#previous, resolution: 'ibid'} : {resolution: 'ambiguous', problem: '“Ibid.” with no preceding citation'}
    } else if (part.author) {
      const last = this.#lastByAuthor.get(familyKey(part.author))
      result = last
        ? {itemId: last, resolution: 'author-op-cit'}
        : {resolution: 'ambiguous', problem: `“${part.author}, Op. Cit.”: no earlier citation of a work by ${part.author}`}
    } else {
      result = this.#bareOpCit(input.context)
    }
    if (result.itemId) this.#remember(result.itemId)
    return result
  }

  /** A title named in prose (not cited): an author's `Op. Cit.` may refer back to it. */
  named(title: string): void {
    const item = this.#byTitle.get(titleKey(title))?.[0]
    if (!item) return
    for (const key of this.authorKeys(item)) if (!this.#lastByAuthor.has(key)) this.#lastByAuthor.set(key, item.id)
  }

  /** Start a new work: `Op. Cit.` and `Ibid.` never reach back into another text. */
  reset(): void {
    this.#previous = undefined
    this.#previousAuthorKeys = []
    this.#lastByAuthor.clear()
  }

  #bareOpCit(context: string): Resolution {
    // The author the passage credits last ("As X notes", "notes X"), if any, and if not the preceding citation's.
    // A name alone is not enough: the passage may be about Lenin while quoting Brinton.
    let named: {key: string; at: number} | undefined
    for (const {pattern, key} of this.#names) {
      const global = new RegExp(pattern.source, 'gu')
      for (let match = global.exec(context); match; match = global.exec(context)) {
        const before = context.slice(Math.max(0, match.index - 48), match.index)
        const after = context.slice(match.index + match[0].length, match.index + match[0].length + 24)
        if (!creditsBefore.test(before) && !creditsAfter.test(after)) continue
        if (!named || match.index > named.at) named = {key, at: match.index}
      }
    }
    if (named && !this.#previousAuthorKeys.includes(named.key)) {
      const last = this.#lastByAuthor.get(named.key)
      if (last) return {itemId: last, resolution: 'context'}
      return {
        resolution: 'ambiguous',
        problem: `“Op. Cit.” closes a passage that names an author with no earlier citation here; the preceding citation is by someone else`
      }
    }
    return this.#previous ? {itemId: this.#previous, resolution: 'preceding'} : {resolution: 'ambiguous', problem: '“Op. Cit.” with no preceding citation'}
  }

  #remember(itemId: string): void {
    this.#previous = itemId
    const item = [...this.#byTitle.values()].flat().find((candidate) => candidate.id === itemId)
    this.#previousAuthorKeys = item ? this.authorKeys(item) : []
    for (const key of this.#previousAuthorKeys) this.#lastByAuthor.set(key, itemId)
  }
}
