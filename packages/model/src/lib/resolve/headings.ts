/** Give every heading of a tree its edition-wide id, and list the headings. */
import GithubSlugger from 'github-slugger'
import type {Heading, Nodes, Parent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {SKIP, walk, walkType} from '../walk.js'
import {warn} from '../message.js'
import {textOf} from '../text.js'
import type {HeadingEntry} from '../types.js'
import type {IdRegistry} from './ids.js'

export interface HeadingResult {
  headings: HeadingEntry[]
  /** Fragments as the source would have written them (local slugs) and assigned ids -> id. */
  fragments: Map<string, string>
}

/**
 * Shift depths so a body's top headings sit one level under the work's title
 * (a plain Markdown file may use `#` for its sections), then assign ids.
 */
export function identifyHeadings(tree: Root, registry: IdRegistry, minimumDepth = 2): HeadingResult {
  let top = 6
  walkType(tree, 'heading', (node: Heading) => {
    top = Math.min(top, node.depth)
  })
  const shift = Math.max(0, minimumDepth - top)
  const local = new GithubSlugger()
  const headings: HeadingEntry[] = []
  const fragments = new Map<string, string>()
  // A heading inside a footnote is part of the note, not a section of the text: it has an id, but no contents entry
  // (a note is shown beside its mark or at the end, and a contents link into it would have no target in the EPUB).
  const inNotes = new Set<Heading>()
  walkType(tree, 'footnoteDefinition', (definition) => {
    walkType(definition, 'heading', (node: Heading) => {
      inNotes.add(node)
    })
  })
  walkType(tree, 'heading', (node: Heading) => {
    node.depth = Math.min(6, node.depth + shift) as Heading['depth']
    const text = textOf(node).replace(/\s+/g, ' ')
    const id = registry.take(text)
    node.data = {...node.data, id}
    if (!inNotes.has(node)) headings.push({id, depth: node.depth, text})
    fragments.set(local.slug(text), id)
    fragments.set(id, id)
  })
  return {headings, fragments}
}

/**
 * A heading with nothing in it (`#` alone, `### ###`) titles nothing: HTML and EPUB forbid an empty heading, and
 * it would be an empty entry in the contents. It is left out, with a warning. One that holds only an image or
 * raw HTML stays (its image speaks for it).
 */
export function dropEmptyHeadings(tree: Root, file: VFile): void {
  walk(tree, (node: Nodes, index, parent: Parent | undefined) => {
    if (node.type !== 'heading') return undefined
    if (parent === undefined || index === undefined || textOf(node) !== '' || holdsMarkup(node)) return SKIP
    warn(file, `An empty heading (level ${node.depth}) is left out: it has no text to show`, node.position, 'heading-empty')
    parent.children.splice(index, 1)
    return index
  })
}

function holdsMarkup(heading: Heading): boolean {
  let found = false
  walk(heading, (node) => {
    if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html') found = true
  })
  return found
}
