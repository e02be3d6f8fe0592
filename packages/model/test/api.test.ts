import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as model from '@samizdat/model'

test('the public API of @samizdat/model is exactly this', () => {
  assert.deepEqual(Object.keys(model).sort(), [
    'ContentError', 'UsageError', 'apparatusJsonSchema', 'blocksOf', 'checkCorpus', 'checkFidelity', 'compareWithSource', 'corpusFromFiles', 'creatorsByRole', 'describeDifference', 'escapeControls', 'formatDate',
    'hasErrors', 'labelsFor', 'listNames', 'loadCorpus', 'locales', 'maxBracketsPerParagraph', 'maxNesting', 'normalizeForFidelity', 'remarkSamizdatAnchors', 'remarkSamizdatHeadings', 'remarkSamizdatLinks', 'remarkSamizdatNotes', 'remarkSamizdatTypography', 'removeNonXml', 'reservedIds', 'resolveEdition', 'resolveLabels', 'sourceText', 'stripChrome', 'textOf', 'toApparatusJson', 'typography', 'warn', 'writerWarning'
  ])
})
