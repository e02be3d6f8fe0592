/**
 * The corpus and apparatus files' validators, compiled ahead of time from the
 * schemas (schema.ts, apparatus/schema.ts) by `pnpm validators`: Ajv and
 * TypeBox are not loaded nor a schema compiled when a build starts. Ajv's
 * errors become positioned vfile messages.
 */
import type {ErrorObject} from 'ajv'
import type {Static, TSchema} from 'typebox'
import type {VFile} from 'vfile'
import type {AnnotationEntry, annotationsSchema, bibliographySchema, personsSchema, timelineSchema} from '../apparatus/schema.js'
import {fail} from '../message.js'
import type {editionSchema, manifestSchema, workSchema} from './schema.js'
import * as compiled from './validators.generated.js'
import type {YamlResult} from './yaml.js'

/** What `validate` needs of a parsed YAML value: the value and where its parts are written. */
export type Located = Pick<YamlResult, 'value' | 'locate' | 'locateKey'>

/** A compiled validator, as Ajv's standalone code makes it. */
interface Check {
  (value: unknown): boolean
  errors?: ErrorObject[] | null
}

/**
 * A validator: it returns the value typed by the schema, or undefined after recording every violation as an error
 * on `file` at the offending value.
 */
function validator<T>(check: Check): (file: VFile, yaml: Located, what: string) => T | undefined {
  return (file, yaml, what) => {
    const value = yaml.value ?? {}
    if (check(value)) return value as T
    report(file, yaml, check.errors ?? [], what)
    return undefined
  }
}

type Valid<S extends TSchema> = Static<S>

export const validateWork = validator<Valid<typeof workSchema>>(compiled.work as Check)
export const validateEdition = validator<Valid<typeof editionSchema>>(compiled.edition as Check)
export const validateManifest = validator<Valid<typeof manifestSchema>>(compiled.manifest as Check)
export const validateAnnotations = validator<Valid<typeof annotationsSchema>>(compiled.annotations as Check)
export const validateAnnotation = validator<AnnotationEntry>(compiled.annotation as Check)
export const validatePersons = validator<Valid<typeof personsSchema>>(compiled.persons as Check)
export const validateTimeline = validator<Valid<typeof timelineSchema>>(compiled.timeline as Check)
export const validateBibliography = validator<Valid<typeof bibliographySchema>>(compiled.bibliography as Check)

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
      // `\S`: a value that must show something (a heading); a regular expression means nothing to most authors.
      if (params['pattern'] === '\\S') return `Blank value in ${what}${where(error)}: it must hold some text`
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
