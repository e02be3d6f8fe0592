/**
 * The fixture edition: a small corpus (`../fixtures/edition/`: works, an
 * edition with a preface, annotations, persons, bibliography, timeline)
 * loaded and resolved by the model. And, for tests of single fragments,
 * Markdown parsed and resolved the way the model does it: heading ids
 * (GitHub slugs) and link targets.
 */
import {fileURLToPath} from 'node:url'
import type GithubSlugger from 'github-slugger'
import type {Heading, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {loadCorpus, resolveEdition, type Corpus, type ResolvedEdition} from '@samizdat/model'

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

/** Every fatal message on the corpus's files, formatted, so a broken fixture fails loudly. */
function problems(corpus: Corpus): string[] {
  return corpus.files.flatMap((file) => file.messages.filter((m) => m.fatal).map((m) => `${file.path}:${m.line}:${m.column}: ${m.reason}`))
}

/** The fixture corpus (`../fixtures/edition/`) loaded and resolved by the model, as the CLI does it. */
export async function fixtureEdition(): Promise<ResolvedEdition> {
  const corpus = await loadCorpus(fileURLToPath(folder))
  const edition = resolveEdition(corpus, 'commons')
  // Resolving's messages come back with the edition (the corpus's files hold loading's).
  const found = [...problems(corpus), ...edition.messages.filter((m) => m.fatal).map((m) => `${m.file}:${m.line}:${m.column}: ${m.reason}`)]
  if (found.length > 0) throw new Error('The fixture corpus has errors:\n' + found.join('\n'))
  return edition
}
