/**
 * The works an editor's note rests on, named at its end: `Sources: Avrich,
 * Kronstadt 1921; Goldman, My Further Disillusionment in Russia.` A note's
 * `sources` that are bibliography items are named by their authors' (or
 * editors') family names and title, so a reader can see what supports each
 * fact the note states; other credits (the editors themselves) are not
 * repeated, and `where` stays in the apparatus data.
 */
import type {Paragraph, PhrasingContent} from 'mdast'
import type {ModelLabels} from '../locale/types.js'
import type {CslItem, Credit} from './types.js'

type Name = {family?: string; given?: string; literal?: string}

/** `Avrich, Kronstadt 1921` (title in italics); no names, the title alone. */
function shortForm(item: CslItem, language: string): PhrasingContent[] {
  const people: Name[] = item.author?.length ? item.author : (item.editor ?? [])
  const names = people.map((person) => person.family ?? person.literal ?? '').filter((name) => name !== '')
  const title: PhrasingContent = {type: 'emphasis', children: [{type: 'text', value: item.title}]}
  if (names.length === 0) return [title]
  const who = names.length > 2 ? `${names[0]} et al.` : new Intl.ListFormat(language, {type: 'conjunction'}).format(names)
  return [{type: 'text', value: `${who}, `}, title]
}

/** The closing paragraph of a note naming its published sources, or nothing when it has none. */
export function noteSources(
  sources: readonly Credit[],
  bibliography: ReadonlyMap<string, CslItem>,
  labels: ModelLabels,
  colon: string,
  semicolon: string,
  language: string
): Paragraph | undefined {
  const items = [...new Set(sources.map((source) => source.credit))].flatMap((credit) => bibliography.get(credit) ?? [])
  if (items.length === 0) return undefined
  const children: PhrasingContent[] = [{type: 'text', value: `${items.length === 1 ? labels.sourceNote : labels.noteSources}${colon}`}]
  items.forEach((item, index) => {
    if (index > 0) children.push({type: 'text', value: semicolon})
    children.push(...shortForm(item, language))
  })
  children.push({type: 'text', value: '.'})
  return {type: 'paragraph', children}
}
