import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {Heading, Link, Paragraph, Root, Text} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {remarkSamizdatAnchors, remarkSamizdatHeadings, remarkSamizdatLinks, remarkSamizdatNotes, remarkSamizdatTypography} from '@samizdat/model'

const text = `# A "quoted" title

Some text -- with a note.[^a] And [a jump](#second-part), [a bad one](javascript:alert(1)) and [relative](x.md).

## Second part

The *end*.

[^a]: The note's "text".

[^unused]: Nobody calls this.
`

const annotations = `annotations:
  - {id: ed, work: document, kind: note, quote: {exact: The end}, body: An editor's note.}
  - {id: lost, work: document, kind: note, quote: {exact: not in the text}, body: Lost.}
`

const messagesOf = (file: VFile): string[] => file.messages.map((m) => `${m.file ? `${m.file}:` : ''}${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`)

test('the model steps in a plain unified pipeline: the tree they make, and their messages on the caller’s file', async () => {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkSamizdatAnchors, {annotations})
    .use(remarkSamizdatTypography)
    .use(remarkSamizdatHeadings)
    .use(remarkSamizdatNotes)
    .use(remarkSamizdatLinks, {baseUrl: 'https://example.org/docs/'})
  const file = new VFile({path: 'doc.md', value: text})
  const tree = (await processor.run(processor.parse(file), file)) as Root

  const headings = tree.children.filter((node): node is Heading => node.type === 'heading')
  assert.deepEqual(
    headings.map((heading) => [heading.depth, heading.data?.id, (heading.children[0] as Text).value]),
    [
      [2, 'a-quoted-title', 'A “quoted” title'],
      [3, 'second-part', 'Second part']
    ]
  )
  const paragraph = tree.children[1] as Paragraph
  assert.equal((paragraph.children[0] as Text).value, 'Some text\u00a0— with a note.')
  assert.deepEqual(paragraph.children[1], {
    type: 'noteReference',
    id: 'note-fnref-a',
    noteId: 'note-fn-a',
    label: '1',
    position: paragraph.children[1]!.position
  })
  const links = paragraph.children.filter((node): node is Link => node.type === 'link')
  assert.deepEqual(
    links.map((link) => [link.url, link.data]),
    [
      ['#second-part', {target: {work: 'document', id: 'second-part'}}],
      ['https://example.org/docs/x.md', {external: true}]
    ]
  )
  assert.ok(!JSON.stringify(tree).includes('javascript:'), 'the refused link is unlinked')

  const notes = file.data.samizdat?.notes ?? []
  const textOf = (node: unknown): string =>
    JSON.stringify(node)
      .match(/"value":"([^"]*)"/g)
      ?.map((value) => JSON.parse(value.slice(8)))
      .join('') ?? ''
  assert.deepEqual(
    notes.map((note) => [note.number, note.kind, textOf(note.children)]),
    [
      [1, 'footnote', 'The note’s “text”.'],
      [2, 'note', "An editor's note."]
    ]
  )
  assert.deepEqual(messagesOf(file), [
    'annotations.yaml:3:51: Annotation `lost`: “not in the text” not found in work `document` (doc.md) [anchor-missing]',
    'doc.md:11:1: Footnote `[^unused]` is defined but never referenced: it is left out [footnote-unused]',
    'doc.md:3:59: Link `javascript:alert(1)` uses the scheme `javascript:`, which the edition does not follow: its text stands unlinked [link-scheme]'
  ])
})

test('typography can be turned off, and a links step without the headings step says what is missing', async () => {
  const processor = unified().use(remarkParse).use(remarkSamizdatTypography, {typography: false}).use(remarkSamizdatLinks)
  const file = new VFile({value: 'Plain "text" -- [here](#nowhere).\n'})
  const tree = (await processor.run(processor.parse(file), file)) as Root
  assert.equal(((tree.children[0] as Paragraph).children[0] as Text).value, 'Plain "text" -- ')
  assert.deepEqual(messagesOf(file), [
    'undefined:undefined: remarkSamizdatLinks: no heading ids found: use remarkSamizdatHeadings before it, or links to `#fragments` cannot land [plugin-order]',
    '1:17: Link to `#nowhere` in `document`, which has no such heading or anchor: its text stands unlinked [anchor-missing]'
  ])
})
