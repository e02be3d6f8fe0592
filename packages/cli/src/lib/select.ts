import {UsageError} from '@samizdat/model/errors'

/** Parse a repeatable, comma-separated option (`--format html,epub --format pdf`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  const values = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
  return [...(previous ?? []), ...values]
}

/**
 * The requested values (deduplicated, in the order asked), or all valid ones
 * when none were asked; an unknown value is a usage error naming the valid ones.
 */
export function select(kind: string, requested: readonly string[] | undefined, valid: readonly string[]): string[] {
  if (requested === undefined || requested.length === 0) return [...valid]
  const unknown = requested.filter((value) => !valid.includes(value))
  if (unknown.length > 0) {
    throw new UsageError(`Unknown ${kind}${unknown.length === 1 ? '' : 's'} ${quote(unknown)}; expected ${valid.length === 1 ? '' : 'one of '}${quote(valid)}`)
  }
  return [...new Set(requested)]
}

function quote(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ')
}

/** The corpus, from the argument or `--corpus` (the same, kept for scripts); both and different is a usage error. */
export function corpusArgument(argument: string | undefined, option: string | undefined): string {
  if (argument !== undefined && option !== undefined && argument !== option)
    throw new UsageError(`Two corpora given, "${argument}" and --corpus "${option}"; give one`)
  return argument ?? option ?? 'corpus'
}
