/** One labels object for every output: English and French shipped, picked from the edition's language. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {formatDate, formatPageRange, labelsFor, listNames, locales, resolveLabels, textOf, UsageError, type Labels} from '@samizdat/model'
import {frenchEdition} from './helpers/french.js'

/** Every key path of an object, leaves included (`html.notes`, `roles.edt`). */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value)
    .flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
    .sort()
}

test('every locale has exactly the English keys, each a non-empty string', () => {
  assert.deepEqual(Object.keys(locales).sort(), ['en', 'fr'])
  const english = keys(locales['en'])
  assert.ok(english.length > 60, `${english.length} keys`)
  for (const [name, labels] of Object.entries(locales)) {
    assert.deepEqual(keys(labels), english, name)
    for (const path of keys(labels)) {
      const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], labels)
      assert.ok(typeof value === 'string' && value.length > 0, `${name}: ${path}`)
    }
  }
})

test('the language picks the words: any fr tag is French, anything else English, with no error', () => {
  for (const tag of ['fr', 'fr-FR', 'fr-CA', 'FR-be']) assert.equal(resolveLabels(tag).epub.contents, 'Table des matières', tag)
  for (const tag of [undefined, 'en', 'en-US', 'de', 'ru', 'zh-Hant-TW']) assert.equal(resolveLabels(tag).epub.contents, 'Contents', String(tag))
  // A tag with a region keeps it for Intl; a bare one takes the house's.
  assert.deepEqual(
    ['fr', 'fr-CA', 'en', 'en-US', 'de'].map((tag) => resolveLabels(tag).language),
    ['fr-FR', 'fr-CA', 'en-GB', 'en-US', 'en-GB']
  )
  assert.throws(
    () => resolveLabels('not a tag!'),
    (error: unknown) => error instanceof UsageError && /`not a tag!`/.test(error.message)
  )
})

test('French typography: guillemets with narrow no-break spaces, a no-break space before a colon', () => {
  const french = resolveLabels('fr')
  assert.equal(french.model.openQuote + 'mot' + french.model.closeQuote, '«\u202Fmot\u202F»')
  assert.equal(french.colon, '\u00A0: ')
  assert.equal(french.model.sourcesDisagree, 'Les sources divergent\u00A0:')
  assert.equal(french.model.index, 'Index des noms de personnes')
})

test('overrides are merged group by group over the language defaults', () => {
  const labels: Labels = resolveLabels('fr', {html: {notes: 'Remarques'}, roles: {edt: 'Sous la direction de'}})
  assert.equal(labels.html.notes, 'Remarques')
  assert.equal(labels.html.contents, 'Sommaire')
  assert.equal(labels.roles['edt'], 'Sous la direction de')
  assert.equal(labels.roles['trl'], 'Traduit par')
  assert.equal(labels.model.timeline, 'Chronologie')
  // The shipped objects are not changed by a merge.
  assert.equal(locales['fr']!.html.notes, 'Notes')
})

test('lists of names by Intl.ListFormat in the language; no serial comma in house English', () => {
  assert.equal(listNames(['A', 'B', 'C'], 'fr-FR'), 'A, B et C')
  assert.equal(listNames(['A', 'B', 'C'], 'en-GB'), 'A, B and C')
  assert.equal(listNames(['A', 'B'], 'fr-FR'), 'A et B')
  assert.equal(listNames(['A'], 'fr-FR'), 'A')
  assert.equal(listNames([], 'en-GB'), '')
})

test('no name or one needs no list formatter (making the first one loads ICU data): the same text as Intl.ListFormat', (t) => {
  for (const language of ['en-GB', 'fr-FR', 'de', 'ar', 'he', 'ja', 'zh-Hans', 'hi']) {
    for (const names of [[], ['Ann'], [' Ann Lee ']]) {
      assert.equal(listNames(names, language), new Intl.ListFormat(language, {type: 'conjunction', style: 'long'}).format(names))
    }
  }
  t.mock.method(Intl, 'ListFormat', () => {
    throw new Error('no formatter for fewer than two names')
  })
  assert.equal(listNames(['Ann'], 'en-GB'), 'Ann')
  assert.equal(listNames([], 'en-GB'), '')
  assert.throws(() => listNames(['A', 'B'], 'en-GB'), /no formatter/)
})

test('dates for readers: Intl in the language, in UTC, as precise as written', () => {
  assert.equal(formatDate('1918-03-06', 'fr-FR'), '6 mars 1918')
  assert.equal(formatDate('1918-03-06', 'en-GB'), '6 March 1918')
  assert.equal(formatDate('1921-03', 'fr-FR'), 'mars 1921')
  assert.equal(formatDate('1921', 'fr-FR'), '1921')
  assert.equal(formatDate('1918-03-06/1918-03-08', 'fr-FR'), '6–8 mars 1918')
  assert.equal(formatDate('1918/1918-03', 'en-GB'), '1918–March 1918')
  // Just before midnight UTC is still that day, wherever the build runs.
  assert.equal(formatDate(new Date(Date.UTC(1970, 0, 1, 23, 59)), 'fr-FR'), '1 janvier 1970')
  assert.equal(formatDate('1921-03-08T10:00:00Z', 'en-GB'), '1921-03-08T10:00:00Z')
})

test("resolveEdition decides the words from the edition's language: a French edition writes French", async () => {
  const edition = await frenchEdition()
  assert.equal(edition.labels.language, 'fr-FR')
  assert.equal(edition.labels.html.contents, 'Sommaire')
  assert.equal(edition.preface?.title, 'Préface')
  assert.deepEqual(
    edition.backMatter.map((section) => [section.id, section.title]),
    [
      ['index-of-persons', 'Index des noms de personnes'],
      ['timeline', 'Chronologie']
    ]
  )
  assert.equal(textOf(edition.backMatter[1]!.tree), '6 mars 1918 Le congrès. Une lettre1')
})

test("a locale option overrides the edition's language, and labels override the locale", async () => {
  const english = await frenchEdition({locale: 'en', labels: {model: {timeline: 'Dates'}}})
  assert.equal(english.labels.language, 'en-GB')
  assert.equal(english.preface?.title, 'Preface')
  assert.deepEqual(
    english.backMatter.map((section) => section.title),
    ['Index of persons', 'Dates']
  )
  assert.equal(textOf(english.backMatter[1]!.tree), '6 March 1918 Le congrès. Une lettre1')
  await assert.rejects(frenchEdition({locale: 'fr_FR!'}), UsageError)
})

test("labelsFor: what an adapter uses — the edition's words, another locale's, and its overrides on top", async () => {
  const edition = await frenchEdition({labels: {html: {next: 'Page suivante'}}})
  assert.equal(labelsFor(edition), edition.labels)
  assert.equal(labelsFor(edition, 'fr-FR').html.next, 'Page suivante')
  assert.equal(labelsFor(edition, 'en').html.next, 'Next')
  assert.equal(labelsFor(edition, undefined, {pdf: {page: 'p.'}}).pdf.page, 'p.')
  assert.equal(labelsFor(edition, undefined, {pdf: {page: 'p.'}}).html.next, 'Page suivante')
})

test('page ranges: English abbreviates as Chicago 9.64 does (its table of examples), French writes them in full', () => {
  const chicago: [string, string, string][] = [
    // First number less than 100: all digits.
    ['3', '10', '3–10'],
    ['71', '72', '71–72'],
    ['96', '117', '96–117'],
    // 100 or a multiple of 100: all digits.
    ['100', '104', '100–104'],
    ['1100', '1113', '1100–1113'],
    // 101 through 109 of a hundred: the changed part only.
    ['101', '108', '101–8'],
    ['808', '833', '808–33'],
    ['1103', '1104', '1103–4'],
    // 110 through 199 of a hundred: two digits or more as needed, all four when three of four change.
    ['321', '328', '321–28'],
    ['498', '532', '498–532'],
    ['1087', '1089', '1087–89'],
    ['1496', '1500', '1496–1500'],
    ['11564', '11615', '11564–615'],
    ['12991', '13001', '12991–3001']
  ]
  for (const [first, last, expected] of chicago) assert.equal(formatPageRange(first, last, 'en-GB'), expected, `${first}–${last}`)
  assert.equal(formatPageRange('101', '108', 'en-US'), '101–8')
  assert.equal(formatPageRange('101', '108', 'fr-FR'), '101–108')
  assert.equal(formatPageRange('1496', '1500', 'fr-FR'), '1496–1500')
  // Roman pages of the front matter are not abbreviated.
  assert.equal(formatPageRange('xii', 'xiv', 'en-GB'), 'xii–xiv')
})
