/**
 * The sanitisation schema: GitHub's, extended just enough for what the
 * handlers produce.
 */
import {defaultSchema, type Options as Schema} from 'rehype-sanitize'

type Definitions = NonNullable<Schema['attributes']>[string]
/** An allowed value: a string, or a pattern a value must match. */
type Value = string | RegExp

const base = defaultSchema.attributes ?? {}

export const schema: Schema = {
  ...defaultSchema,
  // Ids are the edition's addresses (`work.html#id`, the EPUB's `chapter.xhtml#id`)
  // and must come out as the model made them. GitHub prefixes them against DOM
  // clobbering, which only matters to scripts: these pages have none, and
  // sanitising strips any that a source brings.
  clobber: [],
  attributes: {
    ...base,
    // The wrapper that pairs a heading with its self-link.
    div: allow(base['div'], 'className', ['heading']),
    // Self-links, external links; the apparatus's note marks and citations.
    a: allowAll(base['a'], {className: ['anchor', 'noteref', 'citation'], rel: ['external'], role: ['doc-noteref', 'doc-biblioref'], 'epub:type': ['noteref']}),
    // The apparatus's marks: corrections, mentions of persons, cross-references, events, citations.
    span: allowAll(base['span'], {
      className: ['corr', 'corr-omission', 'sic-label', 'person', /^person-[a-z0-9-]+$/, 'crossref', 'crossref-target', 'event', 'citation'],
      dataPerson: [/^[a-z0-9-]+$/]
    }),
    // The source's reading, kept beside a correction and hidden until asked for.
    del: [...allow(base['del'], 'className', ['sic']), 'hidden']
  }
}

function allowAll(definitions: Definitions | undefined, values: Record<string, Value[]>): Definitions {
  let result = definitions
  for (const [name, list] of Object.entries(values)) result = allow(result, name, list)
  return result ?? []
}

/**
 * Add allowed values for one property. The sanitiser reads only the first
 * definition of a property, so values are merged into it, not appended.
 */
function allow(definitions: Definitions | undefined, name: string, values: Value[]): Definitions {
  const list = [...(definitions ?? [])]
  const index = list.findIndex((d) => (typeof d === 'string' ? d : d[0]) === name)
  const found = index === -1 ? undefined : list[index]
  if (found === undefined) {
    list.push([name, ...values])
  } else if (typeof found !== 'string') {
    list[index] = [name, ...found.slice(1), ...values] as typeof found
  }
  // A bare string already allows any value.
  return list
}
