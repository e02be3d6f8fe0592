/**
 * A body that opens by repeating its work's title (front matter `title:` and
 * a `# Title` in the text) would show the title twice in every format: the
 * heading is dropped here, once, so adapters only render the title they are given.
 */
import {slug} from 'github-slugger'
import type {Heading, Root} from 'mdast'
import {textOf} from '../text.js'

/** Drop the body's first block when it is a heading (any depth) whose text is the title; returns its local slug. */
export function dropRepeatedTitle(tree: Root, title: string): string | undefined {
  const first = tree.children[0]
  if (first?.type !== 'heading') return undefined
  const wanted = comparable(title)
  const text = textOf(first as Heading)
  if (wanted === '' || comparable(text) !== wanted) return undefined
  tree.children.shift()
  return slug(text.replace(/\s+/g, ' '))
}

/** Letters and digits only, case folded: the same title typed with other quotes, dashes or emphasis still matches. */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}
