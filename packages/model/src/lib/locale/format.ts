/**
 * Dates as readers read them, in the labels' language: `Intl` decides the
 * month names and the order, always in UTC so that a build does not depend on
 * where it runs.
 */

const isoDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/**
 * A date for readers in `language`: a `Date` as its day (`6 March 1918`);
 * an ISO 8601 string as precise as it is written (`1918`, `March 1918`,
 * `6 March 1918`), an interval `start/end` as a range (`6–8 mars 1918`).
 * Anything else (a date-time, a malformed value) is returned as written.
 */
export function formatDate(date: Date | string, language: string): string {
  if (date instanceof Date) return dayFormat(language, 'day').format(date)
  const parts = date.split('/')
  const parsed = parts.map(parseIso)
  const [start, end] = parsed
  if (!start || parsed.some((part) => part === undefined) || parts.length > 2) return date
  if (!end) return dayFormat(language, start.precision).format(start.date)
  if (end.precision === start.precision) return tight(dayFormat(language, start.precision).formatRange(start.date, end.date))
  return `${dayFormat(language, start.precision).format(start.date)}–${dayFormat(language, end.precision).format(end.date)}`
}

type Precision = 'year' | 'month' | 'day'

function parseIso(text: string): {date: Date; precision: Precision} | undefined {
  const match = isoDate.exec(text)
  if (!match) return undefined
  const [, year, month, day] = match
  const date = new Date(0)
  date.setUTCFullYear(Number(year), Number(month ?? '01') - 1, Number(day ?? '01'))
  return {date, precision: day ? 'day' : month ? 'month' : 'year'}
}

// One formatter per language and precision: making one costs more than formatting many dates with it.
const dayFormats = new Map<string, Intl.DateTimeFormat>()

function dayFormat(language: string, precision: Precision): Intl.DateTimeFormat {
  const key = `${precision} ${language}`
  let format = dayFormats.get(key)
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions = {year: 'numeric', timeZone: 'UTC'}
    if (precision !== 'year') options.month = 'long'
    if (precision === 'day') options.day = 'numeric'
    format = new Intl.DateTimeFormat(language, options)
    dayFormats.set(key, format)
  }
  return format
}

/** `6 – 8 March 1918` as printed books have it, `6–8 March 1918`; a dash between two multi-word dates keeps its spaces. */
function tight(range: string): string {
  const parts = range.split(/\s–\s/)
  if (parts.length !== 2) return range
  const [left, right] = parts as [string, string]
  return !/\s/.test(left) || !/\s/.test(right) ? `${left}–${right}` : range
}

/**
 * A range of pages `first`–`last` as the language prints it. English follows the Chicago Manual of Style
 * (17th ed., 9.64): under 100 or from a multiple of 100, every digit (`71–72`, `100–104`); from 101–109 of a
 * hundred, only the digits that change (`101–8`, `1103–4`); otherwise two digits at least (`321–28`,
 * `1087–89`), all four when three of four change (`1496–1500`). Other languages (French) write both in full.
 * Anything but two arabic numbers in order (roman pages) is written in full.
 */
export function formatPageRange(first: string, last: string, language: string): string {
  const full = `${first}–${last}`
  if (!/^en\b/i.test(language) || !/^\d+$/.test(first) || !/^\d+$/.test(last)) return full
  const [from, to] = [Number(first), Number(last)]
  if (from < 100 || from % 100 === 0 || to <= from || first.length !== last.length) return full
  let same = 0
  while (first[same] === last[same]) same++
  const changed = last.length - same
  const keep = from % 100 < 10 ? changed : changed === 3 && last.length === 4 ? 4 : Math.max(2, changed)
  return `${first}–${last.slice(last.length - keep)}`
}
