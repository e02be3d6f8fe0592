/**
 * Dates are parsed once, here, strictly: ISO 8601 as the corpus writes it
 * (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a date-time with its zone) and, where a
 * field allows it, an interval `start/end`. Anything else is a content error
 * with a hint; no adapter parses a date string again (time zones and locales
 * would creep in).
 */
import type {VFile} from 'vfile'
import {fail, type Place} from '../message.js'

export interface ParsedDate {
  /** The value as written (numbers, e.g. a YAML `1921`, as their digits). */
  text: string
  /** The start of the (first) date, in UTC. */
  start: Date
}

type DateResult = ParsedDate | {problem: string}

const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const expected = 'expected an ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ'

/** Parse a date field; `interval` allows `start/end`. */
function parseDate(value: unknown, interval = false): DateResult {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 9999) value = String(value).padStart(4, '0')
  if (typeof value !== 'string') return {problem: expected}
  // `03/08/1921` is a day and month in some order, not an interval.
  if (/^\d{1,2}[./]\d{1,2}[./]\d{4}$/.test(value.trim())) return {problem: expected + hint(value)}
  const parts = value.split('/')
  if (parts.length > 2 || (parts.length === 2 && !interval)) {
    return {problem: interval ? `${expected}, or an interval of two such dates (start/end)` : `${expected} (an interval is not allowed here)`}
  }
  const dates: Date[] = []
  for (const part of parts) {
    const date = parseOne(part)
    if (typeof date === 'string') return {problem: date}
    dates.push(date)
  }
  const [start, end] = dates
  if (!start) return {problem: expected}
  if (end && end.getTime() < start.getTime()) return {problem: 'the interval ends before it starts'}
  return {text: value, start}
}

function parseOne(text: string): Date | string {
  const match = datePattern.exec(text)
  if (!match) return `${expected}${hint(text)}`
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match
  const numbers = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number]
  const [y, mo, d, h, mi, s] = numbers
  if (mo < 1 || mo > 12) return `the month ${month} does not exist`
  const utc = new Date(0)
  utc.setUTCFullYear(y, mo - 1, d)
  if (utc.getUTCMonth() !== mo - 1 || d < 1) return `${year}-${month} has no day ${day}`
  if (h > 23 || mi > 59 || s > 59) return `the time ${hour}:${minute}:${second} does not exist`
  let offset = 0
  if (zone !== 'Z') {
    const zoneHours = Number(zone.slice(1, 3))
    const zoneMinutes = Number(zone.slice(4, 6))
    if (zoneHours > 14 || zoneMinutes > 59) return `the time zone ${zone} does not exist`
    offset = (zone.startsWith('-') ? -1 : 1) * (zoneHours * 60 + zoneMinutes)
  }
  utc.setUTCHours(h, mi - offset, s, Number((fraction + '000').slice(0, 3)))
  return utc
}

/** `March 1921` → `; use 1921-03`: the ISO form of a free-form date, when it is plain enough to guess. */
function hint(text: string): string {
  const words = /^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]{3,})\.?,?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})$/.exec(text.trim())
  if (words) {
    const month = months.indexOf((words[2] as string).slice(0, 3).toLowerCase())
    if (month >= 0) {
      const day = words[1] ?? words[3]
      const iso = `${words[4]}-${String(month + 1).padStart(2, '0')}${day ? '-' + day.padStart(2, '0') : ''}`
      return `; use ${iso}`
    }
  }
  const european = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text.trim())
  if (european) return `; write it as YYYY-MM-DD (day and month order is ambiguous in \`${text}\`)`
  return ''
}

/** Parse a date field of `file`; a bad one is an error at `place` and gives `undefined`. */
export function dateField(file: VFile, value: unknown, place: Place, what: string, interval = false): ParsedDate | undefined {
  const result = parseDate(value, interval)
  if ('problem' in result) {
    fail(file, `Malformed date \`${String(value)}\` in ${what}: ${result.problem}`, place, 'date-invalid')
    return undefined
  }
  return result
}
