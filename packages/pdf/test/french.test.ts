/** A French edition's printed book shows the model's French words and a French list of authors. */
import assert from 'node:assert/strict'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {toPdf} from '@samizdat/pdf'
import {frenchEdition} from '../../model/test/helpers/french.js'
import {hasTool, outputDir, pageTexts} from './helpers.js'

test('a French edition: contents, credits, bylines, back matter and imprint in French', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  mkdirSync(outputDir, {recursive: true})
  const file = join(outputDir, 'french.pdf')
  writeFileSync(file, (await toPdf(await frenchEdition(), {date: new Date(Date.UTC(1970, 0, 1, 23, 59))}))[0]!.data)
  const text = pageTexts(file).join('\n').replace(/\s+/g, ' ')
  assert.match(text, /Table des matières/)
  assert.match(text, /Édition établie par Jeanne Leroy/)
  assert.match(text, /Anne Dupont, Bernard Martin et Claire Petit/)
  assert.doesNotMatch(text, /Bernard Martin and/)
  assert.match(text, /Préface/)
  assert.match(text, /Index des noms de personnes/)
  assert.match(text, /Chronologie/)
  assert.match(text, /6 mars 1918/)
})
