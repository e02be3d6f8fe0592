import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as html from '@samizdat/html'
import {typeExports, valueExports} from '../../../scripts/exports.js'
import {fixtureEdition} from './helpers/edition.js'

test('the runtime exports of @samizdat/html are exactly these, each of this kind', () => {
  assert.deepEqual(valueExports(html), {
    isHtmlComment: 'function',
    keptRendering: 'function',
    keyOf: 'function',
    remarkSamizdatHtml: 'function',
    renderFragment: 'function',
    renderNotes: 'function',
    renderSection: 'function',
    renderWork: 'function',
    scriptFontCss: 'function',
    scriptFonts: 'function',
    serialize: 'function',
    stylesheet: 'string',
    toHtml: 'function'
  })
})

test('the type-only exports of @samizdat/html are exactly these', () => {
  assert.deepEqual(typeExports('html'), {
    FragmentOptions: 'interface',
    HrefFor: 'type',
    HtmlOptions: 'interface',
    Labels: 'type',
    NodeHandler: 'type',
    NotesOptions: 'interface',
    ScriptFontFile: 'interface',
    ScriptFonts: 'interface',
    SectionOptions: 'interface',
    SerializeOptions: 'interface',
    WorkOptions: 'interface',
    WorkStore: 'interface'
  })
})

test('toHtml follows the writer contract: a promise of files in `<edition id>/`, as bytes', async () => {
  const edition = await fixtureEdition()
  const pending = html.toHtml(edition)
  assert.ok(pending instanceof Promise)
  const files = await pending
  assert.ok(files.length > 2)
  assert.ok(
    files.every((file) => file.path.startsWith(`${edition.meta.id}/`) && file.data instanceof Uint8Array),
    files.map((file) => file.path).join(', ')
  )
  assert.deepEqual(
    files.slice(0, 1).map((file) => file.path),
    [`${edition.meta.id}/index.html`]
  )
  assert.ok(files.some((file) => file.path === `${edition.meta.id}/style.css`))
})
