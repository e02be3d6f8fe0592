/**
 * Limits that keep every step linear and every recursion shallow, whatever
 * the Markdown. The parser (micromark, through remark-parse) is quadratic on
 * deep nesting (`>>>>…`, `- - - …`, `1. 2. 3. …`, `*****a*****`, `[[[[a]]]]`)
 * and overflows the stack past a few thousand levels; it is also quadratic in
 * the number of `]` in one paragraph (its label and GFM footnote look-backs).
 * So the text is scanned first, in one linear pass, and parsed only when
 * within the limits; the tree is then measured without recursion. Whatever
 * crosses a limit is a positioned error and is never parsed or walked.
 */
import type {Nodes, Root} from 'mdast'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {fail} from './message.js'

/**
 * The deepest a Markdown tree may be (the root's children are at depth 1),
 * counting block containers (a list level is two: list and item), inline
 * markup, and raw HTML elements left open. Far below what any adapter's
 * recursion can take (they overflow past a few thousand levels).
 */
export const maxNesting = 100

/** The most `]` one paragraph may hold: the parser's cost grows with their square. */
export const maxBracketsPerParagraph = 1000

/** Elements that never nest (void) or close themselves (optional end tags): not counted as open. */
const selfClosing = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rtc',
  'rp'
])

/**
 * Parse `file` with `parse` unless it crosses a limit. A file that does gets
 * an error, and the tree of the text before the line where the limit is crossed
 * (so its front matter and title are still read), or an empty root.
 */
export function parseWithinLimits(file: VFile, parse: (text: string) => Root): Root {
  const text = String(file.value ?? '')
  const stop = scanText(file, text)
  if (stop === undefined) {
    const tree = parse(text)
    const deep = measureTree(file, tree)
    if (deep === undefined) return tree
    return prefixTree(text, deep, parse)
  }
  return prefixTree(text, stop, parse)
}

/** The tree of the lines before offset `at`, if that much is within limits; else an empty root. */
function prefixTree(text: string, at: number, parse: (text: string) => Root): Root {
  const prefix = text.slice(0, text.lastIndexOf('\n', at - 1) + 1)
  const empty: Root = {type: 'root', children: []}
  if (prefix === '' || scanText(undefined, prefix) !== undefined) return empty
  const tree = parse(prefix)
  return measureTree(undefined, tree) === undefined ? tree : empty
}

/**
 * One pass over the text: container markers at the start of each line,
 * bracket and emphasis nesting and `]` count within each paragraph.
 * Reports the first crossing on `file`; returns its offset, or undefined.
 */
function scanText(file: VFile | undefined, text: string): number | undefined {
  const report = (offset: number, reason: string, rule: string): number => {
    // Lines are counted only now, on the way out.
    if (file) fail(file, reason, location(text).toPoint(offset), rule)
    return offset
  }
  let index = skipFrontMatter(text)
  // Per paragraph: open `[` (their offsets), `]` seen, open emphasis markers (run offsets and lengths).
  let brackets: number[] = []
  let closings = 0
  let emphasis: Array<{at: number; open: number}> = []
  let emphasisOpen = 0
  const length = text.length
  while (index < length) {
    let end = text.indexOf('\n', index)
    if (end === -1) end = length
    // Container markers: `>`, `-`/`*`/`+` and `1.`/`1)` followed by white space.
    let at = index
    let depth = 0
    let markers = 0
    let markerChars = ''
    for (;;) {
      while (at < end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++
      const char = text.charAt(at)
      let next = at
      if (char === '>') next = at + 1
      else if ((char === '-' || char === '*' || char === '+') && isSpaceOrEnd(text, at + 1, end)) next = at + 1
      else {
        let digits = at
        while (digits < end && digits - at < 9 && isDigit(text.charCodeAt(digits))) digits++
        if (digits > at && (text.charAt(digits) === '.' || text.charAt(digits) === ')') && isSpaceOrEnd(text, digits + 1, end)) next = digits + 1
      }
      if (next === at) break
      depth += char === '>' ? 1 : 2
      markers++
      markerChars += markerChars.includes(char) ? '' : char
      // With the paragraph inside, the tree is one level deeper than the markers.
      if (depth + 1 > maxNesting && !isThematicBreak(text, index, end, markerChars)) {
        return report(at, `Nesting too deep: more than ${maxNesting} levels of block quotes and lists`, 'nesting-too-deep')
      }
      at = next
    }
    // A paragraph ends at a blank line (after the markers); a list item, heading, table row or definition starts anew.
    if (isBlank(text, at, end) || depth > markers || startsBlock(text, at, end)) {
      brackets = []
      closings = 0
      emphasis = []
      emphasisOpen = 0
    }
    for (; at < end; at++) {
      const code = text.charCodeAt(at)
      if (code === 92 /* \ */) {
        at++
      } else if (code === 91 /* [ */) {
        brackets.push(at)
      } else if (code === 93 /* ] */) {
        // Only brackets that close nest; an unclosed `[` is plain text.
        if (brackets.length > maxNesting) {
          return report(
            brackets[maxNesting] as number,
            `Nesting too deep: more than ${maxNesting} levels of brackets (links, images, notes)`,
            'nesting-too-deep'
          )
        }
        brackets.pop()
        if (++closings > maxBracketsPerParagraph) {
          return report(
            at,
            `Paragraph too complex: more than ${maxBracketsPerParagraph} \`]\` in one paragraph; split it with a blank line`,
            'paragraph-too-complex'
          )
        }
      } else if (code === 42 /* * */ || code === 95 /* _ */ || code === 126 /* ~ */) {
        let runEnd = at + 1
        while (runEnd < end && text.charCodeAt(runEnd) === code) runEnd++
        const run = runEnd - at
        const before = at > 0 ? text.charCodeAt(at - 1) : 32
        const after = runEnd < end ? text.charCodeAt(runEnd) : 32
        const opens = !isWhite(after)
        const closes = !isWhite(before)
        // `snake_case`: an underscore inside a word neither opens nor closes.
        const intraword = code === 95 && opens && closes && isWordChar(before) && isWordChar(after)
        let left = run
        // Only markers that are later closed nest; an unclosed run is plain text, so check on closing.
        if (closes && !intraword && emphasisOpen > maxNesting) {
          let level = 0
          for (const {at: start, open} of emphasis) {
            if (level + open > maxNesting)
              return report(start + maxNesting - level, `Nesting too deep: more than ${maxNesting} levels of emphasis markers`, 'nesting-too-deep')
            level += open
          }
        }
        if (closes && !intraword) {
          while (left > 0 && emphasis.length > 0) {
            const top = emphasis[emphasis.length - 1] as {at: number; open: number}
            const used = Math.min(left, top.open)
            top.open -= used
            emphasisOpen -= used
            left -= used
            if (top.open === 0) emphasis.pop()
          }
        }
        if (opens && !intraword && left > 0) {
          emphasis.push({at: runEnd - left, open: left})
          emphasisOpen += left
        }
        at = runEnd - 1
      }
    }
    index = end + 1
  }
  return undefined
}

/**
 * The tree's depth, and raw HTML elements left open, measured without
 * recursion. Reports the first node past `maxNesting` on `file` and returns
 * its offset, or undefined when the tree is within limits.
 */
function measureTree(file: VFile | undefined, tree: Root): number | undefined {
  const stack: Array<{node: Nodes; depth: number}> = [{node: tree, depth: 0}]
  // Raw HTML: elements open across the whole file (block HTML) and within a paragraph (inline HTML).
  let blockOpen = 0
  const inlineOpen = new Map<Nodes, number>()
  const parents = new Map<Nodes, Nodes>()
  while (stack.length > 0) {
    const {node, depth} = stack.pop() as {node: Nodes; depth: number}
    let html = 0
    if (node.type === 'html') {
      const parent = parents.get(node)
      const inline = parent !== undefined && parent.type !== 'root' && parent.type !== 'blockquote' && parent.type !== 'listItem'
      const open = Math.max(0, (inline ? (inlineOpen.get(parent) ?? 0) : blockOpen) + openedBy(node.value))
      if (inline) inlineOpen.set(parent, open)
      else blockOpen = open
      html = open
    }
    // Leaves add no recursion; an HTML node stands for the elements it leaves open around what follows.
    if (('children' in node && depth > maxNesting) || (node.type === 'html' && depth - 1 + html > maxNesting)) {
      const start = node.position?.start
      const what = html > 0 ? 'block quotes, lists, inline markup and HTML elements' : 'block quotes, lists and inline markup'
      if (file) fail(file, `Nesting too deep: more than ${maxNesting} levels of ${what}`, start, 'nesting-too-deep')
      return start?.offset ?? 0
    }
    if ('children' in node) {
      // Reversed, so nodes come off the stack in document order (HTML is counted in order).
      for (let index = node.children.length - 1; index >= 0; index--) {
        const child = node.children[index] as Nodes
        if (child.type === 'html') parents.set(child, node)
        stack.push({node: child, depth: depth + 1})
      }
    }
  }
  return undefined
}

/** Start tags minus end tags in a piece of raw HTML (void and self-closing elements aside). */
function openedBy(html: string): number {
  let open = 0
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(\/?)>/g
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    if (selfClosing.has((match[2] as string).toLowerCase()) || match[3] === '/') continue
    open += match[1] === '/' ? -1 : 1
  }
  return open
}

/** Skip a YAML front matter block (`---` … `---`); its lists are YAML, not Markdown. */
function skipFrontMatter(text: string): number {
  if (!/^---[ \t]*\r?\n/.test(text)) return 0
  const close = /\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g
  close.lastIndex = 3
  const match = close.exec(text)
  return match ? match.index + match[0].length : 0
}

/** A heading, a table row, or a definition (`[label]:`, `[^note]:`; labels hold at most 999 characters). */
function startsBlock(text: string, at: number, end: number): boolean {
  const char = text.charAt(at)
  if (char === '#' || char === '|') return true
  if (char !== '[') return false
  const limit = Math.min(end, at + 1001)
  let close = at + 1
  while (close < limit && text.charCodeAt(close) !== 93) close++
  return close < limit && text.charAt(close + 1) === ':'
}

/** `- - - - …` and `* * * …` are thematic breaks, however many markers. */
function isThematicBreak(text: string, at: number, end: number, markers: string): boolean {
  if (markers !== '-' && markers !== '*') return false
  for (let index = at; index < end; index++) {
    const char = text.charAt(index)
    if (char !== markers && char !== ' ' && char !== '\t' && char !== '\r') return false
  }
  return true
}

function isSpaceOrEnd(text: string, at: number, end: number): boolean {
  return at >= end || isWhite(text.charCodeAt(at))
}

function isBlank(text: string, from: number, end: number): boolean {
  for (let index = from; index < end; index++) if (!isWhite(text.charCodeAt(index))) return false
  return true
}

function isWhite(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127
}
