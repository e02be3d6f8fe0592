/**
 * JSON Schemas of the apparatus files: annotations, persons, timeline, bibliography. Written with TypeBox
 * (see `load/schema.ts`): each schema's type is `Static<typeof schema>`, the loaders' data needs no cast.
 */
import Type, {type Static} from 'typebox'
import type {AnnotationKind} from './types.js'

const id = Type.String({pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 100})
// Selectors and name variants become regular expressions: a passage, a name, never a book.
const passage = {maxLength: 5000}
const name = Type.String({maxLength: 500})
const quote = Type.Object(
  {
    exact: Type.String({...passage, minLength: 1}),
    prefix: Type.Optional(Type.String(passage)),
    suffix: Type.Optional(Type.String(passage))
  },
  {additionalProperties: false}
)
const credit = Type.Object({credit: Type.String({minLength: 1}), where: Type.Optional(Type.String())}, {additionalProperties: false})

const annotationKinds = ['note', 'correction', 'conflict', 'crossref', 'person', 'language', 'caption'] as const

/**
 * The fields each kind requires beside the common ones: the schema's `if kind then required` rules and
 * the union type `AnnotationEntry` are both made from this one list.
 */
const requiredByKind = {
  correction: ['corr', 'reason'],
  note: ['body'],
  conflict: ['body', 'claims'],
  crossref: ['target'],
  person: ['person'],
  language: ['lang'],
  caption: []
} as const satisfies Record<AnnotationKind, readonly string[]>

const annotationFields = Type.Object(
  {
    id,
    work: Type.Optional(Type.String()),
    kind: Type.Enum(annotationKinds),
    quote: Type.Optional(quote),
    // A note or conflict written once for several places: the first in reading order carries it.
    anchors: Type.Optional(Type.Array(Type.Object({work: Type.String(), quote}, {additionalProperties: false}), {minItems: 1})),
    body: Type.Optional(Type.String()),
    sources: Type.Optional(Type.Array(credit)),
    corr: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String({minLength: 1})),
    // A correction that is the editors' conjecture, not the mending of a plain slip: listed as such.
    emendation: Type.Optional(Type.Boolean()),
    claims: Type.Optional(
      Type.Array(
        Type.Object(
          {
            claim: Type.String(),
            credit: Type.String(),
            work: Type.Optional(Type.String())
          },
          {additionalProperties: false}
        ),
        {minItems: 2}
      )
    ),
    target: Type.Optional(Type.Object({work: Type.String(), quote: Type.Optional(quote)}, {additionalProperties: false})),
    locator: Type.Optional(Type.String()),
    quotes: Type.Optional(Type.Boolean()),
    person: Type.Optional(Type.String()),
    lang: Type.Optional(Type.String({pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$'}))
  },
  {
    additionalProperties: false,
    allOf: [
      ...Object.entries(requiredByKind).map(([kind, required]) => ({if: {properties: {kind: {const: kind}}}, then: {required}})),
      // One place (`work` and `quote`), or, for notes and conflicts, a list of places (`anchors`).
      {
        if: {required: ['anchors']},
        then: {properties: {kind: {enum: ['note', 'conflict']}}, not: {anyOf: [{required: ['work']}, {required: ['quote']}]}},
        else: {required: ['work', 'quote']}
      }
    ]
  }
)

type AnnotationFields = Static<typeof annotationFields>
/** One entry of an annotations file as validated: a union on `kind`, each kind with its required fields. */
export type AnnotationEntry = {
  [K in AnnotationKind]: Omit<AnnotationFields, 'kind'> & {kind: K} & Required<Pick<AnnotationFields, (typeof requiredByKind)[K][number]>>
}[AnnotationKind]

// Same JSON Schema; the type says what its `allOf` rules guarantee.
export const annotationSchema = Type.Unsafe<AnnotationEntry>(annotationFields)

/** The file's shape; each entry is checked against `annotationSchema` on its own, so one bad entry spoils no other. */
export const annotationsSchema = Type.Object(
  {
    annotations: Type.Array(Type.Unsafe<Record<string, unknown>>({type: 'object'}))
  },
  {additionalProperties: false}
)

export const personsSchema = Type.Object(
  {
    persons: Type.Array(
      Type.Object(
        {
          id,
          name: Type.String({minLength: 1}),
          sortAs: Type.Optional(Type.String()),
          variants: Type.Array(Type.String({maxLength: 500, minLength: 2})),
          dates: Type.Optional(Type.String()),
          datesSource: Type.Optional(Type.String()),
          description: Type.Optional(Type.String())
        },
        {additionalProperties: false}
      )
    )
  },
  {additionalProperties: false}
)

export const timelineSchema = Type.Object(
  {
    events: Type.Array(
      Type.Object(
        {
          date: Type.String({pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?(/\\d{4}(-\\d{2}(-\\d{2})?)?)?$'}),
          label: Type.String({minLength: 1}),
          mentions: Type.Optional(Type.Array(Type.Object({work: Type.String(), quote}, {additionalProperties: false})))
        },
        {additionalProperties: false}
      )
    )
  },
  {additionalProperties: false}
)

const personName = Type.Object(
  {
    family: Type.Optional(name),
    given: Type.Optional(name),
    literal: Type.Optional(name),
    suffix: Type.Optional(name)
  },
  {additionalProperties: false}
)

// CSL-JSON items carry many more fields than the model reads: they pass through (no `additionalProperties`).
const cslItem = Type.Object({
  id,
  type: Type.String(),
  title: Type.String({minLength: 1}),
  author: Type.Optional(Type.Array(personName)),
  editor: Type.Optional(Type.Array(personName)),
  'x-title-variants': Type.Optional(Type.Array(name)),
  'x-author-variants': Type.Optional(Type.Array(name))
})
export const bibliographySchema = Type.Object(
  {
    items: Type.Array(Type.Unsafe<Static<typeof cslItem> & Record<string, unknown>>(cslItem))
  },
  {additionalProperties: false}
)
