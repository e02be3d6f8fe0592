import assert from 'node:assert/strict'
import {test} from 'node:test'
import {h} from 'hastscript'
import {serialize, stylesheet, toHtml} from '@samizdat/html'
import {fragmentWords} from '../src/lib/labels.js'
import {withSidenotes} from '../src/lib/sidenotes.js'
import type {Reporter} from '@samizdat/model'
import {fixtureEdition} from './helpers/edition.js'
import {siteOf, type Site} from './helpers/site.js'

function page(site: Site, path: string): string {
  const file = site.files.find((f) => f.path === path)
  assert.ok(file, 'no ' + path + ' in ' + site.files.map((f) => f.path).join(', '))
  return file.contents
}

/** The opening tags of the elements with this rel, in document order. */
function rels(html: string, rel: string): string[] {
  return [...html.matchAll(new RegExp(`<a rel="${rel}" href="[^"]*"`, 'g'))].map((m) => m[0])
}

const edition = await fixtureEdition()
const site = await siteOf(toHtml(edition))

test('files: index, one page per work in reading order, one per back-matter section, the stylesheet', () => {
  assert.deepEqual(
    site.files.map((f) => f.path),
    [
      'index.html',
      'alpha.html',
      'beta.html',
      'gamma.html',
      'corrections.html',
      'bibliography.html',
      'index-of-persons.html',
      'timeline.html',
      'search.html',
      'fonts/eb-garamond-latin-400-normal.woff2',
      'fonts/eb-garamond-latin-400-italic.woff2',
      'fonts/eb-garamond-latin-600-normal.woff2',
      'fonts/eb-garamond-latin-600-italic.woff2',
      'fonts/EBGaramond-OFL.txt',
      'style.css',
      'sidenotes.js',
      'minisearch.js',
      'search-index.js',
      'search.js'
    ]
  )
  // The text face's slices, then the stylesheet.
  assert.ok(page(site, 'style.css').startsWith('@font-face {\n  font-family: "EB Garamond";'))
  assert.ok(page(site, 'style.css').endsWith(stylesheet))
})

test('output is byte-identical when called twice', async () => {
  assert.deepEqual(await siteOf(toHtml(await fixtureEdition())), site)
})

test('prev/next: index -> works in order -> back matter, none past the ends', () => {
  assert.deepEqual(rels(page(site, 'index.html'), 'prev'), [])
  assert.deepEqual(rels(page(site, 'index.html'), 'next'), ['<a rel="next" href="alpha.html"'])
  assert.deepEqual(rels(page(site, 'alpha.html'), 'prev'), ['<a rel="prev" href="index.html"'])
  assert.deepEqual(rels(page(site, 'alpha.html'), 'next'), ['<a rel="next" href="beta.html"'])
  assert.deepEqual(rels(page(site, 'beta.html'), 'prev'), ['<a rel="prev" href="alpha.html"'])
  assert.deepEqual(rels(page(site, 'gamma.html'), 'prev'), ['<a rel="prev" href="beta.html"'])
  assert.deepEqual(rels(page(site, 'gamma.html'), 'next'), ['<a rel="next" href="corrections.html"'])
  assert.deepEqual(rels(page(site, 'corrections.html'), 'prev'), ['<a rel="prev" href="gamma.html"'])
  assert.deepEqual(rels(page(site, 'bibliography.html'), 'next'), ['<a rel="next" href="index-of-persons.html"'])
  assert.deepEqual(rels(page(site, 'timeline.html'), 'prev'), ['<a rel="prev" href="index-of-persons.html"'])
  assert.deepEqual(rels(page(site, 'timeline.html'), 'next'), [])
})

test('every page: doctype, language, head, skip link, landmarks, way back to the contents', () => {
  for (const file of site.files.filter((f) => f.path.endsWith('.html'))) {
    const html = file.contents
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="'), file.path)
    for (const needle of [
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="description" content="',
      '<link rel="stylesheet" href="style.css">',
      'class="skip-link" href="#',
      '<header class="site-header"',
      '<nav aria-label="Edition" class="site-nav"><a href="index.html#contents">Contents</a> <a href="search.html">Search</a></nav>',
      '<main>',
      '<footer class="site-footer"'
    ]) {
      assert.ok(html.includes(needle), `${file.path} lacks ${needle}`)
    }
    // The skip link's target exists on the page.
    const target = /class="skip-link" href="#([^"]+)"/.exec(html)?.[1]
    assert.ok(target && html.includes(`id="${target}"`), `${file.path}: skip target #${target}`)
  }
})

test('head: title, description and author per page', async () => {
  const alpha = page(site, 'alpha.html')
  assert.match(alpha, /<title>A letter on the common rules – Letters on the Commons<\/title>/)
  assert.match(alpha, /<meta name="description" content="A letter setting out the rules of a common pasture.">/)
  assert.match(alpha, /<meta name="author" content="Ann Example">/)
  const index = page(site, 'index.html')
  assert.match(index, /<title>Letters on the Commons<\/title>/)
  assert.match(index, /<meta name="author" content="Ann Example and Cora Beispiel">/)
  // The edition's title follows only when both fit in 70 characters.
  const long = await fixtureEdition()
  long.works[0]!.meta.title = 'A letter on the rules of the common pasture, the woods and the waste'
  assert.match(page(await siteOf(toHtml(long)), 'alpha.html'), /<title>A letter on the rules of the common pasture, the woods and the waste<\/title>/)
  // No author, no empty tag.
  assert.doesNotMatch(page(site, 'gamma.html'), /name="author"/)
})

test('language: the page speaks the work’s, the banner and footer the edition’s', () => {
  const beta = page(site, 'beta.html')
  assert.match(beta, /^<!DOCTYPE html>\n<html lang="de">/)
  assert.match(beta, /<a class="skip-link" href="#beta" lang="en">/)
  assert.match(beta, /<header class="site-header" lang="en">/)
  assert.match(beta, /<footer class="site-footer" lang="en">/)
  assert.match(page(site, 'alpha.html'), /<header class="site-header">/)
  assert.match(page(site, 'index.html'), /<a href="beta.html" lang="de">Eine Antwort<\/a>/)
})

test('index: title page, contents with links to works and headings, preface', () => {
  const index = page(site, 'index.html')
  assert.match(index, /<h1 id="title-page">Letters on the Commons<\/h1><p class="subtitle">A test edition<\/p>/)
  assert.match(index, /<p class="credit">Edited by The Test Editors<\/p><p class="credit">By Ann Example and Cora Beispiel<\/p>/)
  assert.ok(
    index.includes(
      '<nav class="toc" aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>' +
        '<li><a href="alpha.html">A letter on the common rules</a><ol>' +
        '<li><a href="alpha.html#the-pasture">The pasture</a><ol>' +
        '<li><a href="alpha.html#stints-and-how-they-were-counted">Stints and how they were counted</a></li></ol></li>' +
        '<li><a href="alpha.html#the-woods">The woods</a></li>' +
        '<li><a href="alpha.html#as-quoted-in-this-edition">As quoted in this edition</a></li></ol></li>'
    )
  )
  // The back matter follows the works, one page per section.
  assert.ok(
    index.includes(
      '</ol><ol class="toc-back-matter"><li><a href="corrections.html">Corrections</a></li>' +
        '<li><a href="bibliography.html">Bibliography</a></li><li><a href="index-of-persons.html">Index of persons</a></li>' +
        '<li><a href="timeline.html">Timeline</a></li></ol></nav>'
    )
  )
  // The preface's own level-1 title gives way to the section title; its sections move to h3.
  assert.match(index, /<section class="preface" role="doc-preface" aria-labelledby="preface"><h2 id="preface">About this edition<\/h2><p>/)
  assert.match(index, /<h3 id="how-to-read-it">How to read it<\/h3>/)
  assert.doesNotMatch(index, /<h1[^>]*>About this edition/)
  assert.ok(index.indexOf('class="toc"') < index.indexOf('class="preface"'))
})

test('work page: title as h1 with the work id and the byline; the source note, with the rest of the metadata, at its end', () => {
  const alpha = page(site, 'alpha.html')
  assert.match(
    alpha,
    /<article class="work" aria-labelledby="alpha"><header class="work-header"><h1 id="alpha">A letter on the common rules<\/h1><p class="byline">By Ann Example<\/p><\/header>/
  )
  assert.ok(
    alpha.includes(
      // The source is named by the work's title (and its publisher, when the manifest gives one), not by the manifest's
      // description of the file.
      '<footer class="source-note" aria-label="Source"><p><strong>Source:</strong> <a href="https://example.org/parish-book">A letter on the common rules</a>. ' +
        'Translated by Ben Example. Dated 1740. Written for the tests of this project.</p>\n' +
        '<p><strong>Publication history:</strong></p>\n<ul>\n<li>1 May 1740: Read out at the parish meeting. (Parish book)</li>\n</ul></footer>'
    )
  )
  assert.doesNotMatch(alpha, /work-meta/)
  assert.match(alpha, /See <a href="beta.html">the reply<\/a>/)
  assert.match(alpha, /<a href="beta.html#zur-methode">its remarks on method<\/a>/)
  assert.match(alpha, /<a href="alpha.html#the-pasture">Back to the pasture<\/a>/)
  assert.match(page(site, 'beta.html'), /Der <a href="alpha.html#the-pasture">Brief<\/a>/)
  assert.match(page(site, 'beta.html'), /<h1 id="beta">Eine Antwort<\/h1><p class="subtitle">Brief an die Gemeinde<\/p>/)
})

test('every heading in the body has its id and a self-link', async () => {
  for (const work of (await fixtureEdition()).works) {
    const html = page(site, work.id + '.html')
    for (const heading of work.headings) {
      assert.ok(html.includes(` id="${heading.id}">`), `${work.id}: #${heading.id}`)
      assert.ok(html.includes(`<a class="anchor" href="#${heading.id}" aria-label="Link to this section: ${heading.text}">#</a>`))
    }
  }
})

test('options: labels replace the template words, css is appended', async () => {
  const german = await siteOf(
    toHtml(await fixtureEdition(), {labels: {contents: 'Inhalt', next: 'Weiter', roles: {edt: 'Herausgegeben von'}}, css: 'body { color: red; }'})
  )
  const index = page(german, 'index.html')
  assert.match(index, /<h2 id="contents">Inhalt<\/h2>/)
  assert.match(index, /<span class="pager-label">Weiter<\/span>/)
  assert.match(index, /<p class="credit">Herausgegeben von The Test Editors<\/p><p class="credit">By Ann/)
  assert.ok(page(german, 'style.css').endsWith(stylesheet + '\nbody { color: red; }\n'))
})

test('stylesheet: reading measure, dark mode, print', () => {
  assert.match(stylesheet, /--measure: 65ch/)
  assert.match(stylesheet, /@media \(prefers-color-scheme: dark\)/)
  assert.match(stylesheet, /@media print \{[^]*\.pager[^]*display: none/)
})

test('hostile markup in a work is harmless on its page too, after the model resolved it', async () => {
  // The page's own scripts are in its head (sidenotes.js); the work's text is in <main>.
  const gamma = page(site, 'gamma.html')
  assert.doesNotMatch(gamma.slice(gamma.indexOf('<main>')), /<script|alert|javascript:|\son[a-z]+=/i)
  assert.deepEqual(gamma.match(/<script[^>]*>/g), ['<script src="sidenotes.js" defer>'])
  // The model unlinks a Markdown link to a script: its text stays, not a link.
  assert.match(gamma, /<p>And a Markdown link to a script\.<\/p>/)
  // The script block is left out, and said to be: to `report`, at its place in the work's file, not on the file itself.
  const gammaFile = edition.works.find((work) => work.id === 'gamma')!.file
  const before = gammaFile.messages.length
  const warnings: Array<Parameters<Reporter>[0]> = []
  await toHtml(edition, {report: (message) => warnings.push(message)})
  assert.deepEqual(
    warnings.filter((m) => m.ruleId === 'html-dropped').map((m) => `${m.file}:${m.line}:${m.column}: ${m.reason} (${m.source})`),
    [`${gammaFile.path}:9:1: Raw HTML \`<script>\` is left out of the edition with everything in it (samizdat)`]
  )
  assert.equal(gammaFile.messages.length, before)
})

test('notes beside the text: each after the block of its mark (not of a link to it), in order, inside sections; a note without a mark stays at the end', () => {
  const mark = (id: string, n: number) => h('a', {href: '#' + id, id: 'ref-' + id, className: ['noteref']}, h('sup', String(n)))
  const note = (id: string, n: number) => h('li', {id, className: ['note', 'note-note'], value: n}, [h('p', 'Note ' + id + '.')])
  const article = h('article', [
    // A cross-reference to note b (not its mark) comes first.
    h('p', ['See ', h('a', {href: '#b'}, 'note 2'), '.']),
    h('p', ['One', mark('a', 1), ' and two', mark('b', 2), '.']),
    h('section', [h('h2', 'Inside'), h('blockquote', [h('p', ['Three', mark('c', 3)])]), h('p', 'After.')]),
    h('section', {className: ['notes']}, [h('h2', {id: 'notes'}, 'Notes'), h('ol', [note('a', 1), note('b', 2), note('c', 3), note('lost', 4)])])
  ])
  const html = serialize(withSidenotes(article, fragmentWords({})))
  const aside = (id: string, n: number) =>
    `<aside id="${id}" class="note note-note sidenote" role="doc-footnote" aria-label="Note ${n}"><p><span class="sidenote-number">${n}.</span> Note ${id}.</p></aside>`
  assert.equal(
    html,
    '<article><p>See <a href="#b">note 2</a>.</p>' +
      `<p>One<a href="#a" id="ref-a" class="noteref"><sup>1</sup></a> and two<a href="#b" id="ref-b" class="noteref"><sup>2</sup></a>.</p>${aside('a', 1)}${aside('b', 2)}` +
      `<section><h2>Inside</h2><blockquote><p>Three<a href="#c" id="ref-c" class="noteref"><sup>3</sup></a></p></blockquote>${aside('c', 3)}<p>After.</p></section>` +
      '<section class="notes"><h2 id="notes">Notes</h2><ol><li id="lost" class="note note-note" value="4"><p>Note lost.</p></li></ol></section></article>'
  )
})
