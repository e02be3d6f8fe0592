import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as html from '@samizdat/html'
import {typeExports, valueExports} from '../../../scripts/exports.js'

test('the runtime exports of @samizdat/html are exactly these, each of this kind', () => {
  assert.deepEqual(valueExports(html), {
    defaultLabels: 'object',
    remarkSamizdatHtml: 'function',
    renderFragment: 'function',
    renderNotes: 'function',
    renderSection: 'function',
    renderWork: 'function',
    serialize: 'function',
    stylesheet: 'string',
    toHtml: 'function'
  })
})

test('the type-only exports of @samizdat/html are exactly these', () => {
  assert.deepEqual(typeExports('html'), {
    FragmentOptions: 'interface',
    HrefFor: 'type',
    HtmlFile: 'interface',
    HtmlOptions: 'interface',
    HtmlSite: 'interface',
    Labels: 'interface',
    NodeHandler: 'type',
    NotesOptions: 'interface',
    SectionOptions: 'interface',
    SerializeOptions: 'interface',
    WorkOptions: 'interface'
  })
})
