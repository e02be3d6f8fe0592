/** The one Markdown parser of the model: CommonMark + GFM + YAML front matter + TeX math (`$…$`, `$$…$$`). */
import type {Heading, Root, Yaml} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {parseWithinLimits} from '../limits.js'
import {visit} from 'unist-util-visit'
import {warn} from '../message.js'
import {checkMath} from '../math/tex.js'
import {textOf} from '../text.js'
import {cleanTree} from './xml-chars.js'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath).freeze()

/**
 * Parse a Markdown file; syntax extensions only, no transforms but removing characters XML cannot hold (with
 * warnings). Past a limit: an error and a partial tree.
 */
export function parseMarkdown(file: VFile): Root {
  // A file of our own for the parser: given a string, unified would ask `process.cwd()` (gone in some hosts).
  const tree = parseWithinLimits(file, (text) => processor.parse(new VFile({cwd: file.cwd, value: text})))
  cleanTree(tree, file)
  checkMath(tree, file)
  return tree
}

/** The YAML front matter node, when the file starts with one. */
export function frontMatter(tree: Root): Yaml | undefined {
  const first = tree.children[0]
  return first?.type === 'yaml' ? first : undefined
}

/** An HTML comment alone (a licence header, an editor's hint): not content, so it does not stand before the title. */
const comment = /^<!--[\s\S]*?-->\s*$/

/**
 * Take the title from a leading level-1 heading (after any front matter and HTML comments), for files that carry
 * their title in the text rather than in front matter. Removes the heading. A heading with no text of its own
 * (a logo: `# [![name](logo.svg)](site)`) is titled by its images' descriptions, else by the file's name, with a
 * warning: an empty title would give an empty `<title>` and contents entry, which EPUB and HTML forbid.
 */
export function takeTitleHeading(tree: Root, file?: VFile): string | undefined {
  const index = tree.children.findIndex((node) => node.type !== 'yaml' && !(node.type === 'html' && comment.test(node.value)))
  const node = tree.children[index]
  if (node?.type !== 'heading' || (node as Heading).depth !== 1) return undefined
  tree.children.splice(index, 1)
  const text = textOf(node)
  if (text !== '') return text
  const alt = imageDescriptions(node)
  const title = alt !== '' ? alt : (file?.stem ?? '')
  if (file && title !== '') {
    warn(
      file,
      `The title heading has no text; the work is titled \`${title}\` from ${alt !== '' ? 'its image description' : 'the file name'}`,
      node.position,
      'title-empty'
    )
  }
  return title === '' ? undefined : title
}

function imageDescriptions(heading: Heading): string {
  const found: string[] = []
  visit(heading, (child) => {
    if ((child.type === 'image' || child.type === 'imageReference') && child.alt) found.push(child.alt.trim())
  })
  return found.filter((alt) => alt !== '').join(' ')
}
