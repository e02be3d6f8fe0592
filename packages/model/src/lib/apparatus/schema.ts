/** JSON Schemas of the apparatus files: annotations, persons, timeline, bibliography. */

const id = {type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 100}
// Selectors and name variants become regular expressions: a passage, a name, never a book.
const passage = {type: 'string', maxLength: 5000}
const name = {type: 'string', maxLength: 500}
const quote = {
  type: 'object',
  required: ['exact'],
  additionalProperties: false,
  properties: {exact: {...passage, minLength: 1}, prefix: passage, suffix: passage}
}
const credit = {
  type: 'object',
  required: ['credit'],
  additionalProperties: false,
  properties: {credit: {type: 'string', minLength: 1}, where: {type: 'string'}}
}

export const annotationSchema = {
  type: 'object',
  required: ['id', 'work', 'kind', 'quote'],
  additionalProperties: false,
  properties: {
    id,
    work: {type: 'string'},
    kind: {enum: ['note', 'correction', 'conflict', 'crossref', 'person', 'language']},
    quote,
    body: {type: 'string'},
    sources: {type: 'array', items: credit},
    corr: {type: 'string'},
    reason: {type: 'string', minLength: 1},
    claims: {
      type: 'array',
      minItems: 2,
      items: {
        type: 'object',
        required: ['claim', 'credit'],
        additionalProperties: false,
        properties: {claim: {type: 'string'}, credit: {type: 'string'}, work: {type: 'string'}}
      }
    },
    target: {
      type: 'object',
      required: ['work'],
      additionalProperties: false,
      properties: {work: {type: 'string'}, quote}
    },
    locator: {type: 'string'},
    quotes: {type: 'boolean'},
    person: {type: 'string'},
    lang: {type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$'}
  },
  allOf: [
    {if: {properties: {kind: {const: 'correction'}}}, then: {required: ['corr', 'reason']}},
    {if: {properties: {kind: {const: 'note'}}}, then: {required: ['body']}},
    {if: {properties: {kind: {const: 'conflict'}}}, then: {required: ['body', 'claims']}},
    {if: {properties: {kind: {const: 'crossref'}}}, then: {required: ['target']}},
    {if: {properties: {kind: {const: 'person'}}}, then: {required: ['person']}},
    {if: {properties: {kind: {const: 'language'}}}, then: {required: ['lang']}}
  ]
}

/** The file's shape; each entry is checked against `annotationSchema` on its own, so one bad entry spoils no other. */
export const annotationsSchema = {
  type: 'object',
  required: ['annotations'],
  additionalProperties: false,
  properties: {annotations: {type: 'array', items: {type: 'object'}}}
} as const

export const personsSchema = {
  type: 'object',
  required: ['persons'],
  additionalProperties: false,
  properties: {
    persons: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'variants'],
        additionalProperties: false,
        properties: {
          id,
          name: {type: 'string', minLength: 1},
          sortAs: {type: 'string'},
          variants: {type: 'array', items: {...name, minLength: 2}},
          dates: {type: 'string'},
          datesSource: {type: 'string'},
          description: {type: 'string'}
        }
      }
    }
  }
} as const

export const timelineSchema = {
  type: 'object',
  required: ['events'],
  additionalProperties: false,
  properties: {
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: ['date', 'label'],
        additionalProperties: false,
        properties: {
          date: {type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?(/\\d{4}(-\\d{2}(-\\d{2})?)?)?$'},
          label: {type: 'string', minLength: 1},
          mentions: {
            type: 'array',
            items: {
              type: 'object',
              required: ['work', 'quote'],
              additionalProperties: false,
              properties: {work: {type: 'string'}, quote}
            }
          }
        }
      }
    }
  }
} as const

const personName = {
  type: 'object',
  additionalProperties: false,
  properties: {family: name, given: name, literal: name, suffix: name}
}

export const bibliographySchema = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'type', 'title'],
        properties: {
          id,
          type: {type: 'string'},
          title: {type: 'string', minLength: 1},
          author: {type: 'array', items: personName},
          editor: {type: 'array', items: personName},
          'x-title-variants': {type: 'array', items: name},
          'x-author-variants': {type: 'array', items: name}
        }
      }
    }
  }
} as const
