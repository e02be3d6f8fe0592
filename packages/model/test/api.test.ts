import assert from 'node:assert/strict'
import {test} from 'node:test'
import * as model from '@samizdat/model'
import {typeExports, valueExports} from '../../../scripts/exports.js'

test('the runtime exports of @samizdat/model are exactly these, each of this kind', () => {
  assert.deepEqual(valueExports(model), {
    ContentError: 'class',
    UsageError: 'class',
    apparatusJsonSchema: 'object',
    blocksOf: 'function',
    checkCorpus: 'function',
    checkFidelity: 'function',
    compareWithSource: 'function',
    creatorsByRole: 'function',
    describeDifference: 'function',
    escapeControls: 'function',
    hasErrors: 'function',
    listNames: 'function',
    loadCorpus: 'function',
    maxBracketsPerParagraph: 'number',
    maxNesting: 'number',
    normalizeForFidelity: 'function',
    removeNonXml: 'function',
    reservedIds: 'set',
    resolveEdition: 'function',
    sourceText: 'function',
    stripChrome: 'function',
    textOf: 'function',
    toApparatusJson: 'function',
    typography: 'function',
    warn: 'function'
  })
})

test('the type-only exports of @samizdat/model are exactly these', () => {
  assert.deepEqual(typeExports('model'), {
    Annotated: 'interface',
    Annotation: 'interface',
    AnnotationKind: 'type',
    Apparatus: 'interface',
    ChromeRule: 'interface',
    Citation: 'interface',
    CitationPart: 'interface',
    Claim: 'interface',
    Corpus: 'interface',
    Correction: 'interface',
    Creator: 'interface',
    CreatorRole: 'type',
    Credit: 'interface',
    CslItem: 'interface',
    EditionMeta: 'interface',
    EditionSpec: 'interface',
    FidelityDifference: 'interface',
    HeadingEntry: 'interface',
    LinkTarget: 'interface',
    LoadOptions: 'interface',
    Mention: 'interface',
    ModelLabels: 'interface',
    NoteReference: 'interface',
    PersonEntry: 'interface',
    PublicationEvent: 'interface',
    QuoteSelector: 'interface',
    ResolveOptions: 'interface',
    ResolvedAnnotation: 'interface',
    ResolvedCitation: 'interface',
    ResolvedEdition: 'interface',
    ResolvedNote: 'interface',
    ResolvedSection: 'interface',
    ResolvedWork: 'interface',
    SourceEntry: 'interface',
    SourceRef: 'interface',
    TextBlock: 'interface',
    TextSpan: 'interface',
    TimelineEvent: 'interface',
    TocEntry: 'interface',
    TypographyState: 'interface',
    Work: 'interface',
    WorkMeta: 'interface'
  })
})
