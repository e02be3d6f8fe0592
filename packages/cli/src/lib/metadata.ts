/**
 * `-M key=value`: metadata of the edition(s) built, set from the command line
 * (or the config file's `metadata`). Checked by the very code that reads an
 * edition file: the values are written as an edition file of a one-line corpus
 * in memory and loaded, so a bad date or language tag gets the edition file's
 * own wording.
 */
import type {EditionSpec} from '@samizdat/model'
import {UsageError} from '@samizdat/model/errors'
import {InvalidArgumentError} from 'commander'

/** The keys `-M` takes, and the edition field each sets. */
const keys = {
  title: 'title',
  subtitle: 'subtitle',
  editor: 'editors',
  language: 'language',
  lang: 'language',
  publisher: 'publisher',
  rights: 'rights',
  description: 'description',
  date: 'date'
} as const

type Key = keyof typeof keys

/** The fields of an edition that metadata may replace. */
export type MetadataPatch = Partial<
  Pick<EditionSpec, 'title' | 'subtitle' | 'creators' | 'language' | 'publisher' | 'rights' | 'description' | 'date' | 'issued'>
>

/** Commander's parser for a repeatable `-M key=value`. */
export function collectMetadata(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const at = value.indexOf('=')
  const key = at > 0 ? value.slice(0, at).trim() : ''
  if (!(key in keys)) {
    throw new InvalidArgumentError(`expected key=value with a key among ${Object.keys(keys).join(', ')}, not "${value}"`)
  }
  return {...previous, [key]: value.slice(at + 1)}
}

/** Check `metadata` as an edition file would be checked; the fields to set on each edition built. */
export async function checkMetadata(metadata: Readonly<Record<string, string>>): Promise<MetadataPatch> {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(metadata)) {
    if (!(key in keys)) throw new UsageError(`Unknown metadata key "${key}"; expected one of ${Object.keys(keys).join(', ')}`)
    const field = keys[key as Key]
    fields[field] = field === 'editors' ? [value] : value
  }
  if (Object.keys(fields).length === 0) return {}
  // JSON is YAML: the values cannot break out of their field.
  const text = JSON.stringify({title: 'metadata', ...fields})
  // The model loads only when metadata is given, not for parsing the options.
  const {corpusFromFiles} = await import('@samizdat/model')
  const corpus = await corpusFromFiles({'a.md': '# A\n', 'editions/metadata.yaml': text})
  const problems = corpus.files.flatMap((file) => file.messages.filter((message) => message.fatal === true))
  if (problems.length > 0) throw new UsageError(`Invalid metadata (-M): ${problems.map((message) => message.reason).join('; ')}`)
  const spec = corpus.editions[0] as EditionSpec
  const patch: MetadataPatch = {}
  if ('title' in fields) patch.title = spec.title
  if ('subtitle' in fields && spec.subtitle !== undefined) patch.subtitle = spec.subtitle
  if ('editors' in fields) patch.creators = spec.creators
  if ('language' in fields) patch.language = spec.language
  for (const key of ['publisher', 'rights', 'description'] as const) if (key in fields && spec[key] !== undefined) patch[key] = spec[key]
  if ('date' in fields && spec.date !== undefined) {
    patch.date = spec.date
    if (spec.issued !== undefined) patch.issued = spec.issued
  }
  return patch
}
