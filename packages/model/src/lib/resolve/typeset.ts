/** Apply house typography to every text of a tree, block by block. */
import type {Nodes, Root} from 'mdast'
import {typography, type TypographyState} from '../typography.js'

/** Nodes whose text is not prose: left untouched. */
const verbatim = new Set(['code', 'inlineCode', 'inlineMath', 'math', 'html', 'yaml', 'definition'])
const leafBlocks = new Set(['paragraph', 'heading', 'tableCell'])

/** The edition's style choices: its parenthetical dash (`dashes` in the edition file). */
interface Style {
  dashes?: 'en' | 'em'
}

function typeset(tree: Root, style: Style): void {
  walk(tree, {previous: ''}, false, style)
}

/** Inside a leaf block every inline node shares the block's state; elsewhere each block starts afresh. */
function walk(node: Nodes, state: TypographyState, inline: boolean, style: Style): void {
  if (node.type === 'text') {
    node.value = typography(node.value, state, style)
    return
  }
  if (verbatim.has(node.type)) {
    // What follows inline code reads as following a word.
    state.previous = node.type === 'inlineCode' || node.type === 'inlineMath' ? 'x' : ''
    return
  }
  if (node.type === 'break') {
    state.previous = '\n'
    return
  }
  if (!('children' in node)) return
  if (node.type === 'citation') titlesInItalics(node)
  const block = leafBlocks.has(node.type)
  for (const child of node.children) {
    walk(child as Nodes, inline || block ? state : {previous: ''}, inline || block, style)
  }
}

/**
 * The bold of a bracket citation (`[**Title**, p. N]`, `[**Op. Cit.**]`) is
 * the source's own mark of the cited work, by the rule that made the node a
 * citation: set as a title is, in italics. Bold elsewhere is left alone: in
 * running prose the same sources bold emphasis (`**not**`) as often as
 * titles, and no rule tells them apart.
 */
function titlesInItalics(citation: Extract<Nodes, {type: 'citation'}>): void {
  citation.children = citation.children.map((child) => (child.type === 'strong' ? {...child, type: 'emphasis'} : child)) as typeof citation.children
}

/**
 * House typography as one decision: `resolveEdition` makes one of these from
 * its options and every text a reader sees (bodies, notes, titles, metadata)
 * goes through it, so `typography: false` cannot be missed in one place.
 */
export interface Typesetter {
  text(text: string): string
  tree(tree: Root): void
}

export function typesetter(enabled: boolean, style: Style = {}): Typesetter {
  return enabled ? {text: (text) => typography(text, {previous: ''}, style), tree: (tree) => typeset(tree, style)} : {text: (text) => text, tree: () => {}}
}
