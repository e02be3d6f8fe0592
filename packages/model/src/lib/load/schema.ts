/**
 * JSON Schemas of the corpus files and one validator that turns Ajv's
 * errors into positioned vfile messages.
 */
import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import type {VFile} from 'vfile'
import {fail} from '../message.js'
import type {YamlResult} from './yaml.js'

const idPattern = '^[A-Za-z0-9][A-Za-z0-9._-]*$'
// Ids name output files and pages: short enough for any file system.
const idValue = {type: 'string', pattern: idPattern, maxLength: 100}
const languagePattern = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$'
// An absolute http(s) URL that parses (`https://` alone does not).
const urlValue = {type: 'string', format: 'http-url'}
const dateValue = {type: ['string', 'number']}
const creatorRoles = ['aut', 'edt', 'trl', 'ctb', 'aui', 'pbl']

const namedPerson = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: {type: 'string', minLength: 1},
    fileAs: {type: 'string'},
    role: {enum: creatorRoles}
  }
}
const person = {anyOf: [{type: 'string', minLength: 1}, namedPerson]}
const extensions = {'^x-': {}}

export const workSchema = {
  type: 'object',
  required: ['title'],
  additionalProperties: false,
  patternProperties: extensions,
  properties: {
    id: idValue,
    title: {type: 'string', minLength: 1},
    subtitle: {type: 'string'},
    authors: {type: 'array', items: person},
    contributors: {type: 'array', items: person},
    date: dateValue,
    publicationHistory: {
      type: 'array',
      items: {
        type: 'object',
        required: ['date', 'event'],
        additionalProperties: false,
        properties: {date: dateValue, event: {type: 'string'}, source: {type: 'string'}}
      }
    },
    language: {type: 'string', pattern: languagePattern},
    description: {type: 'string'},
    source: {
      type: 'object',
      required: ['file', 'sha256'],
      additionalProperties: false,
      properties: {file: {type: 'string'}, sha256: {type: 'string', pattern: '^[0-9a-f]{64}$'}}
    },
    rights: {type: 'string'},
    url: urlValue,
    baseUrl: urlValue,
    anchors: {type: 'object', additionalProperties: {type: 'string'}}
  }
} as const

export const editionSchema = {
  type: 'object',
  required: ['title'],
  additionalProperties: false,
  patternProperties: extensions,
  properties: {
    id: idValue,
    title: {type: 'string', minLength: 1},
    subtitle: {type: 'string'},
    editors: {type: 'array', items: person},
    language: {type: 'string', pattern: languagePattern},
    publisher: {type: 'string'},
    rights: {type: 'string'},
    description: {type: 'string'},
    subjects: {type: 'array', items: {type: 'string'}},
    date: dateValue,
    preface: {type: 'string'},
    paper: {enum: ['A5', 'A4', 'Letter']},
    quotedHeading: {type: 'string'},
    citations: {
      type: 'object',
      additionalProperties: false,
      properties: {brackets: {type: 'boolean'}, pandoc: {type: 'boolean'}, style: {type: 'string', minLength: 1}}
    },
    works: {type: 'array', items: {type: 'string'}, minItems: 1}
  }
} as const

const chromeRule = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  oneOf: [{required: ['line']}, {required: ['pattern']}],
  properties: {
    line: {type: 'string'},
    pattern: {type: 'string', minLength: 1, maxLength: 2000},
    group: {type: 'integer', minimum: 1, maximum: 99},
    reason: {type: 'string', minLength: 1},
    count: {type: 'integer', minimum: 1}
  }
}

export const manifestSchema = {
  type: 'object',
  required: ['sources'],
  additionalProperties: false,
  properties: {
    sources: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file', 'sha256', 'title'],
        additionalProperties: false,
        patternProperties: extensions,
        properties: {
          file: {type: 'string'},
          sha256: {type: 'string', pattern: '^[0-9a-f]{64}$'},
          title: {type: 'string'},
          publisher: {type: 'string'},
          format: {enum: ['text', 'markdown']},
          url: urlValue,
          retrieved: {type: 'string'},
          rights: {type: 'string'},
          chrome: {type: 'array', items: chromeRule}
        }
      }
    }
  }
} as const

// strictRequired is off: `oneOf: [{required: [line]}, …]` names properties declared one level up.
const ajv = new Ajv({allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true})
ajv.addFormat('http-url', {type: 'string', validate: (value: string) => /^https?:\/\//i.test(value) && URL.canParse(value)})
const compiled = new Map<object, ValidateFunction>()

/**
 * Validate `yaml.value` against `schema`; every violation becomes an error
 * on `file` at the offending value. Returns whether the value is valid.
 */
export function validate(file: VFile, yaml: YamlResult, schema: object, what: string): boolean {
  let check = compiled.get(schema)
  if (!check) {
    check = ajv.compile(schema)
    compiled.set(schema, check)
  }
  if (check(yaml.value ?? {})) return true
  for (const error of prune(check.errors ?? [])) {
    const path = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')))
    const place = error.keyword === 'additionalProperties'
      ? yaml.locateKey(path, String((error.params as {additionalProperty: string}).additionalProperty))
      : yaml.locate(path)
    fail(file, describe(error, what), place, ruleFor(error))
  }
  return false
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
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return `Missing required field \`${String(params['missingProperty'])}\` in ${what}${where(error)}`
    case 'additionalProperties':
      return `Unknown field \`${String(params['additionalProperty'])}\` in ${what}${where(error)}`
    case 'enum':
      return `Unexpected value in ${what}${where(error)}: expected one of ${(params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`
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
