/**
 * What epub-gen-memory would drop or fetch: ordered lists keep their
 * numbers, tables their alignment, images are never fetched, and nothing of
 * our markup is dropped on the way (it says so when it drops an attribute).
 */
import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {test} from 'node:test'
import type {Paragraph} from 'mdast'
import {corpusFromFiles, loadCorpus, resolveEdition, textPlaces, type PageStart, type Reporter} from '@samizdat/model'
import {serialize} from '@samizdat/html'
import {toEpub} from '@samizdat/epub'
import {buildDocuments, renderAhead, type BookDocument} from '../src/lib/documents.js'
import {bookLabels} from '../src/lib/labels.js'
import {startsAt, withPageBreaks} from '../src/lib/page-list.js'
import {build, buildDate, fixtureCorpus, fixtureOptions, open} from './helpers/books.js'
import {attribute, children, collapse, elements, textOf} from './helpers/xml.js'

test('an ordered list starting at 3 keeps its numbers, as text (`start` would be dropped)', async () => {
  const book = await open(await build('fixture'))
  const lists = elements(await book.xml(book.base + 'letter-1.xhtml'), 'ol')
  assert.equal(lists.length, 1)
  const list = lists[0]!
  assert.equal(attribute(list, 'start'), '')
  assert.equal(attribute(list, 'class'), 'numbered')
  assert.equal(attribute(list, 'style'), 'list-style-type: none')
  assert.deepEqual(
    children(list).map((li) => collapse(textOf(li))),
    ['3. No animal on the pasture before the first of May.', '4. No more than two cows for each household.', '5. No sheep on the wet ground by the brook.']
  )
  const css = await book.text(book.base + 'style.css')
  assert.match(css, /ol\.numbered \{ list-style: none;/)
})

test('table alignment survives as classes the stylesheet aligns', async () => {
  const book = await open(await build('fixture'))
  const tree = await book.xml(book.base + 'letter-1.xhtml')
  const cells = [...elements(tree, 'th'), ...elements(tree, 'td')]
  assert.deepEqual(
    cells.map((cell) => attribute(cell, 'class')),
    ['align-left', 'align-right', 'align-center', 'align-left', 'align-right', 'align-center', 'align-left', 'align-right', 'align-center']
  )
  assert.ok(cells.every((cell) => attribute(cell, 'align') === ''))
  const css = await book.text(book.base + 'style.css')
  for (const side of ['left', 'center', 'right']) {
    assert.ok(css.includes(`th.align-${side}, td.align-${side} { text-align: ${side}; }`), side)
  }
})

test('images are never fetched: a remote image becomes a link, with a warning', async () => {
  let requests = 0
  const server = createServer((_request, response) => {
    requests++
    response.end('not an image')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pasture.png`
    const edition = resolveEdition(await loadCorpus(fixtureCorpus.pathname), 'commons')
    const letter = edition.works.find((work) => work.id === 'letter')!
    const paragraph = letter.tree.children.find((node): node is Paragraph => node.type === 'paragraph')!
    paragraph.children.push({type: 'image', url, alt: 'A local drawing'})
    const warnings: Parameters<Reporter>[0][] = []
    const before = letter.file.messages.length
    const book = await open((await toEpub(edition, {...fixtureOptions, report: (message) => warnings.push(message)}))[0]!.data)
    assert.equal(requests, 0)
    assert.deepEqual(
      Object.keys(book.zip.files).filter((path) => /images\//.test(path)),
      []
    )
    const link = elements(await book.xml(book.base + 'letter.xhtml'), 'a').find((a) => attribute(a, 'href') === url)
    assert.ok(link)
    // The HTML adapter turns a remote image into a link before the book sees it (the model does so for sources).
    assert.equal(textOf(link), 'A local drawing')
    // Reported once, to `report`, on the work's file; nothing is written into the loaded corpus.
    assert.deepEqual(
      warnings.filter((m) => m.reason.includes(url)).map((m) => [m.file, m.ruleId, m.source, m.reason]),
      [
        [
          letter.file.path,
          'image-remote',
          'samizdat',
          `Image \`${url}\` is not in the corpus: remote images are reported, never fetched; a link to it stands in its place`
        ]
      ]
    )
    assert.equal(letter.file.messages.length, before)
  } finally {
    server.close()
  }
})

test('epub-gen-memory drops nothing: it reports no attribute it removed, on either edition', async () => {
  for (const which of ['real', 'fixture'] as const) {
    const warnings: Parameters<Reporter>[0][] = []
    const options = which === 'real' ? {} : fixtureOptions
    await build(which, {...options, report: (message) => warnings.push(message)})
    assert.deepEqual(warnings.filter((w) => w.ruleId === 'epub-gen-memory').map(String), [], which)
  }
})

// A README's raw `<a href="#ideas-someone">` (all-contributors) pointed at an id nothing in the book holds: RSC-012.
test('a raw HTML fragment link to nowhere in the book is unlinked, with a warning', async () => {
  const corpus = await corpusFromFiles({'a.md': '# A\n\n## Install\n\n<a href="#ideas-someone" title="Ideas">💡</a> and <a href="#install">install</a>\n'})
  const warnings: string[] = []
  const [file] = await toEpub(resolveEdition(corpus, 'corpus'), {...fixtureOptions, report: (message) => warnings.push(`${message.ruleId}: ${message.reason}`)})
  const book = await open(file!.data)
  const text = await book.text(book.base + 'a.xhtml')
  assert.match(text, /<a title="Ideas">&#x1F4A1;<\/a>/)
  assert.match(text, /<a href="#install">install<\/a>/)
  assert.deepEqual(
    warnings.filter((warning) => warning.startsWith('epub-link-missing')),
    ['epub-link-missing: Link to `#ideas-someone` (in a.xhtml), which is nowhere in the book: its text stands unlinked']
  )
})

// Raw HTML as READMEs write it (an all-contributors table, a named anchor; generated here, in their shape): what
// epub-gen-memory would drop with a placeless warning is turned into CSS, left out silently when it says nothing a
// reader sees, or told at the element's place.
test('presentational attributes of raw HTML become styles; one no EPUB allows is told at its place, none by epub-gen-memory', async () => {
  const markdown = [
    '# A',
    '',
    '<a name="usage"></a>',
    '',
    '<table><tbody><tr>',
    '<td align="center" valign="top" width="20%"><b>Ada</b></td>',
    '<td nowrap height="40">Grace</td>',
    '</tr></tbody><tfoot><tr>',
    '  <td align="center" size="13px" colspan="2">Add yours</td>',
    '</tr></tfoot></table>',
    ''
  ].join('\n')
  const corpus = await corpusFromFiles({'a.md': markdown})
  const warnings: string[] = []
  const [file] = await toEpub(resolveEdition(corpus, 'corpus'), {
    ...fixtureOptions,
    report: (message) => warnings.push(`${message.file}:${message.line}:${message.column} ${message.ruleId}: ${message.reason}`)
  })
  assert.deepEqual(warnings, ['a.md:9:3 epub-attribute: Attribute `size` of `<td>` is left out of the book (EPUB allows no such attribute there)'])
  const book = await open(file!.data)
  const cells = elements(await book.xml(book.base + 'a.xhtml'), 'td')
  assert.deepEqual(
    cells.map((cell) => [attribute(cell, 'class'), attribute(cell, 'style'), attribute(cell, 'colspan')]),
    [
      ['align-center', 'vertical-align: top; width: 20%', ''],
      ['', 'white-space: nowrap; height: 40px', ''],
      ['align-center', '', '2']
    ]
  )
})

test('page breaks put into the chapters rendered before the page starts were known land where rendering the marked text puts them, byte for byte', async () => {
  // Material nobody here wrote (two READMEs of the book's own dependencies), text on the edges of the rendering's
  // whitespace (spaces around soft line breaks, a hard break), a note, a table, and raw HTML.
  const readme = async (name: string): Promise<string> => readFile(new URL('readme.md', import.meta.resolve(name)), 'utf8')
  const corpus = await corpusFromFiles({
    'a.md': `---\ntitle: Hastscript\n---\n\n${await readme('hastscript')}`,
    'b.md': `---\ntitle: Property information\n---\n\n${await readme('property-information')}`,
    'c.md':
      '---\ntitle: Edges\n---\n\nOne line   \nand the next, a soft \n  break *in emphasis\nacross* lines,\\\nhard.[^1]\n\n| a | b |\n|---|---|\n| x y | z w |\n\n[^1]: A note  \n on two lines.\n',
    'd.md': '---\ntitle: Raw\n---\n\nText with <b>raw HTML</b> in it, and more text.\n'
  })
  const source = resolveEdition(corpus, 'corpus')
  // The parser trims the spaces around a line ending; the rendering trims them too (a text node from elsewhere).
  const edges = source.works.find((work) => work.id === 'c')!.tree.children[0] as Paragraph
  edges.children.unshift({type: 'text', value: 'Spaces \t \n  around a line ending, \nand \n'})
  const places = textPlaces(source)
  // A page starts before every word and at every seventh character of every text: far more than a PDF makes.
  const pages: PageStart[] = []
  for (const [node, place] of places) {
    for (let offset = 0; offset <= node.value.length; offset++) {
      const word = /\s/.test(node.value[offset - 1] ?? '') && /\S/.test(node.value[offset] ?? '')
      if (node.value !== '' && (offset % 7 === 0 || word)) pages.push({place, offset, label: String(pages.length + 1)})
    }
  }
  const starts = startsAt(places, pages)
  const {words: labels, html: htmlLabels} = bookLabels(source, {})
  const input = {edition: source, labels, htmlLabels, identifier: 'urn:x', splitAbove: 40_000, date: '2024-05-06', report: () => undefined}
  const ahead = renderAhead(input, places)
  const marked = withPageBreaks(source, starts)
  const now = buildDocuments({...input, edition: marked}, {ahead, starts, places, source}).documents
  // As before: every work rendered from the marked text.
  const before = buildDocuments({...input, edition: marked}).documents
  const xhtml = (documents: BookDocument[]): string[] => documents.map((document) => serialize({type: 'root', children: document.body}, {xhtml: true}))
  assert.deepEqual(xhtml(now), xhtml(before))
  // The works without raw HTML are the chapters rendered ahead, with their page breaks put in.
  const kept = now.filter((document) => ahead.works.get(document.work ?? '')?.parts.some((part) => part.element === document.body[0]))
  assert.deepEqual(
    kept.map((document) => document.work),
    ['a', 'b', 'c']
  )
  for (const document of kept) assert.ok(xhtml([document])[0]!.split('<span id="print-page-').length > 20, document.work)
})

test('the page starts are asked for once the works are rendered: a PDF lays them out meanwhile', async () => {
  const corpus = await corpusFromFiles({
    'a.md': '---\ntitle: A\n---\n\nThe first work, in one paragraph.\n',
    'b.md': '---\ntitle: B\n---\n\nThe second work, in another.\n'
  })
  const edition = resolveEdition(corpus, 'corpus')
  // Counting the works' entries kept (the cover's PNG, kept there too, is made before the wait as well).
  let rendered = 0
  const works = {
    key: (parts: readonly unknown[]) => JSON.stringify(parts),
    get: () => undefined,
    set: (key: string) => void (key.startsWith('["cover",') || rendered++)
  }
  const asked: number[] = []
  const place = [...textPlaces(edition)].find(([node]) => node.value.startsWith('The second'))![1]
  const pages = async (): Promise<PageStart[]> => {
    asked.push(rendered)
    return [{place, offset: 4, label: '2'}]
  }
  const [file] = await toEpub(edition, {date: buildDate, works, pages, report: () => undefined})
  assert.deepEqual(asked, [2])
  const book = await open(file!.data)
  assert.match(await book.text(book.base + 'b.xhtml'), /The <span id="print-page-2" epub:type="pagebreak" role="doc-pagebreak" aria-label="2"\/>second/)
})
