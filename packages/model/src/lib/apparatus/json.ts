/**
 * The apparatus as data for other tools (`<edition>.apparatus.json`):
 * a W3C Web Annotation AnnotationCollection, the citations in document order,
 * the bibliography as CSL-JSON, the register of persons with every mention,
 * and the timeline. Pure and deterministic.
 */
import type {ResolvedEdition} from '../types.js'
import type {Mention, ResolvedAnnotation} from './types.js'

const motivations = {
  note: 'commenting',
  conflict: 'commenting',
  correction: 'editing',
  crossref: 'linking',
  person: 'identifying',
  language: 'describing',
  caption: 'describing'
} as const

export function toApparatusJson(edition: ResolvedEdition): Record<string, unknown> {
  const apparatus = edition.apparatus
  const workUrn = (work: string): string => `urn:samizdat:${edition.meta.id}:${work}`
  const items = apparatus.annotations.map((annotation) => ({
    id: annotation.id,
    type: 'Annotation',
    motivation: motivations[annotation.kind],
    body: body(annotation, workUrn),
    target: {
      source: workUrn(annotation.work),
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: annotation.quote.exact,
          ...(annotation.quote.prefix ? {prefix: annotation.quote.prefix} : {}),
          ...(annotation.quote.suffix ? {suffix: annotation.quote.suffix} : {})
        },
        {type: 'TextPositionSelector', start: annotation.span.start, end: annotation.span.end}
      ]
    }
  }))
  return {
    edition: edition.meta.id,
    annotations: {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:samizdat:${edition.meta.id}:annotations`,
      type: 'AnnotationCollection',
      label: `Editorial apparatus of ${edition.meta.title}`,
      total: items.length,
      items
    },
    citations: apparatus.citations.flatMap((citation) =>
      citation.parts.map((part) => ({
        id: citation.id,
        work: citation.work,
        line: citation.line,
        column: citation.column,
        text: citation.text,
        ...(part.locator ? {locator: part.locator} : {}),
        ...(part.itemId ? {itemId: part.itemId} : {}),
        resolution: part.resolution
      }))
    ),
    bibliography: apparatus.bibliography.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !key.startsWith('x-')))),
    persons: apparatus.persons.map((person) => ({
      id: person.id,
      name: person.name,
      sortAs: person.sortAs,
      variants: person.variants,
      ...(person.dates ? {dates: person.dates} : {}),
      ...(person.description ? {description: person.description} : {}),
      mentions: person.mentions.map(place)
    })),
    timeline: apparatus.timeline.map((event) => ({
      date: event.date,
      label: event.label,
      mentions: event.anchors.map(place)
    })),
    // Links shown as text because they cannot work: their addresses are not lost.
    unlinked: apparatus.unlinked.map((link) => ({...link})),
    // The verbatim sources, with their checksums: data for checking, kept out of the book a reader reads.
    sources: edition.meta.sources.map((source) => ({...source}))
  }
}

/** Where a mention is: its element id, work, text offsets and place in the file. */
function place(mention: Mention): Record<string, unknown> {
  return {id: mention.id, work: mention.work, start: mention.span.start, end: mention.span.end, line: mention.line, column: mention.column}
}

function body(annotation: ResolvedAnnotation, workUrn: (work: string) => string): unknown[] {
  const bodies: unknown[] = []
  switch (annotation.kind) {
    case 'correction':
      bodies.push({
        type: 'TextualBody',
        purpose: 'editing',
        value: annotation.corr,
        original: annotation.quote.exact,
        corrected: annotation.corr,
        reason: annotation.reason,
        ...(annotation.emendation ? {emendation: true} : {})
      })
      break
    case 'crossref':
      bodies.push({
        id: `${workUrn(annotation.target.work)}#${annotation.target.id}`,
        type: 'SpecificResource',
        purpose: 'linking',
        ...(annotation.locator ? {locator: annotation.locator} : {})
      })
      break
    case 'person':
      bodies.push({id: `urn:samizdat:person:${annotation.person}`, purpose: 'identifying'})
      break
    case 'caption':
      bodies.push({type: 'TextualBody', purpose: 'describing', value: 'Caption of an image the edition does not reproduce'})
      break
    case 'language':
      bodies.push({type: 'TextualBody', purpose: 'describing', value: `Language: ${annotation.lang}`, language: annotation.lang})
      break
    default:
  }
  if (annotation.bodyText) bodies.push({type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: annotation.bodyText})
  if (annotation.kind === 'conflict')
    for (const claim of annotation.claims) bodies.push({type: 'TextualBody', purpose: 'commenting', value: claim.claim, creator: claim.credit})
  return bodies
}

const position = {
  type: 'object',
  required: ['id', 'work', 'start', 'end', 'line', 'column'],
  additionalProperties: false,
  properties: {
    id: {type: 'string'},
    work: {type: 'string'},
    start: {type: 'integer'},
    end: {type: 'integer'},
    line: {type: 'integer', minimum: 1},
    column: {type: 'integer', minimum: 1}
  }
}

/** JSON Schema of `toApparatusJson`'s output. */
export const apparatusJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['edition', 'annotations', 'citations', 'bibliography', 'persons', 'timeline', 'unlinked', 'sources'],
  additionalProperties: false,
  properties: {
    edition: {type: 'string'},
    annotations: {
      type: 'object',
      required: ['@context', 'id', 'type', 'total', 'items'],
      properties: {
        '@context': {const: 'http://www.w3.org/ns/anno.jsonld'},
        id: {type: 'string'},
        type: {const: 'AnnotationCollection'},
        label: {type: 'string'},
        total: {type: 'integer'},
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'type', 'motivation', 'body', 'target'],
            properties: {
              id: {type: 'string', minLength: 1},
              type: {const: 'Annotation'},
              motivation: {enum: ['commenting', 'editing', 'linking', 'identifying', 'describing']},
              body: {type: 'array'},
              target: {
                type: 'object',
                required: ['source', 'selector'],
                properties: {
                  source: {type: 'string'},
                  selector: {
                    type: 'array',
                    minItems: 2,
                    items: [
                      {
                        type: 'object',
                        required: ['type', 'exact'],
                        properties: {
                          type: {const: 'TextQuoteSelector'},
                          exact: {type: 'string', minLength: 1},
                          prefix: {type: 'string'},
                          suffix: {type: 'string'}
                        }
                      },
                      {
                        type: 'object',
                        required: ['type', 'start', 'end'],
                        properties: {type: {const: 'TextPositionSelector'}, start: {type: 'integer', minimum: 0}, end: {type: 'integer', minimum: 0}}
                      }
                    ]
                  }
                }
              }
            }
          }
        }
      }
    },
    citations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'work', 'line', 'column', 'text', 'resolution'],
        additionalProperties: false,
        properties: {
          id: {type: 'string'},
          work: {type: 'string'},
          line: {type: 'integer', minimum: 1},
          column: {type: 'integer', minimum: 1},
          text: {type: 'string', minLength: 1},
          locator: {type: 'string'},
          itemId: {type: 'string'},
          resolution: {enum: ['explicit', 'author-op-cit', 'preceding', 'ibid', 'context', 'ambiguous', 'unknown']}
        }
      }
    },
    bibliography: {
      type: 'array',
      items: {type: 'object', required: ['id', 'type', 'title'], properties: {id: {type: 'string'}, type: {type: 'string'}, title: {type: 'string'}}}
    },
    persons: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'variants', 'mentions'],
        properties: {
          id: {type: 'string'},
          name: {type: 'string'},
          variants: {type: 'array', items: {type: 'string'}},
          mentions: {type: 'array', items: position}
        }
      }
    },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        required: ['date', 'label', 'mentions'],
        properties: {date: {type: 'string'}, label: {type: 'string'}, mentions: {type: 'array', items: position}}
      }
    },
    unlinked: {
      type: 'array',
      items: {
        type: 'object',
        required: ['work', 'url', 'text', 'rule'],
        additionalProperties: false,
        properties: {
          work: {type: 'string'},
          url: {type: 'string'},
          text: {type: 'string'},
          rule: {enum: ['anchor-missing', 'link-unresolved', 'link-scheme', 'url-invalid']},
          line: {type: 'integer', minimum: 1},
          column: {type: 'integer', minimum: 1}
        }
      }
    },
    sources: {
      type: 'array',
      items: {
        type: 'object',
        required: ['work', 'file', 'sha256', 'title'],
        additionalProperties: false,
        properties: {
          work: {type: 'string'},
          file: {type: 'string'},
          sha256: {type: 'string', pattern: '^[0-9a-f]{64}$'},
          title: {type: 'string'},
          url: {type: 'string'},
          rights: {type: 'string'}
        }
      }
    }
  }
} as const
