/** A French edition's book shows the model's French words and a French list of authors. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {toEpub} from '@samizdat/epub'
import {frenchEdition} from '../../model/test/helpers/french.js'
import {buildDate, open} from './helpers/books.js'

test('a French edition: contents, landmarks, title page, back matter and colophon in French', async () => {
  const book = await open((await toEpub(await frenchEdition(), {date: buildDate}))[0]!.data)
  // The chapters carry some letters as character references (`&#xC9;`): read them as letters.
  const all = (await Promise.all([book.nav, ...book.spine].map((path) => book.text(path))))
    .join('\n')
    .replace(/&#x([0-9A-F]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
  const nav = await book.text(book.nav)
  assert.match(nav, /<h1 id="toc-heading">Table des matières<\/h1>|>Table des matières</)
  assert.match(nav, /<h2>Repères<\/h2>/)
  assert.match(all, /<p class="credit">Par Anne Dupont, Bernard Martin et Claire Petit<\/p>/)
  assert.match(all, /<title>Préface<\/title>/)
  assert.match(all, /<p class="credit">Édition établie par Jeanne Leroy<\/p>/)
  assert.match(all, /<h1 id="index-of-persons">Index des noms de personnes<\/h1>/)
  assert.match(all, /<h1 id="timeline">Chronologie<\/h1>/)
  assert.match(all, /<h1 id="colophon">À propos de cette édition<\/h1>/)
  assert.match(all, /<strong>6 mars 1918<\/strong>/)
  assert.match(all, /<p class="byline">Par Anne Dupont, Bernard Martin et Claire Petit<\/p>/)
  assert.match(all, /alt="Couverture\u00A0: Trois voix\. Anne Dupont, Bernard Martin et Claire Petit"/)
})
