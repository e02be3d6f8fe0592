/**
 * What epub-gen-memory would drop or fetch: ordered lists keep their
 * numbers, tables their alignment, images are never fetched, and nothing of
 * our markup is dropped on the way (it says so when it drops an attribute).
 */
import assert from 'node:assert/strict'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {test} from 'node:test'
import type {Paragraph} from 'mdast'
import {corpusFromFiles, loadCorpus, resolveEdition, type Reporter} from '@samizdat/model'
import {toEpub} from '@samizdat/epub'
import {build, fixtureCorpus, fixtureOptions, open} from './helpers/books.js'
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
