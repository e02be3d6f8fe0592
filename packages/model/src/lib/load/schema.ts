/**
 * JSON Schemas of the corpus files and one validator that turns Ajv's
 * errors into positioned vfile messages.
 */
import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import Type, {type Static, type TSchema} from 'typebox'
import type {VFile} from 'vfile'
import {fail} from '../message.js'
import type {YamlResult} from './yaml.js'

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

const editionSchema = Type.Object(
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
    quotedHeading: Type.Optional(Type.String()),
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

const manifestSchema = Type.Object(
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

// strictRequired is off: `oneOf: [{required: [line]}, …]` names properties declared one level up.
const ajv = new Ajv({allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true})
ajv.addFormat('http-url', {type: 'string', validate: (value: string) => /^https?:\/\//i.test(value) && URL.canParse(value)})

/** What `validate` needs of a parsed YAML value: the value and where its parts are written. */
export type Located = Pick<YamlResult, 'value' | 'locate' | 'locateKey'>

/**
 * A validator for `schema`, compiled on first use: it returns the value typed by the schema, or
 * undefined after recording every violation as an error on `file` at the offending value.
 */
export function validator<S extends TSchema>(schema: S): (file: VFile, yaml: Located, what: string) => Static<S> | undefined {
  let check: ValidateFunction<Static<S>> | undefined
  return (file, yaml, what) => {
    check ??= ajv.compile<Static<S>>(schema)
    const value = yaml.value ?? {}
    if (check(value)) return value
    report(file, yaml, check.errors ?? [], what)
    return undefined
  }
}

export const validateWork = validator(workSchema)
export const validateEdition = validator(editionSchema)
export const validateManifest = validator(manifestSchema)

function report(file: VFile, yaml: Located, errors: ErrorObject[], what: string): void {
  for (const error of prune(errors)) {
    const path = error.instancePath
      .split('/')
      .slice(1)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')))
    const place = error.keyword === 'additionalProperties' ? yaml.locateKey(path, String(error.params['additionalProperty'])) : yaml.locate(path)
    fail(file, describe(error, what), place, ruleFor(error))
  }
}

/** Drop the noise of `anyOf`/`oneOf` branches when a plainer error says the same. */
function prune(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>()
  const kept: ErrorObject[] = []
  for (const error of errors) {
    // An `if` failing says only that its `then` did: the `then`'s own error says what.
    if (error.keyword === 'if') continue
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      if (errors.some((other) => other !== error && other.instancePath === error.instancePath && other.keyword === 'required')) continue
    }
    const key = `${error.instancePath} ${error.keyword}`
    if (seen.has(key) && error.keyword !== 'additionalProperties' && error.keyword !== 'required') continue
    seen.add(key)
    kept.push(error)
  }
  return kept
}

function where(error: ErrorObject): string {
  return error.instancePath === '' ? '' : ` at \`${error.instancePath.slice(1).replace(/\//g, '.')}\``
}

function describe(error: ErrorObject, what: string): string {
  const params = error.params
  switch (error.keyword) {
    case 'required':
      return `Missing required field \`${String(params['missingProperty'])}\` in ${what}${where(error)}`
    case 'additionalProperties':
      return `Unknown field \`${String(params['additionalProperty'])}\` in ${what}${where(error)}`
    case 'enum':
      return `Unexpected value in ${what}${where(error)}: expected one of ${[params['allowedValues']]
        .flat()
        .map((value) => JSON.stringify(value))
        .join(', ')}`
    case 'format':
      return `Malformed value in ${what}${where(error)}: expected an absolute http(s) URL`
    case 'maxLength':
      return `Value too long in ${what}${where(error)}: at most ${String(params['limit'])} characters`
    case 'pattern':
      return `Malformed value in ${what}${where(error)}: must match ${String(params['pattern'])}`
    case 'type':
      return `Wrong type in ${what}${where(error)}: expected ${String(params['type'])}`
    default:
      return `Invalid ${what}${where(error)}: ${error.message ?? error.keyword}`
  }
}

function ruleFor(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'field-missing'
    case 'additionalProperties':
      return 'field-unknown'
    default:
      return 'field-invalid'
  }
}
