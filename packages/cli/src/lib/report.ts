/**
 * Content messages as one line each, `file:line:column: severity reason [ruleId]`:
 * the shape compilers use, so editors and CI annotate the exact place
 * and `grep` finds a rule.
 */
import path from 'node:path'
import process from 'node:process'
import type {Corpus} from '@samizdat/model'
import {escapeControls} from '@samizdat/model/errors'

type VFile = Corpus['files'][number]

/**
 * Report every message on `files` (in file order, then by position), paths
 * relative to `cwd`, and a closing count; empty when there are no messages.
 */
export function report(files: readonly VFile[], cwd: string = process.cwd()): string {
  const lines: string[] = []
  let errors = 0
  let warnings = 0

  for (const file of files) {
    const name = file.path ? path.relative(cwd, path.resolve(file.cwd, file.path)) || file.path : '<unknown>'
    const messages = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    for (const message of messages) {
      if (message.fatal === true) errors++
      else warnings++
      const place = message.line ? `:${message.line}:${message.column ?? 1}` : ''
      const severity = message.fatal === true ? 'error' : 'warning'
      const rule = message.ruleId ? ` [${message.ruleId}]` : ''
      lines.push(clean(`${name}${place}: ${severity} ${message.reason}${rule}`))
    }
  }

  if (lines.length === 0) return ''
  lines.push(`${count(errors, 'error')}, ${count(warnings, 'warning')}`)
  return lines.join('\n') + '\n'
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/**
 * Corpus text (titles, anchors, file names) reaches messages; a terminal must
 * see it, not obey it. C0 and C1 controls (ESC included, and line breaks, so
 * one message stays one line), DEL and the bidirectional controls become
 * visible escapes such as `\x1b` or `\u202e`.
 */
export const clean = escapeControls
