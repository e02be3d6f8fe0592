/**
 * epub-gen-memory's behaviours that `src/lib/epub-gen.ts` works around, one
 * test each: the library as it comes still does what we correct (so an
 * upgrade that changes it fails here, by name), and our workaround still
 * corrects it.
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {deflateRawSync} from 'node:zlib'
import {test} from 'node:test'
import {pathToFileURL} from 'node:url'
import {EPub, type Chapter, type Options} from 'epub-gen-memory'
import type {Element} from 'hast'
import {h} from 'hastscript'
import JSZip from 'jszip'
import type {Reporter} from '@samizdat/model'
import {FileNames, survivable, zipBook, type PackageFiles} from '../src/lib/epub-gen.js'
import {bookFonts} from '../src/lib/script-fonts.js'
import {resolveLabels} from '@samizdat/model'

const defaultLabels = {...resolveLabels().epub, roles: resolveLabels().roles, language: 'en-GB', colon: ': '}

/** A book as epub-gen-memory makes it by itself, and the warnings it gives. */
async function stock(content: string, options: Partial<Options> = {}): Promise<{zip: JSZip; warnings: string[]}> {
  const warnings: string[] = []
  const verbose = (type: string, ...args: unknown[]) => {
    if (type === 'warn') warnings.push(args.map(String).join(' '))
  }
  const chapters: Chapter[] = [{title: 'Chapter', content}]
  const book = await new EPub({title: 'Stock', lang: 'en', ignoreFailedDownloads: false, verbose, ...options} as Options, chapters).genEpub()
  return {zip: await JSZip.loadAsync(book), warnings}
}

/** A book through our module. */
async function ours(overrides: Partial<PackageFiles> = {}): Promise<JSZip> {
  return JSZip.loadAsync(await oursBytes(overrides))
}

/** A book through our module, as bytes. */
async function oursBytes(overrides: Partial<PackageFiles> = {}): Promise<Uint8Array> {
  const files: PackageFiles = {
    title: 'Ours',
    authors: ['A. Author'],
    publisher: '',
    description: 'A book.',
    lang: 'en',
    date: new Date(0),
    css: '',
    fonts: bookFonts('').files,
    bodies: ['<p>Text.</p>'],
    formulas: [[]],
    pictures: [[]],
    assets: [],
    documents: [{file: 'text.xhtml', title: 'Text', lang: 'en', matter: 'bodymatter', kind: 'work', body: []}],
    packageDocument: '<package>our package document</package>',
    navDocument: '<html>our navigation</html>',
    ncxDocument: '<ncx>our ncx</ncx>',
    cover: {png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), alt: 'Cover'},
    report: undefined,
    ...overrides
  }
  return zipBook(files)
}

const text = (zip: JSZip, name: string): Promise<string> => {
  const file = zip.file(name)
  assert.ok(file, `epub-gen-memory changed: no ${name} in the book`)
  return file.async('string')
}

test('workaround 1, templates: its package document has a random identifier and the clock’s time; ours passes through as written', async () => {
  const {zip} = await stock('<p>x</p>')
  const opf = await text(zip, 'OEBPS/content.opf')
  assert.match(opf, /<dc:identifier id="BookId">[0-9a-f-]{36}<\/dc:identifier>/, 'epub-gen-memory changed: its content.opf no longer has a random UUID')
  assert.match(opf, /<meta property="dcterms:modified">\d{4}-\d\d-\d\dT/, 'epub-gen-memory changed: its content.opf no longer stamps dcterms:modified')

  const book = await ours()
  assert.equal(await text(book, 'OEBPS/content.opf'), '<package>our package document</package>')
  assert.equal(await text(book, 'OEBPS/toc.xhtml'), '<html>our navigation</html>')
  assert.equal(await text(book, 'OEBPS/toc.ncx'), '<ncx>our ncx</ncx>')
  // Our chapter template: the document's own language and matter, no heading of its own.
  assert.match(await text(book, 'OEBPS/text.xhtml'), /<body epub:type="bodymatter">\n<p>Text.<\/p>\n<\/body>/)
})

test('workaround 2, zip times: it stamps entries with the clock’s time; ours with the build’s (1980 at the earliest)', async () => {
  const {zip} = await stock('<p>x</p>')
  const dosEpoch = Date.UTC(1980, 0, 1)
  assert.ok(
    Object.values(zip.files).some((file) => file.date.getTime() > dosEpoch),
    'epub-gen-memory changed: its zip entries no longer carry the clock’s time'
  )

  const book = await ours({date: new Date(Date.UTC(2001, 1, 3, 4, 5, 6))})
  assert.deepEqual([...new Set(Object.values(book.files).map((file) => file.date.toISOString()))], ['2001-02-03T04:05:06.000Z'])
  const early = await ours({date: new Date(0)})
  assert.deepEqual([...new Set(Object.values(early.files).map((file) => file.date.toISOString()))], ['1980-01-01T00:00:00.000Z'])
})

test('workaround 3, attributes: it drops `start`, `align`, `data-*`, telling only `verbose`; ours moves what they say into text and classes', async () => {
  const {zip, warnings} = await stock('<ol start="3"><li>three</li></ol><p align="center" data-x="1">p</p>')
  const chapter = await text(zip, 'OEBPS/0_Chapter.xhtml')
  assert.match(chapter, /<ol><li>three<\/li><\/ol><p>p<\/p>/, 'epub-gen-memory changed: it keeps `start` or `align` now')
  assert.deepEqual(
    warnings.sort(),
    [
      "Warning (content[0]): attribute align isn't allowed.",
      "Warning (content[0]): attribute data-x isn't allowed.",
      "Warning (content[0]): attribute start isn't allowed."
    ],
    'epub-gen-memory changed: its warnings about dropped attributes'
  )

  const [list, paragraph] = survivable([h('ol', {start: 3}, [h('li', 'three')]), h('p', {align: 'center', dataX: '1'}, 'p')], {
    labels: defaultLabels,
    assets: new Set(),
    report: undefined,
    source: undefined
  }) as Element[]
  assert.deepEqual(list?.properties, {className: ['numbered'], style: 'list-style-type: none'})
  assert.deepEqual(list?.children[0], h('li', [h('span', {className: ['number']}, '3.'), ' ', 'three']))
  assert.deepEqual(paragraph?.properties, {className: ['align-center']})
})

test('workaround 4, images: it reads or downloads every <img>; ours become links, each reported at its place', async () => {
  await assert.rejects(
    stock('<p><img src="file:///nonexistent/samizdat.png" alt="x"/></p>'),
    /ENOENT|nonexistent/,
    'epub-gen-memory changed: it no longer fetches the images of a chapter'
  )

  const warnings: Array<Parameters<Reporter>[0]> = []
  const image = h('img', {src: 'https://example.org/a.png', alt: 'A drawing'})
  image.position = {start: {line: 7, column: 4}, end: {line: 7, column: 40}}
  const [link] = survivable([image], {labels: defaultLabels, assets: new Set(), report: (message) => warnings.push(message), source: 'works/a.md'})
  assert.deepEqual(link, h('a', {href: 'https://example.org/a.png', rel: ['external']}, 'Image not included: A drawing'))
  assert.deepEqual(
    warnings.map((m) => [m.file, m.line, m.column, m.ruleId, m.fatal]),
    [['works/a.md', 7, 4, 'epub-image', false]]
  )
})

test('workaround 5, fonts: it reads a `file:` URL from disk, so ours are the installed files, byte for byte', async () => {
  const book = await ours()
  for (const font of bookFonts('').files) {
    const file = book.file(`OEBPS/fonts/${font.file}`)
    assert.ok(file, `epub-gen-memory changed: the font ${font.file} is not in the book`)
    assert.deepEqual(await file.async('uint8array'), new Uint8Array(readFileSync(font.path)))
  }
})

test('workaround 6, warnings: what it drops reaches `report` as a warning with the rule `epub-gen-memory`', async () => {
  const warnings: Array<Parameters<Reporter>[0]> = []
  await ours({bodies: ['<p data-x="1">Text.</p>'], report: (message) => warnings.push(message)})
  assert.deepEqual(
    warnings.map((m) => [m.reason, m.ruleId, m.source, m.fatal]),
    [["Warning (content[0]): attribute data-x isn't allowed.", 'epub-gen-memory', 'epub-gen-memory', false]]
  )
})

test('workaround 7, file names: it mangles names outside ASCII and lets a chapter replace its own files; ours are safe and unique', async () => {
  const warnings: string[] = []
  const chapters: Chapter[] = [
    {title: 'c', content: '<p>x</p>', filename: 'Ünïcode part.xhtml'},
    {title: 'd', content: '<p>y</p>', filename: 'toc.xhtml'}
  ]
  const book = await JSZip.loadAsync(
    await new EPub(
      {title: 'Stock', lang: 'en', verbose: (type: string, ...args: unknown[]) => type === 'warn' && warnings.push(args.join(' '))} as Options,
      chapters
    ).genEpub()
  )
  const names = Object.keys(book.files)
  assert.ok(names.includes('OEBPS/ncode_part.xhtml'), `epub-gen-memory changed: it names a chapter "Ünïcode part" otherwise: ${names.join(', ')}`)
  assert.equal(
    names.filter((name) => name === 'OEBPS/toc.xhtml').length,
    1,
    'epub-gen-memory changed: a chapter named toc.xhtml no longer shares its navigation’s name'
  )

  const taken = new FileNames()
  assert.deepEqual(
    ['Ünïcode part', 'toc', 'toc', 'Ünïcode part', '***'].map((id) => taken.take(id)),
    ['u-ni-code-part.xhtml', 'toc-2.xhtml', 'toc-3.xhtml', 'u-ni-code-part-2.xhtml', 'part.xhtml']
  )
})

test('workaround 8, font compression: it deflates every font in JavaScript on every book; ours are deflated once per process by zlib', async () => {
  const [font] = bookFonts('').files
  assert.ok(font)
  const data = readFileSync(font.path)
  const deflated = deflateRawSync(data, {level: 9})
  const contains = (bytes: Uint8Array): boolean => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(deflated)
  const stock = await new EPub({title: 'Stock', lang: 'en', fonts: [{filename: font.file, url: pathToFileURL(font.path).href}]} as Options, [
    {title: 'Chapter', content: '<p>Text.</p>'}
  ]).genEpub()
  assert.equal(contains(stock), false, 'epub-gen-memory changed: it deflates fonts as zlib does')
  const [first, second] = [await oursBytes(), await oursBytes()]
  assert.ok(contains(first) && contains(second))
  // Whatever the compression, the book holds the installed file (workaround 5 checks every font).
  assert.deepEqual(await (await JSZip.loadAsync(first)).file(`OEBPS/fonts/${font.file}`)?.async('uint8array'), new Uint8Array(data))
})

test('workaround 9, chapters kept: it parses and deflates every chapter on every book; a kept chapter crosses it empty and its entry takes the empty one’s place', async () => {
  // A store in memory, counting what was read back and made.
  const entries = new Map<string, Uint8Array>()
  const counts = {reused: 0, made: 0}
  const store = {
    key: (parts: readonly unknown[]) => JSON.stringify(parts),
    get: (key: string) => {
      const data = entries.get(key)
      if (data) counts.reused++
      return data
    },
    set: (key: string, data: Uint8Array) => void (counts.made++, entries.set(key, data))
  }
  const bodies = ['<p>The first chapter.</p>', '<p>The second chapter.</p>']
  const documents: PackageFiles['documents'] = [
    {file: 'one.xhtml', title: 'One', lang: 'en', matter: 'bodymatter', kind: 'work', body: []},
    {file: 'two.xhtml', title: 'Two', lang: 'en', matter: 'bodymatter', kind: 'work', body: []}
  ]
  const book = (overrides: Partial<PackageFiles> = {}) => oursBytes({bodies, documents, formulas: [[], []], pictures: [[], []], ...overrides})
  const plain = await book()
  assert.deepEqual(await book({store}), plain)
  assert.deepEqual(counts, {reused: 0, made: 2})
  // Every chapter from the store, the book byte for byte the same; its chapters went through it empty.
  assert.deepEqual(await book({store}), plain)
  assert.deepEqual(counts, {reused: 2, made: 2})
  assert.match(await text(await JSZip.loadAsync(await book({store})), 'OEBPS/two.xhtml'), /<p>The second chapter\.<\/p>/)
  // One chapter changed: that one made again.
  const edited = await book({store, bodies: [bodies[0] as string, '<p>The second chapter, edited.</p>']})
  assert.deepEqual(counts, {reused: 5, made: 3})
  assert.deepEqual(edited, await book({bodies: [bodies[0] as string, '<p>The second chapter, edited.</p>']}))
  // A torn entry (read, then refused) is a miss; a book it warned of keeps nothing (a kept chapter would not warn again).
  for (const key of entries.keys()) entries.set(key, (entries.get(key) as Uint8Array).subarray(0, 8))
  const warned = await book({store, bodies: ['<p data-x="1">The first chapter.</p>', bodies[1] as string], report: () => undefined})
  assert.deepEqual(counts, {reused: 6, made: 3})
  assert.deepEqual(warned, await book({bodies: ['<p data-x="1">The first chapter.</p>', bodies[1] as string]}))
  // As it comes, it takes an empty chapter without a word and makes its entry (the one ours replaces).
  const {zip, warnings} = await stock('')
  assert.deepEqual(warnings, [])
  const names = Object.keys(zip.files).filter((name) => /^OEBPS\/.*\.xhtml$/.test(name) && !name.endsWith('toc.xhtml'))
  assert.equal(names.length, 1, `epub-gen-memory changed: an empty chapter makes ${names.join(', ') || 'no entry'}`)
})

test('workaround 10, template compilation: it compiles the chapter template again for every chapter; ours once per process', async () => {
  // EJS as epub-gen-memory loads it: `render` calls the module's `compile`, which is watched here.
  const ejs = createRequire(createRequire(import.meta.url).resolve('epub-gen-memory'))('ejs') as {compile: (...args: unknown[]) => unknown}
  const compile = ejs.compile
  const made: unknown[] = []
  ejs.compile = function (...args: unknown[]) {
    const compiled = compile.apply(this, args)
    made.push(compiled)
    return compiled
  }
  try {
    const chapters: Chapter[] = [
      {title: 'One', content: '<p>One.</p>'},
      {title: 'Two', content: '<p>Two.</p>'}
    ]
    await new EPub({title: 'Stock', lang: 'en', verbose: false} as Options, chapters).genEpub()
    // Its two chapters, then its package document, NCX and navigation: each compiled anew.
    assert.equal(made.length, 5, 'epub-gen-memory changed: it no longer renders each chapter through ejs.compile')
    assert.equal(new Set(made).size, 5, 'epub-gen-memory changed: it compiles a template once')
    made.length = 0
    const documents: PackageFiles['documents'] = [
      {file: 'one.xhtml', title: 'One', lang: 'en', matter: 'bodymatter', kind: 'work', body: []},
      {file: 'two.xhtml', title: 'Two', lang: 'en', matter: 'bodymatter', kind: 'work', body: []}
    ]
    const book = await ours({bodies: ['<p>One.</p>', '<p>Two.</p>'], documents, formulas: [[], []], pictures: [[], []]})
    // Our two chapters share one compiled template (also the one of every earlier book); the other templates as they come.
    assert.equal(made.length, 5)
    assert.equal(made[0], made[1])
    assert.equal(new Set(made).size, 4)
    // Each chapter still gets its own title and body.
    assert.match(await text(book, 'OEBPS/one.xhtml'), /<title>One<\/title>[^]*<p>One\.<\/p>/)
    assert.match(await text(book, 'OEBPS/two.xhtml'), /<title>Two<\/title>[^]*<p>Two\.<\/p>/)
  } finally {
    ejs.compile = compile
  }
})
