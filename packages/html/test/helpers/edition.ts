/**
 * A resolved edition built by hand from the Markdown in `../fixtures/edition/`,
 * doing what the model's resolver does for the adapter: heading ids (edition-
 * wide GitHub slugs), link targets, a table of contents.
 */
import {readFileSync} from 'node:fs'
import GithubSlugger from 'github-slugger'
import type {Heading, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import type {ResolvedEdition, ResolvedWork, TocEntry, WorkMeta} from '@samizdat/model'

const folder = new URL('../fixtures/edition/', import.meta.url)

export function parse(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm)
  // remark-gfm's transforms keep the root a root.
  return processor.runSync(processor.parse(markdown)) as Root
}

/** Give headings ids and resolve `x.md#id`, `#id` and absolute links, as the model does. */
export function resolve(tree: Root, work: string, slugger: GithubSlugger): Array<{id: string; depth: number; text: string}> {
  const headings: Array<{id: string; depth: number; text: string}> = []
  visit(tree, 'heading', (node: Heading) => {
    const id = slugger.slug(toString(node))
    node.data = {...node.data, id, hProperties: {id}}
    headings.push({id, depth: node.depth, text: toString(node)})
  })
  visit(tree, 'link', (node) => {
    const internal = /^(?:([\w-]+)\.md)?(?:#(.+))?$/.exec(node.url)
    if (internal && (internal[1] || internal[2])) {
      const target = {work: internal[1] ?? work, id: internal[2] ?? internal[1] ?? work}
      node.url = '#' + target.id
      node.data = {...node.data, target}
    } else if (/^https?:/.test(node.url)) {
      node.data = {...node.data, external: true}
    }
  })
  return headings
}

const works: Array<Pick<WorkMeta, 'id' | 'title' | 'language'> & Partial<WorkMeta>> = [
  {
    id: 'alpha',
    title: 'A letter on the common rules',
    language: 'en',
    creators: [{name: 'Ann Example', role: 'aut'}, {name: 'Ben Example', role: 'trl'}],
    date: '1740',
    description: 'A letter setting out the rules of a common pasture.',
    rights: 'Written for the tests of this project.',
    url: 'https://example.org/alpha',
    publicationHistory: [{date: '1740-05-01', event: 'Read out at the parish meeting.', source: 'Parish book'}]
  },
  {id: 'beta', title: 'Eine Antwort', subtitle: 'Brief an die Gemeinde', language: 'de', creators: [{name: 'Cora Beispiel', role: 'aut'}]},
  {id: 'gamma', title: 'Hostile markup', language: 'en'}
]

export function fixtureEdition(): ResolvedEdition {
  const slugger = new GithubSlugger()
  for (const id of ['title-page', 'preface', 'contents', ...works.map((w) => w.id)]) slugger.slug(id)

  const preface = parse(readFileSync(new URL('preface.md', folder), 'utf8'))
  resolve(preface, 'preface', slugger)

  const resolved: ResolvedWork[] = works.map((partial) => {
    const tree = parse(readFileSync(new URL(partial.id + '.md', folder), 'utf8'))
    const headings = resolve(tree, partial.id, slugger)
    const meta: WorkMeta = {creators: [], publicationHistory: [], anchors: {}, ...partial}
    return {meta, id: partial.id, tree, headings, file: new VFile({path: partial.id + '.md'})}
  })

  return {
    meta: {
      id: 'commons',
      title: 'Letters on the Commons',
      subtitle: 'A test edition',
      creators: [{name: 'The Test Editors', role: 'edt'}, {name: 'Ann Example', role: 'aut'}, {name: 'Cora Beispiel', role: 'aut'}],
      language: 'en',
      publisher: 'Samizdat',
      rights: 'CC0',
      subjects: [],
      sources: [{work: 'alpha', title: 'The parish book', url: 'https://example.org/parish-book', file: 'alpha.txt', sha256: '0'.repeat(64)}]
    },
    preface: {id: 'preface', title: 'About this edition', tree: preface},
    works: resolved,
    toc: resolved.map((work) => ({
      id: work.id,
      work: work.id,
      depth: 1,
      text: work.meta.title,
      children: nest(work.id, work.headings)
    }))
  }
}

/** Flat headings (depth 2 and below) to nested TOC entries. */
function nest(work: string, headings: Array<{id: string; depth: number; text: string}>): TocEntry[] {
  const root: TocEntry = {id: work, work, depth: 1, text: '', children: []}
  const stack = [root]
  for (const heading of headings) {
    const entry: TocEntry = {...heading, work, children: []}
    while (stack.length > 1 && stack.at(-1)!.depth >= heading.depth) stack.pop()
    stack.at(-1)!.children.push(entry)
    stack.push(entry)
  }
  return root.children
}
