/**
 * Raw HTML from a source, fragment by fragment: a source's ids and names are
 * prefixed against DOM clobbering while the model's stay; what the sanitiser
 * leaves out with its content and remote images are reported at their place;
 * XHTML carries no `]]>` and no character XML forbids.
 */
import assert from 'node:assert/strict'
import {mkdtemp, mkdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import GithubSlugger from 'github-slugger'
import {VFile} from 'vfile'
import {loadCorpus, resolveEdition} from '@samizdat/model'
import {renderFragment, serialize, toHtml} from '@samizdat/html'
import {parse, resolve} from './helpers/edition.js'
import {siteOf} from './helpers/site.js'

function render(markdown: string, file?: VFile): string {
  const tree = parse(markdown)
  resolve(tree, 'work', new GithubSlugger())
  return serialize(renderFragment(tree, {anchors: false, ...(file ? {file} : {})}))
}

test('DOM clobbering: a source’s ids and names get the prefix, the model’s heading ids do not', () => {
  assert.equal(
    render('# Top\n\n<img name="getElementById" alt="x" src="a.png"> <a id="top" name="x">a</a>\n\n<form name="f"><input name="q"></form>'),
    '<h1 id="top">Top</h1>\n<p><img name="user-content-getElementById" alt="x" src="a.png"> <a id="user-content-top" name="user-content-x">a</a></p>\n' +
      '<input name="user-content-q" disabled type="checkbox">'
  )
})

test('a source’s own fragment links follow its prefixed ids; links to the model’s ids are left alone', () => {
  assert.equal(
    render('# Top\n\n<a href="#mine">to mine</a> <a href="#top">to the heading</a> <span id="mine">here</span>\n\n[markdown](#top)'),
    '<h1 id="top">Top</h1>\n<p><a href="#user-content-mine">to mine</a> <a href="#top">to the heading</a> <span id="user-content-mine">here</span></p>\n' +
      '<p><a href="#top">markdown</a></p>'
  )
})

test('the model’s ids cannot be forged by a source: a NUL in a source’s id is not the model’s mark', () => {
  assert.equal(render('<span id="&#0;top">x</span>'), '<p><span id="user-content-\uFFFDtop">x</span></p>')
})

test('raw HTML removed with its content is reported at its place [html-dropped]; remote raw images too [image-remote]', () => {
  const file = new VFile({path: 'work.md'})
  const html = render(
    'Text.\n\n<style>p { color: red }</style>\n\n<script>\nalert(1)\n</script>\n\nA <img src="http://tracker.example/p.png" alt="pixel"> <a href="x"><img src="//t.example/q.png"></a>',
    file
  )
  assert.equal(html, '<p>Text.</p>\n\n\n<p>A <a href="http://tracker.example/p.png" rel="external">pixel</a> <a>http://t.example/q.png</a></p>')
  assert.deepEqual(
    file.messages.map((m) => `${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`),
    [
      '3:1: Raw HTML `<style>` is left out of the edition with everything in it [html-dropped]',
      '5:1: Raw HTML `<script>` is left out of the edition with everything in it (lines 5–7) [html-dropped]',
      '9:56: Raw HTML link `x` leads nowhere in the edition (only web and mail addresses are followed): its text stands unlinked [link-unresolved]',
      '9:3: Image `http://tracker.example/p.png` is not in the corpus: remote images are reported, never fetched; a link to it stands in its place [image-remote]',
      '9:68: Image `//t.example/q.png` is not in the corpus: remote images are reported, never fetched; a link to it stands in its place [image-remote]'
    ]
  )
})

test('raw href schemes: only http(s) and mailto pass, whatever the tricks', () => {
  const links = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '&#106;avascript:alert(1)',
    ' javascript:alert(1)',
    'vbscript:x',
    'data:text/html,x',
    'file:///etc/passwd',
    'irc://x'
  ]
  for (const href of links) assert.equal(render(`<a href="${href}">x</a>`), '<p><a>x</a></p>', href)
  assert.equal(render('<a href="mailto:a@example.org">x</a>'), '<p><a href="mailto:a@example.org">x</a></p>')
})

test('XHTML: `]]>` escaped and XML-forbidden characters dropped, wherever they come from', () => {
  const tree = {
    type: 'element' as const,
    tagName: 'p',
    properties: {title: 'a]]>\u0001b'},
    children: [{type: 'text' as const, value: 'x]]>\u0000\u0007\u000C\u007F\uFFFE\uD800y'}]
  }
  assert.equal(serialize(tree, {xhtml: true}), '<p title="a]]&#x3E;b">x]]&#x3E;y</p>')
  assert.equal(serialize(tree), '<p title="a]]>b">x]]>y</p>')
})

test('a footnote referenced only inside another footnote is in the page’s notes, numbered', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'samizdat-notes-'))
  try {
    await mkdir(path.join(folder, 'works'))
    await writeFile(path.join(folder, 'works', 'text.md'), '---\ntitle: Text\n---\nA mark[^a].\n\n[^a]: Outer[^b].\n[^b]: Inner.\n')
    const corpus = await loadCorpus(folder)
    const page = (await siteOf(toHtml(resolveEdition(corpus, corpus.editions[0]!.id)))).files.find((file) => file.path === 'text.html')!.contents
    // Beside the text: the outer note after its paragraph, the inner one after the outer note.
    assert.match(
      page,
      /<p>A mark\.<a href="#text-fn-a"[^]*?<\/p><aside id="text-fn-a" class="note note-footnote sidenote" role="doc-footnote" aria-label="Note 1"><p><span class="sidenote-number">1\.<\/span> Outer\.<a href="#text-fn-b" id="text-fnref-b" class="noteref" role="doc-noteref" aria-label="Note 2"><sup>2<\/sup><\/a>[^]*?<\/aside><aside id="text-fn-b" class="note note-footnote sidenote" role="doc-footnote" aria-label="Note 2"><p><span class="sidenote-number">2\.<\/span> Inner\. <a href="#text-fnref-b"/
    )
    assert.doesNotMatch(page, /user-content-fn|data-footnote/)
  } finally {
    await rm(folder, {recursive: true, force: true})
  }
})
