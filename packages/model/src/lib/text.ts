/**
 * Plain text of mdast trees, with block boundaries kept (unlike
 * `mdast-util-to-string`, which runs paragraphs together).
 * Used by fidelity and by the adapters' content-parity tests.
 */
import type {Nodes, Root} from 'mdast'

const blockTypes = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'list',
  'listItem',
  'code',
  'math',
  'table',
  'tableRow',
  'tableCell',
  'thematicBreak',
  'footnoteDefinition',
  'root'
])

/** Plain text of a node: inline text joined as written, blocks separated by a blank line. */
export function textOf(node: Nodes): string {
  const parts: string[] = []
  collect(node, parts)
  return parts
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function collect(node: Nodes, parts: string[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'inlineMath':
    case 'code':
    case 'math':
      parts.push(node.value)
      return
    case 'break':
      parts.push('\n')
      return
    case 'image':
      parts.push(node.alt ?? '')
      return
    case 'html':
    case 'yaml':
    case 'definition':
      return
    default:
  }
  if ('children' in node) {
    for (const child of node.children) {
      collect(child as Nodes, parts)
      // Table cells sit side by side: a space; other blocks: a blank line.
      if (child.type === 'tableCell') parts.push(' ')
      else if (blockTypes.has(child.type)) parts.push('\n\n')
    }
  }
}

export interface TextBlock {
  /** `heading`, `paragraph`, `code` or `tableCell`. */
  type: 'heading' | 'paragraph' | 'code' | 'tableCell'
  text: string
  depth?: number
}

/**
 * The leaf blocks of a tree in reading order, with their text:
 * what an adapter must show, one entry per heading, paragraph, code block and table cell.
 */
export function blocksOf(tree: Root | Nodes): TextBlock[] {
  const blocks: TextBlock[] = []
  walk(tree)
  return blocks

  function walk(node: Nodes): void {
    if (node.type === 'heading') {
      blocks.push({type: 'heading', text: flat(node), depth: node.depth})
    } else if (node.type === 'paragraph' || node.type === 'code' || node.type === 'tableCell') {
      blocks.push({type: node.type, text: flat(node)})
    } else if ('children' in node) {
      for (const child of node.children) walk(child as Nodes)
    }
  }
}

/** Text with whitespace runs collapsed: what a reader sees, independent of line wrapping. */
function flat(node: Nodes): string {
  return textOf(node).replace(/\s+/g, ' ').trim()
}
