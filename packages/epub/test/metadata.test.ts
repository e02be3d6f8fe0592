/**
 * The package document: metadata mapped from the edition and its works,
 * accessibility metadata, and nothing of epub-gen-memory's defaults (random
 * id, "All rights reserved", its generator tag).
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {bookIdentifier} from '@samizdat/epub'
import {build, edition, open} from './helpers/books.js'
import {attribute, elements, textOf, type XmlElement, type XmlRoot} from './helpers/xml.js'

const values = (opf: XmlRoot, name: string) => elements(opf, name).map((element) => textOf(element))
const metas = (opf: XmlRoot, property: string) =>
  elements(opf, 'meta')
    .filter((m) => attribute(m, 'property') === property)
    .map((m) => textOf(m))
const refines = (opf: XmlRoot, element: XmlElement, property: string) =>
  elements(opf, 'meta')
    .filter((m) => attribute(m, 'refines') === '#' + attribute(element, 'id') && attribute(m, 'property') === property)
    .map((m) => textOf(m))

test('identifier: a UUID v5 of the edition id, the same on every build', async () => {
  // uuid.uuid5(uuid.NAMESPACE_URL, 'samizdat:workers-opposition'), by Python's standard library.
  assert.equal(bookIdentifier('workers-opposition'), 'urn:uuid:1df9ddd8-7c6e-5821-8db8-0600df263102')
  const {opf} = await open(await build('real'))
  const id = elements(opf, 'package')[0]!
  const identifier = elements(opf, 'dc:identifier')
  assert.equal(identifier.length, 1)
  assert.equal(attribute(identifier[0], 'id'), attribute(id, 'unique-identifier'))
  assert.equal(textOf(identifier[0]!), 'urn:uuid:1df9ddd8-7c6e-5821-8db8-0600df263102')
})

test('real edition: title, subtitle, creators with roles, language, dates, publisher, rights, description, subjects, sources', async () => {
  const resolved = await edition('real')
  const {meta} = resolved
  const {opf} = await open(await build('real'))
  const titles = elements(opf, 'dc:title')
  assert.deepEqual(
    titles.map((t) => [textOf(t), refines(opf, t, 'title-type')[0]]),
    [
      [meta.title, 'main'],
      [meta.subtitle, 'subtitle']
    ]
  )

  const people = [...elements(opf, 'dc:creator'), ...elements(opf, 'dc:contributor')].map((p) => [p.name, textOf(p), refines(opf, p, 'role')[0]])
  // Authors (from the works, however many) as creators, then the editors as contributors.
  const authors = meta.creators.filter((creator) => creator.role === 'aut')
  // Each text's real author: the pamphlet's record is libcom.org's, and Kollontai (whose pamphlet is not in the book) is no creator.
  assert.deepEqual(
    authors.map((creator) => creator.name),
    ['libcom.org', 'Theleme Anarres', 'The Anarchist FAQ Editorial Collective']
  )
  assert.deepEqual(people, [...authors.map((creator) => ['dc:creator', creator.name, 'aut']), ['dc:contributor', 'The Samizdat editors', 'edt']])
  const anarres = elements(opf, 'dc:creator').find((c) => textOf(c) === 'Theleme Anarres')!
  assert.deepEqual(refines(opf, anarres, 'file-as'), ['Anarres, Theleme'])

  assert.deepEqual(values(opf, 'dc:language'), ['en'])
  assert.deepEqual(values(opf, 'dc:date'), ['2024-05-06'])
  assert.deepEqual(metas(opf, 'dcterms:modified'), ['2024-05-06T23:08:09Z'])
  assert.deepEqual(values(opf, 'dc:publisher'), ['Samizdat'])
  assert.deepEqual(values(opf, 'dc:rights'), [meta.rights])
  assert.deepEqual(values(opf, 'dc:description'), [meta.description])
  assert.deepEqual(values(opf, 'dc:subject'), meta.subjects)
  assert.deepEqual(
    values(opf, 'dc:source'),
    meta.sources.map((source) => source.url ?? source.title)
  )
  // One per work with a source (not vacuous: the reader edition has some).
  const sourced = resolved.works.filter((work) => work.meta.source).length
  assert.ok(sourced > 0)
  assert.equal(values(opf, 'dc:source').length, sourced)
})

test('fixture: translators are credited, every language is listed, the edition’s date is the date', async () => {
  const {opf} = await open(await build('fixture'))
  const translator = elements(opf, 'dc:contributor').find((c) => textOf(c) === 'Ben Example')
  assert.ok(translator)
  assert.deepEqual(refines(opf, translator, 'role'), ['trl'])
  assert.deepEqual(values(opf, 'dc:language'), ['en', 'de'])
  assert.deepEqual(values(opf, 'dc:date'), ['2001-02-03'])
})

test('none of epub-gen-memory’s defaults: no “All rights reserved”, no generator, no stray date', async () => {
  const book = await open(await build('real'))
  const opf = await book.text(book.base + 'content.opf')
  assert.doesNotMatch(opf, /All rights reserved/i)
  assert.doesNotMatch(opf, /generator/i)
  assert.doesNotMatch(opf, /epub-gen/i)
  assert.doesNotMatch(await book.text(book.base + 'toc.ncx'), /epub-gen/)
  // Only the pinned date appears.
  for (const [, year] of opf.matchAll(/\b(20\d\d)-\d\d-\d\d/g)) assert.equal(year, '2024')
})

test('accessibility metadata', async () => {
  const {opf} = await open(await build('real'))
  assert.deepEqual(metas(opf, 'schema:accessMode'), ['textual', 'visual'])
  assert.deepEqual(metas(opf, 'schema:accessModeSufficient'), ['textual'])
  for (const feature of ['tableOfContents', 'readingOrder', 'structuralNavigation', 'alternativeText', 'index']) {
    assert.ok(metas(opf, 'schema:accessibilityFeature').includes(feature), feature)
  }
  assert.deepEqual(metas(opf, 'schema:accessibilityHazard'), ['none'])
  // The conformance claim of EPUB Accessibility 1.1 (§ 2.1), and who makes it (Ace asks for both).
  assert.deepEqual(metas(opf, 'dcterms:conformsTo'), ['EPUB Accessibility 1.1 - WCAG 2.1 Level AA'])
  assert.deepEqual(metas(opf, 'a11y:certifiedBy'), ['Samizdat'])
  assert.equal(metas(opf, 'schema:accessibilitySummary').length, 1)
  assert.ok(metas(opf, 'schema:accessibilitySummary')[0]!.length > 40)
})

test('language on every document, and on works and passages in another language', async () => {
  for (const which of ['real', 'fixture'] as const) {
    const book = await open(await build(which))
    for (const path of [...book.spine, book.nav]) {
      const html = elements(await book.xml(path), 'html')[0]!
      assert.match(attribute(html, 'lang'), /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, path)
      assert.equal(attribute(html, 'xml:lang'), attribute(html, 'lang'), path)
    }
  }
  const book = await open(await build('fixture'))
  assert.equal(attribute(elements(await book.xml(book.base + 'antwort.xhtml'), 'html')[0], 'lang'), 'de')
  // Raw HTML in a source, and a language annotation; both get xml:lang too.
  assert.ok((await book.text(book.base + 'letter-2.xhtml')).includes('<span lang="la" xml:lang="la">pascua communis</span>'))
  assert.ok((await book.text(book.base + 'rules-3.xhtml')).includes('<em><span lang="la" xml:lang="la" id="rules-lang-mense">de mense in mensem</span></em>'))
  // The contents mark the German work's entry.
  assert.ok(elements(await book.xml(book.nav), 'a').some((a) => attribute(a, 'lang') === 'de' && textOf(a) === 'Eine Antwort'))
})

test('every lang in the book has an xml:lang of the same value (XML reads only the latter), and back', async () => {
  for (const which of ['real', 'fixture'] as const) {
    const book = await open(await build(which))
    let marked = 0
    for (const path of [...book.spine, book.nav]) {
      for (const element of elements(await book.xml(path))) {
        if (element.attributes['lang'] === undefined && element.attributes['xml:lang'] === undefined) continue
        marked++
        assert.equal(attribute(element, 'xml:lang'), attribute(element, 'lang'), `${path}: <${element.name}>`)
      }
    }
    assert.ok(marked > book.spine.length, which)
  }
})

test('every passage the edition marks in another language keeps it (real edition)', async () => {
  const resolved = await edition('real')
  const book = await open(await build('real'))
  const byId = new Map<string, XmlElement>()
  for (const path of book.spine) for (const element of elements(await book.xml(path))) byId.set(attribute(element, 'id'), element)
  const passages = resolved.apparatus.annotations.filter((annotation) => annotation.kind === 'language')
  assert.ok(passages.length >= 5, `${passages.length} passages`)
  for (const passage of passages) {
    const element = byId.get(passage.anchorId)
    assert.equal(element?.name, 'span', passage.id)
    assert.equal(attribute(element, 'lang'), passage.lang, passage.id)
  }
  assert.equal(textOf(byId.get('faq-lang-komitetchina')!), 'komitetchina')
})
