/**
 * Syntax highlighting, decided once for every format: starry-night (GitHub's
 * grammars, run at build time, no client script) turns each fenced code
 * block with a known language into token runs, each with one of GitHub's
 * `pl-*` classes. The site and the EPUB write them as spans styled by
 * `codeStylesheet`; the PDF colours the same runs from `codeColours`.
 * Unknown languages, and code without one, stay plain.
 */
import type {createStarryNight} from '@wooorm/starry-night'
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import type {Code, Root} from 'mdast'
import {walkType} from '../walk.js'

/** A run of code text with one token class (none: plain text). */
export interface CodeRun {
  text: string
  className?: string
}

type StarryNight = Awaited<ReturnType<typeof createStarryNight>>

/** Created on first need: importing the grammars and the regex engine costs half a second, paid only by a book with code. */
let starryNight: Promise<StarryNight> | undefined

/**
 * Highlight every fenced block with a known language in these trees: the
 * runs are kept on the node (`data.codeRuns`), where `codeRuns` finds them.
 */
export async function highlightTrees(trees: readonly Root[]): Promise<void> {
  const blocks: Code[] = []
  for (const tree of trees) walkType(tree, 'code', (node) => void (node.lang ? blocks.push(node) : undefined))
  if (blocks.length === 0) return
  starryNight ??= import('@wooorm/starry-night').then(({common, createStarryNight}) => createStarryNight(common))
  const highlighter = await starryNight
  for (const node of blocks) {
    const scope = highlighter.flagToScope(node.lang as string)
    if (!scope) continue
    const runs = flatten(highlighter.highlight(node.value, scope))
    node.data = {...node.data, codeRuns: runs} as Code['data']
  }
}

/** The runs of a code block: its highlighted tokens, or its text as one plain run. */
export function codeRuns(node: Code): CodeRun[] {
  const runs = (node.data as {codeRuns?: CodeRun[]} | undefined)?.codeRuns
  return Array.isArray(runs) ? runs : [{text: node.value}]
}

/** starry-night nests spans (an escape inside a string): the innermost class wins; touching runs of one class merge. */
function flatten(tree: HastRoot): CodeRun[] {
  const runs: CodeRun[] = []
  const walk = (nodes: readonly ElementContent[], className: string | undefined): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const last = runs.at(-1)
        if (last && last.className === className) last.text += node.value
        else runs.push(className === undefined ? {text: node.value} : {text: node.value, className})
      } else if (node.type === 'element') {
        walk(node.children, classOf(node) ?? className)
      }
    }
  }
  walk(tree.children as ElementContent[], undefined)
  return runs
}

function classOf(node: Element): string | undefined {
  const value = node.properties['className']
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' && known.has(first) ? first : undefined
}

/**
 * Colours per class, from GitHub's light theme ("prettylights"), each darker
 * than 4.5:1 on white and on the site's paper, as WCAG AA asks of text.
 */
export const codeColours: Readonly<Record<string, string>> = {
  'pl-c': '#57606a', // comments
  'pl-c1': '#0550ae', // constants, numbers, attribute names
  'pl-e': '#8a3800', // entities (inherited classes, attributes)
  'pl-en': '#6639ba', // function and class names
  'pl-ent': '#116329', // tags
  'pl-k': '#cf222e', // keywords
  'pl-s': '#0a3069', // strings
  'pl-pds': '#0a3069', // string delimiters
  'pl-sr': '#0a3069', // regular expressions
  'pl-cce': '#0a3069', // character escapes
  'pl-smi': '#1f2328', // variables in scope, plain
  'pl-s1': '#1f2328', // template substitutions
  'pl-v': '#8a3800', // variables, parameters
  'pl-sre': '#116329', // regex operators
  'pl-kos': '#1f2328', // punctuation
  'pl-mi': '#1f2328', // markup italic
  'pl-mb': '#1f2328', // markup bold
  'pl-mh': '#0550ae', // markup headings
  'pl-ml': '#3b2300', // markup lists
  'pl-mi1': '#116329', // diff inserted
  'pl-md': '#82071e', // diff deleted
  'pl-mdr': '#8a3800', // diff range
  'pl-bu': '#82071e', // invalid, broken
  'pl-ii': '#82071e', // invalid, illegal
  'pl-sg': '#57606a', // sublimelinter gutter mark
  'pl-corl': '#0a3069', // URLs
  'pl-ba': '#57606a', // broken, deprecated
  'pl-mo': '#1f2328', // meta output
  'pl-mc': '#8a3800', // markup changed
  'pl-ms': '#1f2328' // meta separator
}

const known = new Set(Object.keys(codeColours))

/** The rules for the site and the EPUB: one per class, colour only (the reading system keeps the rest). */
export function codeStylesheet(): string {
  return Object.entries(codeColours)
    .map(([name, colour]) => `pre .${name} { color: ${colour}; }`)
    .join('\n')
}
