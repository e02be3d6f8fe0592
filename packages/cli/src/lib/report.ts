/**
 * Content messages as a compiler prints them: grouped by file, each headed by
 * one line `file:line:column: severity reason [ruleId]` (the shape editors, CI
 * and `grep` read), then the source line with a caret under the column, then
 * the message's note (a hint) on its own line; a closing count.
 */
import path from 'node:path'
import process from 'node:process'
import type {Corpus} from '@samizdat/model'
import {escapeControls} from '@samizdat/model/errors'
import type {VFileMessage} from 'vfile-message'

type VFile = Corpus['files'][number]

export interface ReportOptions {
  /** Show the source line under each message (default true). */
  source?: boolean | undefined
  /** Colour severities (ANSI); the CLI turns it on for a terminal without `NO_COLOR`. */
  color?: boolean | undefined
  /** How to name a file instead of its path (`<stdin>`). */
  name?: ((file: VFile) => string | undefined) | undefined
}

/**
 * Report every message on `files` (in file order, then by position), paths
 * relative to `cwd`, and a closing count; empty when there are no messages.
 */
export function report(files: readonly VFile[], cwd: string = process.cwd(), options: ReportOptions = {}): string {
  const groups: string[] = []
  let framed = false
  let errors = 0
  let warnings = 0
  const paint = options.color === true ? ansi : plain

  for (const file of files) {
    const name = nameOf(file, cwd, options)
    const lines: string[] = []
    const source = options.source === false ? undefined : sourceLines(file)
    for (const message of sorted(file.messages)) {
      const fatal = message.fatal === true
      if (fatal) errors++
      else warnings++
      const place = message.line ? `:${message.line}:${message.column ?? 1}` : ''
      const severity = fatal ? paint.red('error') : paint.yellow('warning')
      const rule = message.ruleId ? ` [${message.ruleId}]` : ''
      lines.push(`${clean(`${name}${place}:`)} ${severity} ${clean(message.reason)}${clean(rule)}`)
      const shown = source && message.line ? frame(source[message.line - 1], message.line, message.column ?? 1, paint) : []
      if (message.note) shown.push(`  = hint: ${clean(message.note)}`)
      if (shown.length > 0) framed = true
      lines.push(...shown)
    }
    if (lines.length > 0) groups.push(lines.join('\n'))
  }

  if (groups.length === 0) return ''
  // Files apart by a blank line once frames make messages several lines each.
  const joined = groups.join(framed ? '\n\n' : '\n')
  return `${joined}\n${count(errors, 'error')}, ${count(warnings, 'warning')}\n`
}

/** Messages as plain records, for `--json`. */
export function messagesOf(files: readonly VFile[], cwd: string, options: Pick<ReportOptions, 'name'> = {}): MessageRecord[] {
  return files.flatMap((file) =>
    sorted(file.messages).map((message) => ({
      file: nameOf(file, cwd, options),
      line: message.line ?? null,
      column: message.column ?? null,
      endLine: message.place && 'end' in message.place ? message.place.end.line : null,
      endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
      severity: message.fatal === true ? ('error' as const) : ('warning' as const),
      reason: message.reason,
      ruleId: message.ruleId ?? null,
      ...(message.note ? {note: message.note} : {})
    }))
  )
}

export interface MessageRecord {
  file: string
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  severity: 'error' | 'warning'
  reason: string
  ruleId: string | null
  note?: string
}

function nameOf(file: VFile, cwd: string, options: Pick<ReportOptions, 'name'>): string {
  return options.name?.(file) ?? (file.path ? path.relative(cwd, path.resolve(file.cwd, file.path)) || file.path : '<unknown>')
}

function sorted(messages: readonly VFileMessage[]): VFileMessage[] {
  return [...messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

function sourceLines(file: VFile): string[] | undefined {
  // Markdown and YAML are text; an image's bytes have no line to show.
  return typeof file.value === 'string' ? file.value.split(/\r?\n|\r/) : undefined
}

/** Widest stretch of a source line shown; a long line is cut around the column. */
const window = 100

/**
 * `  12 | the source line` and `     |     ^` under the column (1-based, in UTF-16 units as vfile counts them).
 * Controls are shown escaped, as in the message, with the caret moved to match.
 */
function frame(line: string | undefined, number: number, column: number, paint: Paint): string[] {
  if (line === undefined) return []
  let start = 0
  let end = line.length
  if (line.length > window) {
    start = Math.max(0, Math.min(column - 1 - window / 2, line.length - window))
    end = start + window
  }
  const before = (start > 0 ? '…' : '') + clean(line.slice(start, column - 1).replaceAll('\t', ' '))
  const shown = (start > 0 ? '…' : '') + clean(line.slice(start, end).replaceAll('\t', ' ')) + (end < line.length ? '…' : '')
  if (shown.trim() === '') return []
  const gutter = String(number)
  const pad = ' '.repeat(gutter.length)
  return [` ${gutter} | ${shown}`, ` ${pad} | ${' '.repeat([...before].length)}${paint.red('^')}`]
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

interface Paint {
  red(text: string): string
  yellow(text: string): string
}
const plain: Paint = {red: (text) => text, yellow: (text) => text}
const ansi: Paint = {red: (text) => `\u001b[31m${text}\u001b[39m`, yellow: (text) => `\u001b[33m${text}\u001b[39m`}

/**
 * Corpus text (titles, anchors, file names) reaches messages; a terminal must
 * see it, not obey it. C0 and C1 controls (ESC included, and line breaks, so
 * one message stays one line), DEL and the bidirectional controls become
 * visible escapes such as `\x1b` or `\u202e`.
 */
export const clean = escapeControls
