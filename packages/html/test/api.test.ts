import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as html from '@samizdat/html'

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
