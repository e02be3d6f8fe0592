import type {Code} from 'mdast'
import {codeColours, codeRuns, type CodeRun} from '@samizdat/model'
import {structChild} from '../structure.js'
import type {Context, State} from '../state.js'
import type {Line, Run, TextStyle} from '../types.js'

/**
 * A code block: monospaced, indented, each source line kept; long lines broken anywhere.
 * Tokens take the colours of the model's highlighting, as on the site and in the EPUB.
 */
export function code(node: Code, state: State, context: Context): void {
  const p = state.struct(context, 'P')
  const struct = structChild(p, 'Code')
  const style: TextStyle = {font: 'mono', size: Math.round(context.size * 0.82 * 4) / 4}
  const inner: Context = {...context, left: context.left + context.size, size: style.size, leading: Math.round(context.leading * 0.86 * 2) / 2}
  const space = state.measure.width(' ', style)
  const lines: Line[] = []
  for (const source of sourceLines(codeRuns(node))) {
    const text = source.map((token) => token.text).join('')
    const indentChars = text.length - text.trimStart().length
    const indent = indentChars * space
    const runs: Run[] = []
    let skip = indentChars
    for (const token of source) {
      const kept = token.text.slice(Math.min(skip, token.text.length))
      skip = Math.max(0, skip - token.text.length)
      if (kept === '') continue
      const colour = token.className ? codeColours[token.className] : undefined
      // Spaces inside a line keep their number (alignment, comments), as no-break spaces.
      const text = kept.replace(/ {2,}/g, (spaces) => '\u00A0'.repeat(spaces.length))
      runs.push({text, style: colour ? {...style, color: colour} : style, struct, lang: context.lang, breaks: 'url'})
    }
    const set = runs.length === 0 ? [] : state.lines(runs, inner, {align: 'ragged', indent, hyphenate: false})
    if (set.length === 0) lines.push({glyphs: [], height: inner.leading, baseline: inner.leading * 0.75, notes: [], anchors: []})
    // One by one: a very long source line sets many lines, too many to spread as arguments.
    for (const line of set) lines.push(line)
  }
  state.space(context.leading * 0.5)
  state.emit(lines, inner)
  state.space(context.leading * 0.5)
}

/** The runs cut at line ends: one list of runs per source line. */
function sourceLines(runs: readonly CodeRun[]): CodeRun[][] {
  const lines: CodeRun[][] = [[]]
  for (const run of runs) {
    run.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([])
      if (part !== '') lines.at(-1)!.push(run.className ? {text: part, className: run.className} : {text: part})
    })
  }
  return lines
}
