import assert from 'node:assert/strict'
import {test} from 'node:test'
import {typography} from '@samizdat/model'

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
  assert.equal(typography('Brest-Litovsk 1919-1922'), 'Brest-Litovsk 1919-1922')
  assert.equal(typography('typeset — already'), `typeset${NBSP}— already`)
})

test('ellipses from three dots, spaced or not', () => {
  assert.equal(typography('industry . . . If'), 'industry … If')
  assert.equal(typography('wait...'), 'wait…')
  assert.equal(typography('. . . [and]'), '… [and]')
})

test('non-breaking space keeps page and volume numbers with their abbreviation', () => {
  assert.equal(typography('vol. 2, p. 636 and pp. 39-40'), `vol.${NBSP}2, p.${NBSP}636 and pp.${NBSP}39-40`)
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

test('initials stay with their name, and op. cit. with itself', () => {
  assert.equal(typography('by G. T. Miasnikov and A. Kollontai.'), `by G.${NBSP}T.${NBSP}Miasnikov and A.${NBSP}Kollontai.`)
  assert.equal(typography('Op. Cit., p. 4; loc. cit.'), `Op.${NBSP}Cit., p.${NBSP}4; loc.${NBSP}cit.`)
  // A soft line break of the source is a space too.
  assert.equal(typography('P. B.\nMoiseev, Op.\nCit.'), `P.${NBSP}B.${NBSP}Moiseev, Op.${NBSP}Cit.`)
  assert.equal(typography('Ivan. The end.'), 'Ivan. The end.')
})
