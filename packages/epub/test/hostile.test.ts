/**
 * Careless and hostile input, through the model, the web edition and the
 * book: every element and attribute that can reach an output is on a pinned
 * list, no URL loads or runs anything, and every XML file of the book (each
 * XHTML, the OPF, the NCX, the navigation document, the cover) is
 * well-formed and free of characters XML 1.0 forbids.
 */
import assert from 'node:assert/strict'
import {mkdtemp, mkdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import type {Element as HastElement, Nodes as HastNodes} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import JSZip from 'jszip'
import {loadCorpus, resolveEdition} from '@samizdat/model'
import {toHtml} from '@samizdat/html'
import {toEpub} from '@samizdat/epub'
import {elements, parseXml} from './helpers/xml.js'
import {siteOf} from '../../html/test/helpers/site.js'

/** The XSS cheat sheet's classics, and every way raw HTML can name a resource. */
const rawHtml = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="http://tracker.example/pixel.png" alt="pixel" name="getElementById">',
  '<img src="//tracker.example/p.png"> <img src="\\\\tracker.example\\p.png"> <img src="data:image/png;base64,iVBORw0KGgo=" alt="data">',
  '<img srcset="http://x.example/a.png 2x" dynsrc="http://x.example/d" lowsrc="http://x.example/l" longdesc="http://x.example/ld">',
  '<picture><source srcset="http://x.example/a.webp"><img src="http://x.example/b.png" alt="b"></picture>',
  '<svg onload=alert(1)><a xlink:href="javascript:alert(1)"><text>svg text</text></a><use href="http://x.example/s.svg#a"/><image href="http://x.example/i.png"/></svg>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">math</maction></math>',
  '<iframe src="http://x.example/" srcdoc="<script>alert(1)</script>">fallback</iframe>',
  '<object data="http://x.example/y.swf"><param name="movie" value="http://x.example/y.swf">object fallback</object>',
  '<embed src="http://x.example/e">',
  '<link rel="stylesheet" href="http://x.example/y.css"><meta http-equiv="refresh" content="0;url=http://x.example/"><base href="http://x.example/">',
  '<form name="f" action="http://x.example/steal" method="post"><input name="q" formaction="http://x.example/f"><input type="image" src="http://x.example/i"><button formaction="http://x.example/b">send</button></form>',
  '<video src="http://x.example/v.mp4" poster="http://x.example/p.png"><source src="http://x.example/s.mp4"><track src="http://x.example/t.vtt">video text</video>',
  '<audio src="http://x.example/a.mp3">audio text</audio>',
  '<table background="http://x.example/bg.png"><tr><td background="http://x.example/td.png">cell</td></tr></table>',
  '<div style="background:url(http://x.example/s.png)" class="evil" id="clobber">styled</div>',
  '<style>@import "http://x.example/i.css"; body { background: url(http://x.example/b.png) }</style>',
  '<p><a href="javascript:alert(1)">js</a> <a href="JaVaScRiPt:alert(1)">JS</a> <a href="java&#x09;script:alert(1)">tab</a>',
  '<a href="java\tscript:alert(1)">raw tab</a> <a href="&#106;avascript:alert(1)">entity</a> <a href=" javascript:alert(1)">space</a>',
  '<a href="vbscript:msgbox(1)">vb</a> <a href="data:text/html;base64,PHNjcmlwdD4=">data</a> <a href="file:///etc/passwd">file</a>',
  '<a href="#clobber">to my div</a> <a href="#top">to the work</a> <a href="irc://x.example/">irc</a></p>',
  '<details open ontoggle=alert(1)><summary>summary</summary>details text</details>',
  '<marquee onstart=alert(1)>marquee</marquee> <isindex action=javascript:alert(1) type=image>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<div title="quotes &quot; \' & ampersands &amp; <angles> ]]>">attribute text</div>',
  '<?xml version="1.0"?> <![CDATA[ cdata ]]> <!-- a comment -- with dashes -->',
  '</body></html><body onload=alert(1)>after body'
].join('\n\n')

const markdown = [
  '[md js](javascript:alert(1)) [md JS](JaVaScRiPt:alert(1)) [md entity](&#106;avascript:alert(1)) [md tab](<java\tscript:alert(1)>)',
  '[md vb](vbscript:msgbox(1)) [md data](data:text/html,x) [md file](file:///etc/passwd) <javascript:alert(1)> [md ref][ref]',
  '![remote](https://tracker.example/md.png) ![](http://tracker.example/noalt.png) ![data](data:image/png;base64,iVBORw0KGgo=) ![ref image][ref]',
  'Text with ]]> and -- and <!-- in it, a NUL \u0000, controls \u0001\u0007\u000C\u007F\u0085, a noncharacter \uFFFE and a lone surrogate \uD800.',
  '[ref]: vbscript:msgbox(1)'
].join('\n\n')

const work = (title: string, body: string) => `---\ntitle: '${title}'\n---\n\n${body}\n`

let folder = ''

async function hostileEdition() {
  folder = await mkdtemp(path.join(tmpdir(), 'samizdat-hostile-'))
  await mkdir(path.join(folder, 'works'))
  await writeFile(path.join(folder, 'works', 'a-raw.md'), work('Raw ]]> HTML -- <!-- &amp; "quoted"', '# Raw\n\n' + rawHtml))
  await writeFile(path.join(folder, 'works', 'b-markdown.md'), work('Markdown', markdown))
  const corpus = await loadCorpus(folder)
  return {corpus, edition: resolveEdition(corpus, corpus.editions[0]!.id)}
}

after(async () => {
  if (folder) await rm(folder, {recursive: true, force: true})
})

const {corpus, edition} = await hostileEdition()
// The site's warnings join the corpus's messages, as the CLI does with them.
const site = await siteOf(toHtml(edition, {report: (message) => corpus.files.find((file) => file.path === message.file)?.messages.push(message)}))
const book = await JSZip.loadAsync((await toEpub(edition, {date: new Date(Date.UTC(2024, 0, 1))}))[0]!.data)
const bookFiles = Object.keys(book.files).filter((name) => !book.files[name]!.dir)

/** `element attribute` pairs, and attribute values, of every element in a hast tree. */
function hastPairs(node: HastNodes, pairs: Set<string>, values: Array<[string, string]>): void {
  if (node.type === 'element') {
    const element = node as HastElement
    pairs.add(element.tagName)
    for (const [key, value] of Object.entries(element.properties)) {
      pairs.add(element.tagName + ' ' + key)
      values.push([key, Array.isArray(value) ? value.join(' ') : String(value)])
    }
  }
  if ('children' in node) for (const child of node.children) hastPairs(child, pairs, values)
}

const forbiddenXml = /[\0-\x08\v\f\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** No URL that runs code, reads local files or embeds data; resource attributes only relative. */
function assertSafeValues(values: Array<[string, string]>, where: string): void {
  for (const [key, value] of values) {
    assert.doesNotMatch(value, /^\s*(?:javascript|vbscript|data|file):/i, `${where}: ${key}="${value}"`)
    if (/^(?:src|srcSet|srcset|poster|background|data|xlink:href|action|formAction|longDesc|dynsrc|lowsrc)$/.test(key)) {
      assert.doesNotMatch(value, /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i, `${where}: ${key}="${value}" loads from elsewhere`)
    }
  }
}

test('the model reports what it unlinks, what it will not fetch and what swallows text, at their places', () => {
  // Loading's messages are on the corpus's files, resolving's come back with the edition.
  const messages = [...corpus.files.flatMap((file) => file.messages), ...edition.messages].map(
    (m) => `${path.basename(m.file ?? '')}:${m.line}:${m.column} [${m.ruleId}]`
  )
  const count = (rule: string) => messages.filter((m) => m.endsWith(`[${rule}]`)).length
  // Every Markdown link with a refused scheme (reference-style ones included) and the data: image.
  assert.equal(count('link-scheme'), 11, messages.join('\n'))
  assert.equal(count('image-remote'), 2 + 4, messages.join('\n'))
  assert.deepEqual(
    messages.filter((m) => m.endsWith('[html-dropped]')),
    ['a-raw.md:7:1 [html-dropped]', 'a-raw.md:23:1 [html-dropped]', 'a-raw.md:41:1 [html-dropped]', 'a-raw.md:55:1 [html-dropped]']
  )
})

test('site pages: every element and attribute that can reach them is on this list', () => {
  const pairs = new Set<string>()
  const values: Array<[string, string]> = []
  for (const file of site.files.filter((f) => f.path.endsWith('.html'))) {
    const tree = fromHtml(file.contents)
    hastPairs(tree, pairs, values)
    // The only scripts are the site's own files, none from a source.
    const scripts = [...file.contents.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag)
    assert.deepEqual(
      scripts.filter((tag) => !/^<script src="(?:sidenotes|minisearch|search-index|search)\.js" defer>$/.test(tag)),
      [],
      file.path
    )
    assert.doesNotMatch(file.contents, forbiddenXml, file.path)
    assertSafeValues(values, file.path)
  }
  assert.deepEqual([...pairs].sort(), sitePairs)
})

test('EPUB: every element and attribute in its XHTML is on this list; every XML file is well-formed', async () => {
  const pairs = new Set<string>()
  const values: Array<[string, string]> = []
  const xmlFiles = bookFiles.filter((name) => /\.(?:xhtml|opf|ncx|svg|xml)$/.test(name))
  assert.deepEqual(xmlFiles.filter((name) => /\.(?:opf|ncx)$|toc\.xhtml$/.test(name)).sort(), ['OEBPS/content.opf', 'OEBPS/toc.ncx', 'OEBPS/toc.xhtml'])
  for (const name of xmlFiles) {
    const text = await book.file(name)!.async('string')
    assert.doesNotMatch(text, forbiddenXml, name)
    // Throws on anything that is not well-formed XML.
    let tree: ReturnType<typeof parseXml>
    try {
      tree = parseXml(text)
    } catch (error) {
      assert.fail(`${name} is not well-formed: ${String(error)} at ${(error as {name?: string}).name}\n${text.split('\n').slice(0, 12).join('\n')}`)
    }
    if (!name.endsWith('.xhtml')) continue
    for (const element of elements(tree)) {
      pairs.add(element.name)
      for (const [key, value] of Object.entries(element.attributes)) {
        pairs.add(element.name + ' ' + key)
        values.push([key, String(value)])
      }
    }
    assertSafeValues(values, name)
  }
  assert.deepEqual([...pairs].sort(), bookPairs)
})

test('DOM clobbering: a source’s ids and names are prefixed, the model’s are not, and its own fragment links follow', () => {
  const page = site.files.find((file) => file.path === 'a-raw.html')!.contents
  assert.doesNotMatch(page, /\s(?:id|name)="(?!user-content-)(?:getElementById|clobber|f|q)"/)
  assert.match(page, /<div id="user-content-clobber">styled<\/div>/)
  assert.match(page, /<a href="#user-content-clobber">to my div<\/a>/)
  // `#top` is no element of the source: left as written (it lands nowhere, as in the source).
  assert.match(page, /<a href="#top">to the work<\/a>/)
  assert.match(page, /<h1 id="a-raw">/)
  assert.match(page, /<h2 id="raw">Raw<\/h2>/)
})

test('text in raw HTML blocks stays: div, details, table, p, and the fallback of what is removed', () => {
  const page = site.files.find((file) => file.path === 'a-raw.html')!.contents
  for (const text of [
    'styled',
    'details text',
    'cell',
    'attribute text',
    'to my div',
    'svg text',
    'object fallback',
    'video text',
    'audio text',
    'marquee',
    'after body'
  ]) {
    assert.ok(page.includes(text), text)
  }
  // A textarea's content is its text: shown, as text.
  assert.match(page, /&#x3C;img src=x onerror=alert\(1\)>/)
})

/**
 * What can reach a site page. `img src` is a local path only (`<img src=x>`; remote ones are links),
 * `input` is GFM's task box (disabled), ids and names of a source are prefixed; no `style`, no `on*`,
 * no `srcset`, `poster`, `background`, `action`; no `script`, `style`, `iframe`, `object`, `embed`,
 * `form`, `video`, `audio`, `source`, `picture`, `svg`, `base`, `meta` or `link` from a source.
 * The site's own: `script src defer` (sidenotes.js on every page; the search page's scripts) and the
 * search page's `form` (its `action` is `search.html`), `label`, `input id autoComplete`, `button` and status.
 */
const sitePairs = [
  'a',
  'a ariaLabel',
  'a className',
  'a href',
  'a rel',
  'article',
  'article ariaLabelledBy',
  'article className',
  'body',
  'button',
  'button type',
  'details',
  'details open',
  'div',
  'div className',
  'div id',
  'div title',
  'footer',
  'footer className',
  'form',
  'form action',
  'form className',
  'form method',
  'form role',
  'h1',
  'h1 id',
  'h2',
  'h2 id',
  'head',
  'header',
  'header className',
  'html',
  'html lang',
  'img',
  'img alt',
  'img src',
  'input',
  'input autoComplete',
  'input disabled',
  'input id',
  'input name',
  'input type',
  'label',
  'label htmlFor',
  'li',
  'link',
  'link href',
  'link rel',
  'main',
  'math',
  'meta',
  'meta charSet',
  'meta content',
  'meta name',
  'nav',
  'nav ariaLabel',
  'nav ariaLabelledBy',
  'nav className',
  'noscript',
  'ol',
  'ol className',
  'p',
  'p className',
  'p dataFound',
  'p dataNone',
  'p role',
  'p title',
  'script',
  'script defer',
  'script src',
  'span',
  'span className',
  'summary',
  'table',
  'tbody',
  'td',
  'title',
  'tr'
]

/** What can reach the book's XHTML: the same, less what epub-gen-memory drops; `img src` is the cover's own `cover.png`. */
const bookPairs = [
  'a',
  'a epub:type',
  'a href',
  'a rel',
  'article',
  'article aria-labelledby',
  'article class',
  'article epub:type',
  'body',
  'body epub:type',
  'code',
  'details',
  'div',
  'div id',
  'div title',
  'h1',
  'h1 id',
  'h2',
  'h2 id',
  'head',
  'header',
  'header class',
  'html',
  'html lang',
  'html xml:lang',
  'html xmlns',
  'html xmlns:epub',
  'img',
  'img alt',
  'img role',
  'img src',
  'li',
  'link',
  'link href',
  'link rel',
  'link type',
  'math',
  'math xmlns',
  'meta',
  'meta charset',
  'nav',
  'nav aria-label',
  'nav aria-labelledby',
  'nav epub:type',
  'nav hidden',
  'nav id',
  'nav role',
  'ol',
  'p',
  'p title',
  'section',
  'section aria-labelledby',
  'section class',
  'section epub:type',
  'section role',
  'span',
  'span class',
  'strong',
  'summary',
  'table',
  'tbody',
  'td',
  'title',
  'tr'
]
