/**
 * The book's parts: reading order, the navigation document (contents to the
 * second level, landmarks), long works split at their top-level sections,
 * internal links inside the book, the generated cover, the embedded font
 * with its licence, and a stylesheet for e-readers.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import sharp from 'sharp'
import {toEpub} from '@samizdat/epub'
import {build, edition, fixtureOptions, open} from './helpers/books.js'
import {attribute, children, collapse, elements, shownText, textOf, type XmlElement} from './helpers/xml.js'

test('reading order: cover, title page, contents, preface, works, back matter, colophon, font licence', async () => {
  const book = await open(await build('real'))
  const order = elements(book.opf, 'itemref').map((ref) => attribute(ref, 'idref'))
  assert.equal(order[2], 'nav')
  const resolved = await edition('real')
  const spine = book.spine.map((path) => path.slice(book.base.length))
  // A long work is split into parts `<id>-1.xhtml`…, right after its opening (the next test checks the parts).
  const parts = (id: string) => spine.filter((name) => new RegExp(`^${id}-\\d+\\.xhtml$`).test(name))
  assert.equal(parts('afaq-oppositions').length, resolved.toc.find((entry) => entry.id === 'afaq-oppositions')!.children.length)
  assert.deepEqual(spine, [
    'cover.xhtml',
    'title-page.xhtml',
    'preface.xhtml',
    // The works in the edition's order, however many it has.
    ...resolved.works.flatMap((work) => [`${work.id}.xhtml`, ...parts(work.id)]),
    'corrections.xhtml',
    'bibliography.xhtml',
    'index-of-persons.xhtml',
    'timeline.xhtml',
    'colophon.xhtml',
    'font-licence.xhtml'
  ])
})

test('the FAQ is split at its top-level sections; each part opens with its heading', async () => {
  const resolved = await edition('real')
  const faq = resolved.toc.find((entry) => entry.id === 'afaq-oppositions')!
  const book = await open(await build('real'))
  for (const [index, section] of faq.children.entries()) {
    const tree = await book.xml(book.base + `afaq-oppositions-${index + 1}.xhtml`)
    const body = elements(tree, 'body')[0]!
    const first = elements(body, 'h2')[0]!
    assert.equal(attribute(first, 'id'), section.id)
    assert.equal(collapse(textOf(first)), section.text)
    // One section per file (and the heading of its notes).
    assert.deepEqual(
      elements(body, 'h2').map((h2) => textOf(h2)),
      [textOf(first), 'Notes'],
      'one section per file'
    )
  }
  // A short work is not split, even with sections of its own.
  const related = elements(await book.xml(book.base + 'related-reading.xhtml'), 'h2').map((h2) => textOf(h2))
  assert.deepEqual([related.length, related.at(-1)], [11, 'Notes'])
})

test('contents: works and their sections (two levels), preface and back matter, each link landing on its id', async () => {
  const resolved = await edition('real')
  const book = await open(await build('real'))
  const nav = await book.xml(book.nav)
  const toc = elements(nav, 'nav').find((n) => attribute(n, 'epub:type') === 'toc')!
  const top = children(children(toc).find((c) => c.name === 'ol')!)
  const label = (li: XmlElement) => collapse(textOf(children(li)[0]!))
  assert.deepEqual(top.map(label), [
    resolved.preface!.title,
    ...resolved.toc.map((entry) => entry.text),
    ...resolved.backMatter.map((section) => section.title),
    'About this edition',
    'Font licence'
  ])
  const work = top.find((li) => label(li) === resolved.toc[3]!.text)!
  const nested = children(children(work).find((c) => c.name === 'ol')!)
  assert.deepEqual(
    nested.map(label),
    resolved.toc[3]!.children.map((entry) => entry.text)
  )
  // Never deeper than two levels.
  for (const li of nested) assert.equal(children(li).filter((c) => c.name === 'ol').length, 0)

  for (const a of elements(toc, 'a')) await assertLands(book, book.nav, attribute(a, 'href'))
})

test('landmarks: cover, title page, contents, start of reading, back matter', async () => {
  const book = await open(await build('real'))
  const nav = elements(await book.xml(book.nav), 'nav').find((n) => attribute(n, 'epub:type') === 'landmarks')!
  assert.equal(attribute(nav, 'hidden'), 'hidden')
  assert.deepEqual(
    elements(nav, 'a').map((a) => [attribute(a, 'epub:type'), attribute(a, 'href')]),
    [
      ['cover', 'cover.xhtml'],
      ['titlepage', 'title-page.xhtml'],
      ['toc', 'toc.xhtml#contents'],
      ['preface', 'preface.xhtml'],
      ['bodymatter', 'kollontai-workers-opposition.xhtml'],
      ['backmatter', 'corrections.xhtml']
    ]
  )
})

test('every internal link lands on a file and id of the book; outside links are absolute', async () => {
  for (const which of ['real', 'fixture'] as const) {
    const book = await open(await build(which))
    let internal = 0
    for (const path of book.spine) {
      for (const a of elements(await book.xml(path), 'a')) {
        const href = attribute(a, 'href')
        if (/^[a-z]+:/.test(href)) {
          assert.match(href, /^(?:https?|mailto):/, `${path}: ${href}`)
          continue
        }
        internal++
        await assertLands(book, path, href)
      }
    }
    assert.ok(internal > 10, which + ': internal links checked')
  }
  // The fixture's link between works goes to the other work's file.
  const book = await open(await build('fixture'))
  const hrefs = elements(await book.xml(book.base + 'letter-1.xhtml'), 'a').map((a) => attribute(a, 'href'))
  assert.ok(hrefs.includes('antwort.xhtml#antwort'))
  assert.ok(hrefs.includes('antwort.xhtml#zur-methode'))
})

async function assertLands(book: Awaited<ReturnType<typeof open>>, from: string, href: string): Promise<void> {
  const [file, id] = href.split('#') as [string, string | undefined]
  const path = file ? book.base + file : from
  assert.ok(book.zip.file(path), `${from}: ${href} points at a missing file`)
  if (id) {
    const ids = elements(await book.xml(path)).map((e) => attribute(e, 'id'))
    assert.ok(ids.includes(id), `${from}: ${href} points at a missing id`)
  }
}

/** The edition's authors (from its works, as the model lists them), as the book names them: `A, B and C`. */
async function authors(): Promise<string> {
  const names = (await edition('real')).meta.creators.filter((creator) => creator.role === 'aut').map((creator) => creator.name)
  assert.ok(names.length > 1)
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

test('cover: a PNG drawn from the SVG cover (title, subtitle and authors), shown on the cover page with its description', async () => {
  const book = await open(await build('real'))
  const cover = elements(book.opf, 'item').find((item) => attribute(item, 'properties') === 'cover-image')!
  // Raster, so that Kindle conversion keeps it (calibre.test.ts); the EPUB 2 `meta name="cover"` names the same item.
  assert.equal(attribute(cover, 'media-type'), 'image/png')
  assert.equal(attribute(cover, 'href'), 'cover.png')
  assert.ok(elements(book.opf, 'meta').some((m) => attribute(m, 'name') === 'cover' && attribute(m, 'content') === attribute(cover, 'id')))
  const png = await book.zip.file(book.base + 'cover.png')!.async('uint8array')
  const image = sharp(png)
  const {width, height, format} = await image.metadata()
  assert.deepEqual([format, width, height], ['png', 1200, 1800])
  // Drawn, not blank: the title's dark letters on the light paper.
  const {channels} = await image.stats()
  assert.ok(channels[0]!.min < 64 && channels[0]!.max > 200, 'the letters are drawn')
  const page = elements(await book.xml(book.base + 'cover.xhtml'), 'img')[0]!
  assert.equal(attribute(page, 'src'), 'cover.png')
  assert.equal(attribute(page, 'alt'), `Cover: The Workers’ Opposition. Alexandra Kollontai’s pamphlet of 1921 and its readers. ${await authors()}`)
  assert.equal(book.zip.file(book.base + 'cover.svg'), null)
})

test('cover: kept in the store it is given, so a new process need not rasterise it again; a torn entry is rasterised anew', async () => {
  const base = await edition('fixture')
  // Each case a title of its own: this process has rasterised none of their covers yet.
  const titled = (title: string) => ({...base, meta: {...base.meta, title}})
  const coverOf = async (bytes: Uint8Array) => {
    const book = await open(bytes)
    return book.zip.file(book.base + 'cover.png')!.async('uint8array')
  }
  const planted = new Uint8Array(
    await sharp({create: {width: 2, height: 3, channels: 3, background: '#808080'}})
      .png()
      .toBuffer()
  )
  /** A store answering every cover key with `answer`, recording what is kept. */
  const store = (answer: Uint8Array | undefined) => {
    const set = new Map<string, Uint8Array>()
    return {
      set,
      store: {
        key: (parts: readonly unknown[]) => JSON.stringify(parts),
        get: (key: string) => (key.startsWith('["cover",') ? answer : set.get(key)),
        set: (key: string, data: Uint8Array) => void set.set(key, data)
      }
    }
  }
  // Kept: the book's cover is the store's PNG, not drawn again.
  const kept = store(planted)
  assert.deepEqual(await coverOf((await toEpub(titled('A kept cover'), {...fixtureOptions, works: kept.store}))[0]!.data), planted)
  // Torn (cut short): rasterised, and the whole PNG kept under its key.
  const torn = store(planted.subarray(0, planted.length - 4))
  const drawn = await coverOf((await toEpub(titled('A torn cover'), {...fixtureOptions, works: torn.store}))[0]!.data)
  assert.deepEqual((await sharp(drawn).metadata()).width, 1200)
  const covers = [...torn.set].filter(([key]) => key.startsWith('["cover",'))
  assert.equal(covers.length, 1)
  assert.deepEqual(covers[0]![1], drawn)
})

test('the body and code fonts are embedded (EB Garamond and PT Mono, as in the PDF) with their licences in the book', async () => {
  const book = await open(await build('real'))
  const fonts = elements(book.opf, 'item')
    .filter((item) => attribute(item, 'media-type') === 'font/ttf')
    .map((item) => attribute(item, 'href'))
  assert.deepEqual(fonts, [
    'fonts/EBGaramond-Regular.ttf',
    'fonts/EBGaramond-Italic.ttf',
    'fonts/EBGaramond-SemiBold.ttf',
    'fonts/EBGaramond-SemiBoldItalic.ttf',
    'fonts/PTMono-Regular.ttf'
  ])
  for (const font of fonts) {
    const bytes = await book.zip.file(book.base + font)!.async('uint8array')
    assert.equal(Buffer.from(bytes.subarray(0, 4)).toString('hex'), '00010000', font + ' is TrueType')
  }
  const css = await book.text(book.base + 'style.css')
  for (const font of fonts) assert.ok(css.includes(`src: url("${font}");`), font)
  assert.match(css, /font-family: "EB Garamond", serif;/)
  const licence = collapse(textOf(elements(await book.xml(book.base + 'font-licence.xhtml'), 'body')[0]!))
  assert.match(licence, /Copyright 2017 The EB Garamond Project Authors/)
  assert.match(licence, /SIL OPEN FONT LICENSE Version 1\.1/)
  assert.match(licence, /The Font Software, modified or unmodified, in part or in whole, must be distributed entirely under this license/)
  assert.match(licence, /Font licence: PT Mono/)
  assert.match(licence, /ParaType/)
  const colophon = elements(await book.xml(book.base + 'colophon.xhtml'), 'a').find((a) => attribute(a, 'href') === 'font-licence.xhtml#font-licence')
  assert.ok(colophon)
})

test('stylesheet for e-readers: no fixed widths or colours on the text, hyphenation hints', async () => {
  const book = await open(await build('real'))
  const css = await book.text(book.base + 'style.css')
  assert.doesNotMatch(css, /(?:^|[\s;{])(?:max-)?width:\s*\d+(?:\.\d+)?(?:px|pt|cm|mm|in)/m)
  // Colours only inside the code panel, which sets its own background and text colour together (contrast in any theme).
  const panel = /^pre[^{]*\{[^}]*\}$/gm
  assert.match(css, /^pre\.highlight \{ background: #[0-9a-f]{6}; color: #[0-9a-f]{6};/m)
  assert.doesNotMatch(css.replace(panel, ''), /(?:^|[\s;{])(?:background(?:-color)?|color):\s*(?:#|rgb|hsl|white|black)/m)
  for (const hint of ['hyphens: auto', '-epub-hyphens: auto', '-webkit-hyphens: auto', 'adobe-hyphenate: auto']) assert.ok(css.includes(hint), hint)
  assert.ok(css.includes('color-scheme: light dark'))
})

test('title page centred, contents without list numbers of their own, corrections and notes marked', async () => {
  const book = await open(await build('real'))
  const css = await book.text(book.base + 'style.css')
  const rule = (selector: string) => css.match(new RegExp('^' + selector.replace(/[.#()]/g, '\\$&') + ' \\{([^}]*)\\}', 'm'))?.[1] ?? ''
  // Headings are set left; the title page's overrides that, like the rest of the page.
  assert.match(rule('.title-page'), /text-align: center/)
  assert.match(rule('.title-page h1'), /text-align: center/)
  // The FAQ's sections carry their numbers (“1 Were the…”): the list adds none (it read “1. 1 Were the…”).
  const nav = await book.xml(book.base + 'toc.xhtml')
  assert.ok(elements(nav, 'a').some((a) => /^1 Were the/.test(textOf(a))))
  assert.match(rule('nav#contents ol'), /list-style: none/)
  // A correction is visible in the text, not only a title.
  assert.match(rule('.corr'), /text-decoration: underline dotted/)
  assert.match(rule('section.notes'), /border-top/)
})

test('title page and colophon: the edition’s own words, rights and sources', async () => {
  const resolved = await edition('real')
  const book = await open(await build('real'))
  const title = shownText(await book.xml(book.base + 'title-page.xhtml'))
  assert.equal(
    title,
    `The Workers’ Opposition Alexandra Kollontai’s pamphlet of 1921 and its readers Edited by The Samizdat editors By ${await authors()} Samizdat`
  )
  const colophon = collapse(textOf(elements(await book.xml(book.base + 'colophon.xhtml'), 'body')[0]!))
  assert.ok(colophon.includes(resolved.meta.rights!))
  for (const source of resolved.meta.sources) assert.ok(colophon.includes(collapse(source.title)), source.title)
  assert.ok(colophon.includes('urn:uuid:1df9ddd8-7c6e-5821-8db8-0600df263102'))
})

test('preface and back matter say what they are, by the model’s section kind: epub:type and DPUB-ARIA role', async () => {
  const resolved = await edition('real')
  const book = await open(await build('real'))
  const expected = {preface: 'preface', corrections: 'appendix', bibliography: 'bibliography', index: 'index', timeline: 'appendix'}
  const sections = [resolved.preface!, ...resolved.backMatter]
  assert.deepEqual(
    sections.map((section) => section.kind),
    ['preface', 'corrections', 'bibliography', 'index', 'timeline']
  )
  for (const section of sections) {
    const first = children(elements(await book.xml(book.base + section.id + '.xhtml'), 'body')[0]!)[0]!
    assert.equal(first.name, 'section', section.id)
    assert.equal(attribute(first, 'epub:type'), expected[section.kind], section.id)
    assert.equal(attribute(first, 'role'), 'doc-' + expected[section.kind], section.id)
    assert.equal(attribute(first, 'aria-labelledby'), section.id)
  }
})
