import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as html from '@samizdat/html'
import {fixtureEdition} from './helpers/edition.js'

test('public API: exactly these exports', () => {
  assert.deepEqual(Object.keys(html).sort(), [
    'remarkSamizdatHtml',
    'renderFragment',
    'renderNotes',
    'renderSection',
    'renderWork',
    'serialize',
    'stylesheet',
    'toHtml'
  ])
})

test('toHtml follows the writer contract: a promise of files in `<edition id>/`, as bytes', async () => {
  const edition = await fixtureEdition()
  const pending = html.toHtml(edition)
  assert.ok(pending instanceof Promise)
  const files = await pending
  assert.ok(files.length > 2)
  assert.ok(files.every((file) => file.path.startsWith(`${edition.meta.id}/`) && file.data instanceof Uint8Array), files.map((file) => file.path).join(', '))
  assert.deepEqual(files.slice(0, 1).map((file) => file.path), [`${edition.meta.id}/index.html`])
  assert.equal(files.at(-1)?.path, `${edition.meta.id}/style.css`)
})
