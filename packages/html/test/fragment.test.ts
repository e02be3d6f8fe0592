import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import GithubSlugger from 'github-slugger'
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {toHast} from 'mdast-util-to-hast'
import rehypeRaw from 'rehype-raw'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {UsageError, type LinkTarget} from '@samizdat/model'
import {remarkSamizdatHtml, renderFragment, serialize, type HrefFor} from '@samizdat/html'
import {needsParser, rehypeRawWhenNeeded} from '../src/lib/reparse.js'
import {parse, resolve} from './helpers/edition.js'

/** Markdown resolved the way the model does it (ids, link targets), as HTML. */
function render(markdown: string, options: Parameters<typeof renderFragment>[1] = {}): string {
  const tree = parse(markdown)
  resolve(tree, 'here', new GithubSlugger())
  return serialize(renderFragment(tree, options))
}

// The EPUB adapter's mapping: works are chapters.
const chapters: HrefFor = (target: LinkTarget) => 'chapter-' + (target.work === 'here' ? 1 : 2) + '.xhtml' + (target.id === target.work ? '' : '#' + target.id)

test('links: targets go through hrefFor, a work start without a fragment', () => {
  assert.equal(
    render('[a](other.md) [b](other.md#part-two) [c](#local)', {hrefFor: chapters}),
    '<p><a href="chapter-2.xhtml">a</a> <a href="chapter-2.xhtml#part-two">b</a> <a href="chapter-1.xhtml#local">c</a></p>'
  )
})

test('links: without hrefFor, internal links keep the url the model set', () => {
  assert.equal(render('[b](other.md#part-two)'), '<p><a href="#part-two">b</a></p>')
})

test('links: external links are marked, relative links untouched', () => {
  assert.equal(
    render('[out](https://example.org/x) [rel](notes/page.html)'),
    '<p><a href="https://example.org/x" rel="external">out</a> <a href="notes/page.html">rel</a></p>'
  )
})

test('headings: the model id and a labelled self-link beside the heading', () => {
  assert.equal(
    render('## The *first* part'),
    '<div class="heading"><h2 id="the-first-part">The <em>first</em> part</h2>' +
      '<a class="anchor" href="#the-first-part" aria-label="Link to this section: The first part">#</a></div>'
  )
})

test('headings: without anchors, offset ranks, capped at h6, labels', () => {
  assert.equal(render('## Two', {anchors: false, headingOffset: 1}), '<h3 id="two">Two</h3>')
  assert.equal(render('###### Six', {anchors: false, headingOffset: 2}), '<h6 id="six">Six</h6>')
  assert.equal(
    render('# Eins', {labels: {sectionLink: 'Link zu diesem Abschnitt'}}),
    '<div class="heading"><h1 id="eins">Eins</h1>' + '<a class="anchor" href="#eins" aria-label="Link zu diesem Abschnitt: Eins">#</a></div>'
  )
})

test('headings: data.id wins over a stale hProperties.id; a heading without id gets no anchor', () => {
  const tree = parse('## A\n\n## B')
  const [a, b] = tree.children
  assert.ok(a?.type === 'heading' && b?.type === 'heading')
  a.data = {id: 'new', hProperties: {id: 'old'}}
  assert.equal(
    serialize(renderFragment(tree)),
    '<div class="heading"><h2 id="new">A</h2><a class="anchor" href="#new" aria-label="Link to this section: A">#</a></div>\n<h2>B</h2>'
  )
})

test('ids: any node with data.id renders with that id (back-matter entries)', () => {
  const tree = parse('- Kollontai, Alexandra\n- Shliapnikov, Alexander')
  const list = tree.children[0]
  assert.ok(list?.type === 'list')
  list.children[0]!.data = {id: 'kollontai'}
  list.children[1]!.data = {id: 'shliapnikov'}
  assert.equal(serialize(renderFragment(tree)), '<ul>\n<li id="kollontai">Kollontai, Alexandra</li>\n<li id="shliapnikov">Shliapnikov, Alexander</li>\n</ul>')
})

test('sanitising: no script, no on* handlers, no javascript: URLs', () => {
  // The work without its front matter.
  const markdown = readFileSync(new URL('fixtures/edition/works/gamma.md', import.meta.url), 'utf8').replace(/^---\n[^]*?\n---\n/, '')
  const html = render(markdown)
  // The fixture does carry all three, so their absence below is the sanitiser's work.
  assert.match(markdown, /<script>/)
  assert.match(markdown, / onclick=/)
  assert.match(markdown, /javascript:/)
  assert.doesNotMatch(html, /<script|alert|javascript:|\son[a-z]+=/i)
  assert.equal(
    html,
    '<p>This page carries markup that a careless source might bring.</p>\n' +
      '<div>A note with an event handler.</div>\n\n' +
      '<p>An <a>unsafe link</a> and an\n<a href="https://example.org/">outside one</a>.</p>\n' +
      '<p>And <a>a Markdown link to a script</a>.</p>\n' +
      '<div class="heading"><h2 id="what-remains">What remains</h2>' +
      '<a class="anchor" href="#what-remains" aria-label="Link to this section: What remains">#</a></div>\n' +
      '<p>Only the words.</p>'
  )
})

test('sanitising: the classes and rel the handlers add survive, a source cannot borrow others', () => {
  assert.equal(
    render('<a class="anchor evil" rel="external nofollow" href="#x" id="x" style="color:red">x</a>'),
    '<p><a class="anchor" rel="external" href="#user-content-x" id="user-content-x">x</a></p>'
  )
})

test('tables: alignment as a class, not the obsolete attribute', () => {
  assert.equal(
    render('| a | b |\n| :-: | --: |\n| 1 | 2 |'),
    '<table>\n<thead>\n<tr>\n<th class="align-center">a</th>\n<th class="align-right">b</th>\n</tr>\n</thead>\n' +
      '<tbody>\n<tr>\n<td class="align-center">1</td>\n<td class="align-right">2</td>\n</tr>\n</tbody>\n</table>'
  )
})

test('handlers: a table entry renders a node type the model adds later', () => {
  const tree = parse('Text.')
  const paragraph = tree.children[0]
  assert.ok(paragraph?.type === 'paragraph')
  // A stand-in for an apparatus node (e.g. an annotation reference).
  paragraph.children.push({type: 'annotationRef', data: {}, children: []} as never)
  const html = serialize(
    renderFragment(tree, {
      handlers: {
        annotationRef: (): Element => ({type: 'element', tagName: 'sup', properties: {}, children: [{type: 'text', value: '*'}]})
      }
    })
  )
  assert.equal(html, '<p>Text.<sup>*</sup></p>')
})

test('handlers: a node type with no handler yet shows its text, without a block element', () => {
  const tree = parse('Before after.')
  const paragraph = tree.children[0]
  assert.ok(paragraph?.type === 'paragraph')
  paragraph.children.splice(1, 0, {type: 'futureNode', children: [{type: 'text', value: 'inside '}]} as never)
  assert.equal(serialize(renderFragment(tree)), '<p>Before after.inside </p>')
  // One with an id of its own keeps it, so links to it land.
  paragraph.children.splice(1, 1, {type: 'futureNode', id: 'mark-1', children: [{type: 'text', value: ' marked'}]} as never)
  assert.equal(serialize(renderFragment(tree)), '<p>Before after.<span id="mark-1"> marked</span></p>')
})

test('renderFragment does not change the tree it is given', () => {
  const tree = parse('## Part\n\n[x](other.md#y) <b>raw</b>')
  resolve(tree, 'here', new GithubSlugger())
  const before = structuredClone(tree)
  renderFragment(tree, {hrefFor: chapters})
  assert.deepEqual(tree, before)
})

test('renderFragment throws on a bad headingOffset, quoting it', () => {
  assert.throws(
    () => renderFragment(parse('x'), {headingOffset: 1.5}),
    (error: unknown) => error instanceof UsageError && /`1\.5`/.test(error.message)
  )
})

test('serialize: XHTML closes void elements', () => {
  const tree = renderFragment(parse('a  \nb\n\n***\n\n![alt](i.png)'))
  assert.equal(serialize(tree, {xhtml: true}), '<p>a<br />\nb</p>\n<hr />\n<p><img src="i.png" alt="alt" /></p>')
  assert.equal(serialize(tree), '<p>a<br>\nb</p>\n<hr>\n<p><img src="i.png" alt="alt"></p>')
})

test('serialize: XHTML gives boolean attributes a value, leaves text alone', () => {
  const tree = renderFragment(parse('- [x] done\n- [ ] a \\<b c> checked & "open"\n\n<details open><summary>More</summary>Text</details>'))
  const xhtml = serialize(tree, {xhtml: true})
  assert.equal(
    xhtml,
    '<ul class="contains-task-list">\n' +
      '<li class="task-list-item"><input type="checkbox" checked="checked" disabled="disabled" /> done</li>\n' +
      '<li class="task-list-item"><input type="checkbox" disabled="disabled" /> a &#x3C;b c> checked &#x26; "open"</li>\n' +
      '</ul>\n<details open="open"><summary>More</summary>Text</details>'
  )
  assert.match(serialize(tree), /<input type="checkbox" checked disabled>/)
})

test('remarkSamizdatHtml: the same output through unified, with rehype-stringify', () => {
  const markdown = '## Part\n\nSee [there](other.md#y).'
  const tree = parse(markdown)
  resolve(tree, 'here', new GithubSlugger())
  const processor = unified().use(remarkSamizdatHtml, {hrefFor: chapters}).use(rehypeStringify)
  const html = processor.stringify(processor.runSync(tree))
  assert.equal(html, serialize(renderFragment(tree, {hrefFor: chapters})))
  assert.match(html, /href="chapter-2\.xhtml#y"/)
})

test('places: each named text is found in the rendered text node holding it; with raw HTML (a comment aside) none is', () => {
  /** Each text node of the tree named by its order; the tagged final text nodes: their value and places. */
  const tagged = (markdown: string, prepare = (_: ReturnType<typeof parse>): void => undefined): Array<[string, unknown]> => {
    const tree = parse(markdown)
    resolve(tree, 'here', new GithubSlugger())
    prepare(tree)
    const names = new Map<unknown, string>()
    const walk = (node: {type: string; children?: unknown[]}): void => {
      if (node.type === 'text') names.set(node, `t${names.size}`)
      for (const child of node.children ?? []) walk(child as {type: string; children?: unknown[]})
    }
    walk(tree)
    const found: Array<[string, unknown]> = []
    type Node = {type: string; value?: string; data?: {places?: unknown} | undefined; children?: unknown[]}
    const visit = (node: Node): void => {
      if (node.type === 'text' && node.data?.places) found.push([node.value ?? '', node.data.places])
      for (const child of node.children ?? []) visit(child as Node)
    }
    visit(renderFragment(tree, {places: (node) => names.get(node)}) as Node)
    return found
  }
  assert.deepEqual(tagged('One *two* three.\n\n<!-- a comment -->\n\nFour'), [
    ['One ', [['t0', 0, 4]]],
    ['two', [['t1', 0, 3]]],
    [' three.', [['t2', 0, 7]]],
    ['Four', [['t3', 0, 4]]]
  ])
  assert.deepEqual(tagged('One <b>two</b> three.'), [])
  // Adjacent texts become one text node: each has its own place in it.
  const twoTexts = (tree: ReturnType<typeof parse>): void => void (tree.children[0] as {children: unknown[]}).children.unshift({type: 'text', value: 'Zero, '})
  assert.deepEqual(tagged('One *two*', twoTexts), [
    [
      'Zero, One ',
      [
        ['t0', 0, 6],
        ['t1', 6, 4]
      ]
    ],
    ['two', [['t2', 0, 3]]]
  ])
  // Without names, the same output and nothing tagged.
  assert.equal(render('One *two* three.'), '<p>One <em>two</em> three.</p>')
})

test('raw HTML parsing: skipped only where the parser would change nothing, with the tree rehype-raw gives', () => {
  const hastOf = (markdown: string): HastRoot => toHast(parse(markdown), {allowDangerousHtml: true}) as HastRoot
  const file = new VFile({path: 'x.md', value: '# x\n\nsome source\r\nlines'})
  // Markdown with no raw HTML: the parser is skipped, and the tree is the parser's, node for node (merged and empty
  // text, positions, the root's span of the file).
  const plain = [
    '# Title *with* `code`\n\nA [link](https://example.org "t") and ![an image](x.png), **strong** ~~struck~~ text.',
    '1. one\n2. two\n   - nested [x]\n\n> quoted\n> > deeper\n\n---\n\n    indented code\n',
    '| a | b |\n|:-|-:|\n| 1 | 2 |\n| `x` | *y* |\n\n- [x] done\n- [ ] to do',
    '```js\nlet x = 1\n```\n\nhard  \nbreak, \\* escaped &amp; &copy; an entity.'
  ]
  for (const markdown of plain) {
    const tree = hastOf(markdown)
    assert.equal(needsParser(tree), false, markdown)
    assert.deepEqual(rehypeRawWhenNeeded()(hastOf(markdown), file), rehypeRaw()(tree, file), markdown)
  }
  const twoTexts = hastOf('One')
  ;(twoTexts.children[0] as Element).children.push({type: 'text', value: ''}, {type: 'text', value: ' two'})
  assert.deepEqual(rehypeRawWhenNeeded()(structuredClone(twoTexts), file), rehypeRaw()(twoTexts, file))
  // What the parser would change is parsed: raw HTML; a code block's first line feed (dropped after `<pre>`);
  // a link in a link, a block in a paragraph, a row straight in a table, text in a table, a class as a string.
  const element = (tagName: string, children: ElementContent[] = [], properties = {}): Element => ({type: 'element', tagName, properties, children})
  const parsed: HastRoot[] = [
    hastOf('Some <b>raw</b> HTML'),
    hastOf('```\n\nfirst line blank\n```'),
    {type: 'root', children: [element('a', [element('a')], {href: '#x'})]},
    {type: 'root', children: [element('p', [element('span', [element('div')])])]},
    {type: 'root', children: [element('table', [element('tr', [element('td')])])]},
    {type: 'root', children: [element('table', [{type: 'text', value: 'x'}])]},
    {type: 'root', children: [element('p', [], {className: 'one'})]}
  ]
  for (const tree of parsed) assert.equal(needsParser(tree), true, JSON.stringify(tree).slice(0, 80))
})
