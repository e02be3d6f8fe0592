import assert from 'node:assert/strict'
import {test} from 'node:test'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {remarkSamizdatHeadings, remarkSamizdatLinks, remarkSamizdatNotes, remarkSamizdatTypography} from '@samizdat/model'
import {remarkSamizdatHtml} from '@samizdat/html'

const markdown =
  '# Title\n\nA "word"[^1] and [a jump](#title), ![a picture](https://example.org/a.png).\n\nSee [the site](https://example.org/).\n\n[^1]: Note.\n'
const messagesOf = (file: VFile): string[] => file.messages.map((m) => `${m.line}:${m.column}: ${m.reason} [${m.ruleId}]${m.fatal ? ' (error)' : ''}`)

test('remarkSamizdatHtml after the model plugins, in a pipeline from outside: the html, and every message on the caller’s file', async () => {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkSamizdatTypography)
    .use(remarkSamizdatHeadings)
    .use(remarkSamizdatNotes)
    .use(remarkSamizdatLinks)
    .use(remarkSamizdatHtml, {hrefFor: (target) => `#${target.id}`})
    .use(rehypeStringify)
  const file = new VFile({path: 'doc.md', value: markdown})
  const html = String(await processor.process(file))
  assert.equal(
    html,
    '<div class="heading"><h2 id="title">Title</h2><a class="anchor" href="#title" aria-label="Link to this section: Title">#</a></div>\n' +
      '<p>A “word”<a href="#note-fn-1" id="note-fnref-1" class="noteref" role="doc-noteref" aria-label="Note 1"><sup>1</sup></a> and <a href="#title">a jump</a>, <a href="https://example.org/a.png" rel="external">a picture</a>.</p>\n' +
      '<p>See <a href="https://example.org/" rel="external">the site</a>.</p>'
  )
  assert.deepEqual(messagesOf(file), [
    '3:36: Image `https://example.org/a.png` is not in the corpus: remote images are reported, never fetched; a link to it stands in its place [image-remote]'
  ])
})

test('remarkSamizdatHtml on a tree the model plugins did not resolve: one error per missing step, on the caller’s file', async () => {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkSamizdatHtml).use(rehypeStringify)
  const file = new VFile({path: 'doc.md', value: markdown})
  await processor.process(file)
  assert.deepEqual(messagesOf(file), [
    '1:1: remarkSamizdatHtml needs a resolved tree: found a heading without an id; use `remarkSamizdatHeadings` from @samizdat/model before it (or render a tree from `resolveEdition`) [plugin-order] (error)',
    '3:9: remarkSamizdatHtml needs a resolved tree: found a GFM footnote not made a note; use `remarkSamizdatNotes` from @samizdat/model before it (or render a tree from `resolveEdition`) [plugin-order] (error)',
    '5:5: remarkSamizdatHtml needs a resolved tree: found an unresolved link; use `remarkSamizdatLinks` from @samizdat/model before it (or render a tree from `resolveEdition`) [plugin-order] (error)',
    // Rendering's own messages reach the caller's file too (the sanitiser's report on the remote image).
    '3:36: Image `https://example.org/a.png` is not in the corpus: remote images are reported, never fetched; a link to it stands in its place [image-remote]'
  ])
})
