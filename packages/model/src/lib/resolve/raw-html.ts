/**
 * Raw HTML that would swallow the rest of a work. CommonMark ends an HTML
 * block of types 1–5 (`<script>`, `<pre>`, `<style>`, `<textarea>`, `<!--`,
 * `<?`, `<!X`, `<![CDATA[`) only at its end condition: without one, every
 * line after it, to the end of its container, is HTML and no longer text.
 * And an HTML parser puts everything after a `<template>` that never closes
 * into the template, which no output shows. Both are reported with the
 * place they start and how much they take, since nothing may vanish silently.
 */
import type {Html, Nodes, Parent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {walkType} from '../walk.js'
import {warn} from '../message.js'

interface BlockKind {
  start: RegExp
  end: RegExp
  /** How the block is named in the message. */
  name: (match: RegExpExecArray) => string
}

// The start and end conditions of CommonMark 0.31 § 4.6, types 1 to 5, in its order.
const kinds: BlockKind[] = [
  {start: /^ {0,3}<(pre|script|style|textarea)(?=[\t >]|$)/im, end: /<\/(?:pre|script|style|textarea)>/i, name: (m) => `<${(m[1] as string).toLowerCase()}>`},
  {start: /^ {0,3}<!--/, end: /-->/, name: () => '<!--'},
  {start: /^ {0,3}<\?/, end: /\?>/, name: () => '<?'},
  {start: /^ {0,3}<![A-Za-z]/, end: />/, name: () => '<!'},
  {start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, name: () => '<![CDATA['}
]

/** Containers whose `html` children are HTML blocks (elsewhere they are inline HTML). */
const flow = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

export function checkRawHtml(tree: Root, file: VFile): void {
  const templates: Html[] = []
  walkType(tree, 'html', (node: Html, _index, parent: Parent | undefined) => {
    if (parent && flow.has(parent.type)) unclosedBlock(node, file)
    for (const tag of node.value.matchAll(/<(\/?)template(?=[\s/>]|$)/gi)) {
      if (tag[1]) templates.pop()
      else templates.push(node)
    }
  })
  const template = templates[0]
  const start = template?.position?.start.line
  const end = lastLine((tree as Nodes).position?.end)
  if (template && start !== undefined && end !== undefined) {
    const lines = end - start
    warn(
      file,
      `Raw HTML \`<template>\` is never closed: everything after it (${count(lines)}, to line ${end}) is inside it, and no output shows a template`,
      template.position,
      'html-unclosed'
    )
  }
}

function unclosedBlock(node: Html, file: VFile): void {
  const position = node.position
  const last = lastLine(position?.end)
  if (!position || last === undefined || last <= position.start.line) return
  for (const kind of kinds) {
    const match = kind.start.exec(node.value)
    if (!match || match.index !== 0) continue
    if (kind.end.test(node.value)) return
    const lines = last - position.start.line
    warn(
      file,
      `Raw HTML block \`${kind.name(match)}\` is never closed: the ${count(lines)} after it (to line ${last}) are read as HTML, not as text of the work`,
      position,
      'html-unclosed'
    )
    return
  }
}

/** The last line with text: an end at the start of a line (after a final line break) belongs to the line before. */
function lastLine(point: {line: number; column: number} | undefined): number | undefined {
  return point === undefined ? undefined : point.column === 1 && point.line > 1 ? point.line - 1 : point.line
}

function count(lines: number): string {
  return lines === 1 ? '1 line' : `${lines} lines`
}
