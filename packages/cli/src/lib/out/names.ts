/**
 * Entry names, checked before anything is written: each must be a plain name
 * that any disk can hold, and no two may land on the same place, even on a
 * case-insensitive disk (out may be one: macOS, Windows, a USB stick).
 */

/** One top-level entry of `out` a build wants to write. */
export interface Planned {
  edition: string
  format: string
  /** `id/` for a folder, `id.epub` for a file. */
  entry: string
}

/** A problem with one planned entry, in words. */
export interface NameProblem {
  planned: Planned
  reason: string
  ruleId: 'output-name' | 'output-collision'
}

/** Why `name` cannot be an entry of `out`, or undefined when it can. */
export function badName(name: string): string | undefined {
  if (name === '') return 'it is empty'
  if (name.startsWith('.')) return "it starts with a dot (hidden, and reserved for samizdat's own files)"
  if (/[/\\]/.test(name)) return 'it holds a slash or a backslash'
  // Controls, and what Windows or FAT refuse in a name.
  if (/[\u0000-\u001f\u007f-\u009f:*?"<>|]/u.test(name)) return 'it holds a control character or one of : * ? " < > |'
  if (/[. ]$/.test(name)) return 'it ends with a dot or a space'
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) return 'it is a device name on Windows'
  if (Buffer.byteLength(name) > 200) return 'it is longer than 200 bytes'
  return undefined
}

/** Where two names would be the same file on a case- or normalisation-insensitive disk. */
function key(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

/** Every problem with the planned entries: bad names, then collisions (each reported on both sides). */
export function checkNames(planned: readonly Planned[]): NameProblem[] {
  const problems: NameProblem[] = []
  const seen = new Map<string, Planned>()
  for (const item of planned) {
    const name = item.entry.endsWith('/') ? item.entry.slice(0, -1) : item.entry
    const bad = badName(name)
    if (bad) {
      // Once per edition: its other entries have the same fault.
      if (!problems.some((problem) => problem.ruleId === 'output-name' && problem.planned.edition === item.edition)) {
        problems.push({planned: item, ruleId: 'output-name', reason: `Edition id "${item.edition}" cannot name an output entry ("${item.entry}"): ${bad}`})
      }
      continue
    }
    const other = seen.get(key(name))
    if (other === undefined) {
      seen.set(key(name), item)
      continue
    }
    problems.push({planned: item, ruleId: 'output-collision', reason: collision(item, other)})
    if (!problems.some((problem) => problem.planned === other)) problems.push({planned: other, ruleId: 'output-collision', reason: collision(other, item)})
  }
  return problems
}

function collision(a: Planned, b: Planned): string {
  const strip = (entry: string): string => entry.replace(/\/$/, '')
  const same =
    a.entry === b.entry
      ? 'is also written'
      : strip(a.entry) === strip(b.entry)
        ? `is the same path as "${b.entry}", written`
        : `is the same path as "${b.entry}" on a case-insensitive disk, written`
  return `Output entry "${a.entry}" (${a.format} of edition "${a.edition}") ${same} by the ${b.format} of edition "${b.edition}"; rename one of the editions`
}
