/**
 * The schema of `samizdat.config.json` (see config.ts), in a module of its own: TypeBox and Ajv load only when
 * a corpus has a config file, not on every build.
 */
import type {LabelOverrides} from '@samizdat/model'
import {Ajv} from 'ajv'
import Type, {type Static} from 'typebox'

const configSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    formats: Type.Optional(Type.Array(Type.Enum(['html', 'epub', 'pdf']), {minItems: 1, uniqueItems: true})),
    paper: Type.Optional(Type.Enum(['A5', 'A4', 'Letter'])),
    booklet: Type.Optional(Type.Boolean()),
    locale: Type.Optional(Type.String({pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$'})),
    out: Type.Optional(Type.String({minLength: 1})),
    strict: Type.Optional(Type.Boolean()),
    // Checked again, field by field, by the model when it resolves the labels.
    labels: Type.Optional(Type.Unsafe<LabelOverrides>({type: 'object'})),
    metadata: Type.Optional(Type.Record(Type.String(), Type.String()))
  },
  {additionalProperties: false}
)

export type Config = Static<typeof configSchema>

let check: ReturnType<typeof compile> | undefined
function compile() {
  return new Ajv({allErrors: true, strict: true}).compile<Config>(configSchema)
}

/** The validator of a config file's value, compiled on first use. */
export function configCheck(): ReturnType<typeof compile> {
  return (check ??= compile())
}
