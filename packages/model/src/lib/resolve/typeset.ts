/** Apply house typography to every text of a tree, block by block. */
import type {Nodes, Root} from 'mdast'
import {typography, type TypographyState} from '../typography.js'

/** Nodes whose text is not prose: left untouched. */
const verbatim = new Set(['code', 'inlineCode', 'html', 'yaml', 'definition'])

export function typeset(tree: Root): void {
  walk(tree, {previous: ''})
}

function walk(node: Nodes, state: TypographyState): void {
  if (node.type === 'text') {
    node.value = typography(node.value, state)
    return
  }
  if (verbatim.has(node.type)) {
    // What follows inline code reads as following a word.
    state.previous = node.type === 'inlineCode' ? 'x' : ''
    return
  }
  if (node.type === 'break') {
    state.previous = '\n'
    return
  }
  if (!('children' in node)) return
  const phrasing = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell'
  for (const child of node.children) {
    // Each block starts afresh; inline children share their block's state.
    walk(child as Nodes, phrasing || isInline(child as Nodes) ? state : {previous: ''})
  }
}

function isInline(node: Nodes): boolean {
  return node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete' || node.type === 'link' || node.type === 'linkReference'
}
