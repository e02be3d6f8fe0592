/** A French edition's web pages show the model's French words and a French list of authors. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {toHtml} from '@samizdat/html'
import {frenchEdition} from '../../model/test/helpers/french.js'
import {siteOf} from './helpers/site.js'

test('a French edition: contents, notes, back matter, metadata and authors in French', async () => {
  const site = await siteOf(toHtml(await frenchEdition()))
  const page = (path: string): string => site.files.find((file) => file.path === path)?.contents ?? assert.fail(`no ${path}`)
  const index = page('index.html')
  assert.match(index, /<h2 id="contents">Sommaire<\/h2>/)
  assert.match(index, /<h2 id="preface">Préface<\/h2>/)
  assert.match(index, /<p class="credit">Par Anne Dupont, Bernard Martin et Claire Petit<\/p>/)
  assert.match(index, /<p class="credit">Édition établie par Jeanne Leroy<\/p>/)
  assert.match(index, /<a class="skip-link" href="#title-page">Aller au texte<\/a>/)
  const work = page('lettre.html')
  assert.match(work, /<p class="byline">Par Anne Dupont, Bernard Martin et Claire Petit<\/p>/)
  assert.match(work, /<meta name="author" content="Anne Dupont, Bernard Martin et Claire Petit">/)
  assert.match(work, /<aside id="[^"]+" class="note note-[a-z]+ sidenote" role="doc-footnote" aria-label="Note 1">/)
  assert.match(work, /aria-label="Retour au texte, note 1"/)
  assert.match(page('index-of-persons.html'), /<h1 id="index-of-persons">Index des noms de personnes<\/h1>/)
  assert.match(page('timeline.html'), /<strong>6 mars 1918<\/strong> Le congrès\./)
})

test("the locale and labels options lay other words over the edition's", async () => {
  const site = await siteOf(toHtml(await frenchEdition(), {locale: 'en', labels: {note: 'Endnote'}}))
  const work = site.files.find((file) => file.path === 'lettre.html')?.contents ?? ''
  assert.match(work, /<p class="byline">By Anne Dupont, Bernard Martin and Claire Petit<\/p>/)
  assert.match(work, /role="doc-footnote" aria-label="Endnote 1">/)
})
