/**
 * The sanitisation schema: GitHub's, extended just enough for what the
 * handlers produce, and narrowed so that nothing loads a resource from
 * elsewhere (no `<picture>`/`<source srcset>`, no `longdesc`) and no form
 * attribute is left, and so that only the link schemes the model follows pass.
 */
import {defaultSchema, type Options as Schema} from 'rehype-sanitize'
import {strip} from './dropped.js'
import {mathAttributes, mathElements} from './mathml.js'
import {clobbered, clobberPrefix} from './own-ids.js'

type Definitions = NonNullable<Schema['attributes']>[string]
/** An allowed value: a string, or a pattern a value must match. */
type Value = string | RegExp

const base = defaultSchema.attributes ?? {}

/** Elements that load what they show (`<picture>`, `<source srcset>`): images are links instead. */
const loading = new Set(['picture', 'source'])
/** Attributes that say where to fetch or send something; without a form or a description page they only leak. */
const addresses = new Set(['action', 'method', 'encType', 'accept', 'acceptCharset', 'longDesc', 'useMap', 'isMap'])

export const schema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => !loading.has(name)), ...mathElements, 'figure', 'figcaption'],
  strip,
  // A source's ids and names are prefixed against DOM clobbering; the model's
  // are marked before sanitising and come out as they were (see own-ids.ts).
  clobber: clobbered,
  clobberPrefix,
  // The schemes the model follows (it unlinks the rest); relative URLs always pass.
  protocols: {...defaultSchema.protocols, href: ['http', 'https', 'mailto']},
  attributes: {
    ...without(base, addresses),
    // Formulas (Temml's MathML, see mathml.ts).
    ...mathAttributes,
    // Highlighted code: token classes (see the model's code/highlight.ts).
    pre: allow(base['pre'], 'className', ['highlight']),
    // The wrapper that pairs a heading with its self-link.
    div: allow(base['div'], 'className', ['heading']),
    // Self-links, external links; the apparatus's note marks and citations.
    a: allowAll(base['a'], {className: ['anchor', 'noteref', 'citation'], rel: ['external'], role: ['doc-noteref', 'doc-biblioref'], 'epub:type': ['noteref']}),
    // The apparatus's marks: corrections, mentions of persons, cross-references, events, citations.
    span: allowAll(base['span'], {
      className: [
        'corr',
        'corr-omission',
        'corr-dot',
        'corr-bracket',
        'sic-label',
        'person',
        /^person-[a-z0-9-]+$/,
        'crossref',
        'crossref-target',
        'event',
        'citation',
        /^pl-[a-z0-9]+$/
      ],
      dataPerson: [/^[a-z0-9-]+$/]
    }),
    // Back-matter lists: no bullets, a hanging indent.
    ul: allow(base['ul'], 'className', ['hanging']),
    // The source's reading, kept beside a correction and hidden until asked for.
    del: [...allow(base['del'], 'className', ['sic']), 'hidden']
  }
}

/** The definitions with some properties left out everywhere. */
function without(attributes: NonNullable<Schema['attributes']>, names: ReadonlySet<string>): NonNullable<Schema['attributes']> {
  const result: NonNullable<Schema['attributes']> = {}
  for (const [element, definitions] of Object.entries(attributes)) {
    if (loading.has(element)) continue
    result[element] = definitions.filter((d) => !names.has(typeof d === 'string' ? d : d[0]))
  }
  return result
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
