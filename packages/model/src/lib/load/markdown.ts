/** The one Markdown parser of the model: CommonMark + GFM + YAML front matter + TeX math (`$…$`, `$$…$$`). */
import type {Heading, Root, Yaml} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {parseWithinLimits} from '../limits.js'
import {checkMath} from '../math/tex.js'
import {textOf} from '../text.js'
import {cleanTree} from './xml-chars.js'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath).freeze()

/**
 * Parse a Markdown file; syntax extensions only, no transforms but removing characters XML cannot hold (with
 * warnings). Past a limit: an error and a partial tree.
 */
export function parseMarkdown(file: VFile): Root {
  const tree = parseWithinLimits(file, (text) => processor.parse(text))
  cleanTree(tree, file)
  checkMath(tree, file)
  return tree
}

/** The YAML front matter node, when the file starts with one. */
export function frontMatter(tree: Root): Yaml | undefined {
  const first = tree.children[0]
  return first?.type === 'yaml' ? first : undefined
}

/**
 * Take the title from a leading level-1 heading, for files that carry
 * their title in the text rather than in front matter. Removes the heading.
 */
export function takeTitleHeading(tree: Root): string | undefined {
  const index = tree.children.findIndex((node) => node.type !== 'yaml')
  const node = tree.children[index]
  if (node?.type !== 'heading' || (node as Heading).depth !== 1) return undefined
  tree.children.splice(index, 1)
  return textOf(node)
}
