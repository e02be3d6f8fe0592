import assert from 'node:assert/strict'
import {test} from 'node:test'
import {corpusFromFiles, resolveEdition, textOf, typography} from '@samizdat/model'
import {messages} from './helpers/corpus.js'
import {alternateBrackets} from '../src/lib/typography.js'

const NBSP = '\u00A0'

test('double quotes open after space, brackets and dashes, close after words', () => {
  assert.equal(typography('He said "yes" (and "no").'), 'He said “yes” (and “no”).')
  assert.equal(typography('word--"quoted"'), 'word—“quoted”')
  assert.equal(typography('["a"]'), '[“a”]')
})

test('single quotes and apostrophes', () => {
  assert.equal(typography("the workers' party isn't 'theirs'"), 'the workers’ party isn’t ‘theirs’')
  assert.equal(typography("Hungary '56 and May '68"), 'Hungary ’56 and May ’68')
})

test('dashes: em from -- and ---, en between digits and for spaced hyphens; never at a line start', () => {
  assert.equal(typography('orthodoxy -- even'), `orthodoxy${NBSP}— even`)
  assert.equal(typography('a---b'), 'a—b')
  assert.equal(typography('1923--7'), '1923–7')
  assert.equal(typography('which - according to the myth - had'), `which${NBSP}– according to the myth${NBSP}– had`)
  assert.equal(typography('Brest-Litovsk 1919–1922'), 'Brest-Litovsk 1919–1922')
  assert.equal(typography('typeset — already'), `typeset${NBSP}— already`)
})

test('ellipses from three dots, spaced or not', () => {
  assert.equal(typography('industry . . . If'), 'industry … If')
  assert.equal(typography('wait...'), 'wait…')
  assert.equal(typography('. . . [and]'), '… [and]')
})

test('non-breaking space keeps page and volume numbers with their abbreviation', () => {
  assert.equal(typography('vol. 2, p. 636 and pp. 39-40'), `vol.${NBSP}2, p.${NBSP}636 and pp.${NBSP}39–40`)
  assert.equal(typography('the p. is'), 'the p. is')
})

test('state carries across text runs of one block', () => {
  const state = {previous: ''}
  assert.equal(typography('one time ', state), 'one time ')
  assert.equal(typography('"Left Communist"', state), '“Left Communist”')
  assert.equal(typography(') "continued', state), ') “continued')
})

test('idempotent: typeset text is left as it is', () => {
  const once = typography(`"It's" -- he said... 'no' (p. 3)`)
  assert.equal(typography(once), once)
})

test('number ranges take an en dash; dates, ISBNs, decimals and compounds keep their hyphens', () => {
  assert.equal(typography('from 1919-1922 (pp. 75-6, 1923-25)'), `from 1919–1922 (pp.${NBSP}75–6, 1923–25)`)
  for (const kept of ['2024-05-01', 'in 1921-01', 'ISBN 0-900-1234', '978-3-16', '1.5-2', 'Brest-Litovsk', 'mid-1918', 'COVID-19', 'x-1', '12345-6']) {
    assert.equal(typography(kept), kept)
  }
})

test("the edition's dash: spaced en dashes or closed em dashes, whatever the source wrote; ranges and a dash opening a line stay", () => {
  const source = 'orthodoxy -- even - as we said—they left – and 1923--7 or 1919-22'
  assert.equal(typography(source, {previous: ''}, {dashes: 'en'}), `orthodoxy${NBSP}– even${NBSP}– as we said${NBSP}– they left${NBSP}– and 1923–7 or 1919–22`)
  assert.equal(typography(source, {previous: ''}, {dashes: 'em'}), 'orthodoxy—even—as we said—they left—and 1923–7 or 1919–22')
  // Without a style, the source's dashes stay as they are.
  assert.equal(typography(source), `orthodoxy${NBSP}— even${NBSP}– as we said—they left${NBSP}– and 1923–7 or 1919–22`)
  assert.equal(typography('— Yes, he said', {previous: ''}, {dashes: 'em'}), '— Yes, he said')
  // A closed en dash between words is a range: it stays closed in both styles.
  for (const dashes of ['en', 'em'] as const)
    assert.equal(typography('April–June 1918, Paris–London', {previous: ''}, {dashes}), 'April–June 1918, Paris–London')
  for (const dashes of ['en', 'em'] as const) {
    const once = typography(source, {previous: ''}, {dashes})
    assert.equal(typography(once, {previous: ''}, {dashes}), once, `${dashes}: idempotent`)
  }
})

const dashCorpus = (edition: string): Record<string, string> => ({
  'editions/e.yaml': `title: E\n${edition}`,
  'works/a.md': '---\ntitle: "A - B"\n---\n\nThe years 1919-1922 -- a time - of change.\n'
})

test('an edition names its dash style and hyphenation exceptions (schema-checked); `typography: false` leaves the source as it is', async () => {
  const corpus = await corpusFromFiles(dashCorpus('dashes: em\nhyphenation: [bu-reau-cracy, Trot-sky]\n'))
  assert.deepEqual(messages(corpus.files), [])
  const edition = resolveEdition(corpus, 'e')
  assert.equal(textOf(edition.works[0]!.tree), 'The years 1919–1922—a time—of change.')
  assert.equal(edition.works[0]!.meta.title, 'A—B')
  assert.deepEqual(edition.meta.hyphenation, ['bu-reau-cracy', 'Trot-sky'])
  assert.equal(textOf(resolveEdition(corpus, 'e', {typography: false}).works[0]!.tree), 'The years 1919-1922 -- a time - of change.')
  const bad = await corpusFromFiles(dashCorpus('dashes: long\nhyphenation: [two words]\n'))
  assert.deepEqual(messages(bad.files), [
    'editions/e.yaml:2:9: Unexpected value in edition at `dashes`: expected one of "en", "em" [field-invalid]',
    'editions/e.yaml:3:15: Malformed value in edition at `hyphenation.0`: must match ^[^\\s\\d]+$ [field-invalid]'
  ])
})

test("an edition's blank `quotedHeading` is a positioned error where it is written, not a placeless empty heading in every work", async () => {
  // Found by the property checks: `"  "` passed the schema and each quoted work warned, without a place, of an empty heading.
  const blank = await corpusFromFiles(dashCorpus('quotedHeading: "  "\n'))
  assert.deepEqual(messages(blank.files), ['editions/e.yaml:2:16: Blank value in edition at `quotedHeading`: it must hold some text [field-invalid]'])
})

test('initials stay with their name, and op. cit. with itself', () => {
  assert.equal(typography('by G. T. Miasnikov and A. Kollontai.'), `by G.${NBSP}T.${NBSP}Miasnikov and A.${NBSP}Kollontai.`)
  assert.equal(typography('Op. Cit., p. 4; loc. cit.'), `Op.${NBSP}Cit., p.${NBSP}4; loc.${NBSP}cit.`)
  // A soft line break of the source is a space too.
  assert.equal(typography('P. B.\nMoiseev, Op.\nCit.'), `P.${NBSP}B.${NBSP}Moiseev, Op.${NBSP}Cit.`)
  assert.equal(typography('Ivan. The end.'), 'Ivan. The end.')
})

test('nested parentheses alternate with square brackets by depth; unpaired ones count for nothing', () => {
  assert.equal(alternateBrackets('Title (Solidarity (London))'), 'Title (Solidarity [London])')
  assert.equal(alternateBrackets('((((a))))'), '([([a])])')
  assert.equal(alternateBrackets('( a (b) c'), '( a (b) c')
  assert.equal(alternateBrackets('(a (b) (c (d))) e)'), '(a [b] [c (d)]) e)')
  // Against the rule as written (a pair's depth is the pairs around it), on generated strings of brackets.
  const byDefinition = (text: string): string => {
    const pairs: Array<[number, number]> = []
    const open: number[] = []
    for (let index = 0; index < text.length; index++) {
      if (text[index] === '(') open.push(index)
      else if (text[index] === ')' && open.length > 0) pairs.push([open.pop()!, index])
    }
    const square = new Set(pairs.filter(([s, e]) => pairs.filter(([os, oe]) => os < s && oe > e).length % 2 === 1).flat())
    return text.replace(/[()]/g, (bracket, index: number) => (square.has(index) ? (bracket === '(' ? '[' : ']') : bracket))
  }
  let seed = 7
  for (let run = 0; run < 500; run++) {
    let text = ''
    for (let length = 0; length < 14; length++) text += '()a'[(seed = (seed * 48271) % 2147483647) % 3]
    assert.equal(alternateBrackets(text), byDefinition(text), text)
  }
})
