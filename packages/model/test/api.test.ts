import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as model from '@samizdat/model'

test('the public API of @samizdat/model is exactly this', () => {
  assert.deepEqual(Object.keys(model).sort(), [
    'ContentError', 'UsageError', 'apparatusJsonSchema', 'blocksOf', 'checkCorpus', 'checkFidelity', 'compareWithSource', 'creatorsByRole', 'describeDifference', 'escapeControls',
    'hasErrors', 'listNames', 'loadCorpus', 'maxBracketsPerParagraph', 'maxNesting', 'normalizeForFidelity', 'removeNonXml', 'reservedIds', 'resolveEdition', 'sourceText', 'stripChrome', 'textOf', 'toApparatusJson', 'typography', 'warn', 'writerWarning'
  ])
})
