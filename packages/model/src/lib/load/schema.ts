/**
 * JSON Schemas of the corpus files. Nothing imports them at run time: their
 * validators are compiled ahead of time (`pnpm validators`, into
 * validators.generated.ts) and `validate.ts` runs those; here they give the
 * loaders their types (`Static<typeof schema>`) and the generator its input.
 */
import Type from 'typebox'

// The schemas are written with TypeBox: each is plain JSON Schema (Ajv validates it) and its TypeScript
// type is `Static<typeof schema>`, so validated data needs no cast and cannot drift from its schema.
const idPattern = '^[A-Za-z0-9][A-Za-z0-9._-]*$'
// Ids name output files and pages: short enough for any file system.
const idValue = Type.String({pattern: idPattern, maxLength: 100})
const languagePattern = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$'
// An absolute http(s) URL that parses (`https://` alone does not).
const urlValue = Type.String({format: 'http-url'})
// `type: [string, number]` rather than `anyOf`: one plain "expected string,number" message, not two.
const dateValue = Type.Unsafe<string | number>({type: ['string', 'number']})
const creatorRoles = ['aut', 'edt', 'trl', 'ctb', 'aui', 'pbl'] as const
const sha256 = Type.String({pattern: '^[0-9a-f]{64}$'})

const namedPerson = Type.Object(
  {
    name: Type.String({minLength: 1}),
    fileAs: Type.Optional(Type.String()),
    role: Type.Optional(Type.Enum(creatorRoles))
  },
  {additionalProperties: false}
)
const person = Type.Union([Type.String({minLength: 1}), namedPerson])
// `x-` fields are the author's own: allowed, and not read.
const extensions = {patternProperties: {'^x-': {}}, additionalProperties: false} as const

export const workSchema = Type.Object(
  {
    id: Type.Optional(idValue),
    title: Type.String({minLength: 1}),
    // What the apparatus calls the work (index, notes' references): the title when absent.
    shortTitle: Type.Optional(Type.String({minLength: 1})),
    subtitle: Type.Optional(Type.String()),
    // The edition's own title (the source's `title` is kept, shown in the source note).
    editorialTitle: Type.Optional(Type.String({minLength: 1})),
    editorialSubtitle: Type.Optional(Type.String({minLength: 1})),
    authors: Type.Optional(Type.Array(person)),
    contributors: Type.Optional(Type.Array(person)),
    date: Type.Optional(dateValue),
    publicationHistory: Type.Optional(
      Type.Array(
        Type.Object(
          {
            date: dateValue,
            event: Type.String(),
            source: Type.Optional(Type.String())
          },
          {additionalProperties: false}
        )
      )
    ),
    language: Type.Optional(Type.String({pattern: languagePattern})),
    description: Type.Optional(Type.String()),
    source: Type.Optional(Type.Object({file: Type.String(), sha256}, {additionalProperties: false})),
    rights: Type.Optional(Type.String()),
    url: Type.Optional(urlValue),
    baseUrl: Type.Optional(urlValue),
    anchors: Type.Optional(Type.Unsafe<Record<string, string>>({type: 'object', additionalProperties: {type: 'string'}}))
  },
  extensions
)

export const editionSchema = Type.Object(
  {
    id: Type.Optional(idValue),
    title: Type.String({minLength: 1}),
    subtitle: Type.Optional(Type.String()),
    editors: Type.Optional(Type.Array(person)),
    language: Type.Optional(Type.String({pattern: languagePattern})),
    publisher: Type.Optional(Type.String()),
    rights: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    subjects: Type.Optional(Type.Array(Type.String())),
    date: Type.Optional(dateValue),
    preface: Type.Optional(Type.String()),
    paper: Type.Optional(Type.Enum(['A5', 'A4', 'Letter'])),
    // Its heading is shown: a blank one would title nothing.
    quotedHeading: Type.Optional(Type.String({minLength: 1, pattern: '\\S'})),
    dashes: Type.Optional(Type.Enum(['en', 'em'])),
    // TeX's \hyphenation list: `bu-reau-cracy`; a word without hyphens is never hyphenated.
    hyphenation: Type.Optional(Type.Array(Type.String({minLength: 1, maxLength: 100, pattern: '^[^\\s\\d]+$'}), {maxItems: 10_000})),
    // How the text marks each corrected reading: half brackets around it, a dot in the margin, or nothing.
    correctionMarks: Type.Optional(Type.Enum(['bracket', 'dot', 'none'])),
    citations: Type.Optional(
      Type.Object(
        {
          brackets: Type.Optional(Type.Boolean()),
          pandoc: Type.Optional(Type.Boolean()),
          style: Type.Optional(Type.String({minLength: 1})),
          bibliographyStyle: Type.Optional(Type.String({minLength: 1}))
        },
        {additionalProperties: false}
      )
    ),
    works: Type.Optional(Type.Array(Type.String(), {minItems: 1}))
  },
  extensions
)

// A rule has a `line` or a `pattern` (the `oneOf`); the type says both are optional, the schema that one is there.
const chromeRule = Type.Object(
  {
    line: Type.Optional(Type.String()),
    pattern: Type.Optional(Type.String({minLength: 1, maxLength: 2000})),
    group: Type.Optional(Type.Integer({minimum: 1, maximum: 99})),
    reason: Type.String({minLength: 1}),
    count: Type.Optional(Type.Integer({minimum: 1}))
  },
  {additionalProperties: false, oneOf: [{required: ['line']}, {required: ['pattern']}]}
)

export const manifestSchema = Type.Object(
  {
    sources: Type.Array(
      Type.Object(
        {
          file: Type.String(),
          sha256,
          title: Type.String(),
          publisher: Type.Optional(Type.String()),
          format: Type.Optional(Type.Enum(['text', 'markdown'])),
          url: Type.Optional(urlValue),
          retrieved: Type.Optional(Type.String()),
          rights: Type.Optional(Type.String()),
          chrome: Type.Optional(Type.Array(chromeRule))
        },
        extensions
      )
    )
  },
  {additionalProperties: false}
)
