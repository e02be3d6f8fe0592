// The public surface of @samizdat/model. Code lives in lib/; nothing else is exported.
export type {
  ChromeRule,
  Corpus,
  Creator,
  CreatorRole,
  EditionMeta,
  EditionSpec,
  HeadingEntry,
  ImageAsset,
  ImageMediaType,
  LinkTarget,
  PublicationEvent,
  ResolvedEdition,
  ResolvedSection,
  ResolvedWork,
  SourceEntry,
  SourceRef,
  TocEntry,
  Work,
  WorkMeta
} from './lib/types.js'
export {corpusFromFiles, loadCorpus, type LoadOptions, type MemoryLoadOptions} from './lib/load/corpus.js'
export type {CorpusFiles} from './lib/load/memory.js'
export {loadedFiles} from './lib/load/read.js'
export {reservedIds} from './lib/load/reserved.js'
export {resolveEdition, type ResolveOptions} from './lib/resolve/edition.js'
export {followedUrl} from './lib/resolve/url.js'
export {tocParts, type TocPart} from './lib/resolve/toc.js'
export {labelsFor, locales, resolveLabels} from './lib/locale/resolve.js'
export {formatDate, formatPageRange} from './lib/locale/format.js'
export {textPlaces, type PageStart} from './lib/places.js'
export type {EpubLabels, HtmlLabels, LabelOverrides, Labels, ModelLabels, PdfLabels} from './lib/locale/types.js'
export {checkCorpus} from './lib/check.js'
export {checkFidelity, compareWithSource, describeDifference, normalizeForFidelity, sourceText, stripChrome, type FidelityDifference} from './lib/fidelity.js'
export {typography, type TypographyState} from './lib/typography.js'
export {
  remarkSamizdatAnchors,
  remarkSamizdatHeadings,
  remarkSamizdatLinks,
  remarkSamizdatNotes,
  remarkSamizdatTypography,
  type AnchorsOptions,
  type HeadingsOptions,
  type LinksOptions,
  type NotesOptions,
  type SamizdatData,
  type TypographyOptions
} from './lib/plugins.js'
export {textOf, blocksOf, type TextBlock} from './lib/text.js'
export {creatorsByRole, listNames} from './lib/creators.js'
export {hasErrors, ContentError, UsageError} from './lib/errors.js'
export {maxNesting, maxBracketsPerParagraph} from './lib/limits.js'
export {toApparatusJson, apparatusJsonSchema} from './lib/apparatus/json.js'
export type {
  Annotated,
  Annotation,
  AnnotationKind,
  Apparatus,
  Citation,
  CitationPart,
  Claim,
  Correction,
  Credit,
  CslItem,
  Mention,
  NoteReference,
  PersonEntry,
  QuoteSelector,
  ResolvedAnnotation,
  ResolvedCitation,
  ResolvedNote,
  TextSpan,
  TimelineEvent,
  UnlinkedLink
} from './lib/apparatus/types.js'
export {escapeControls, warn} from './lib/message.js'
export {removeNonXml} from './lib/load/xml-chars.js'
export {writerWarning, type OutputFile, type Reporter, type WarningOptions, type Writer, type WriterOptions} from './lib/writer.js'
export {checkMath, isInvalidMath, maxFormulaLength, texError, texToMathml, type MathNode} from './lib/math/tex.js'
export {codeColours, codeRuns, codeStylesheet, highlightTrees, type CodeRun} from './lib/code/highlight.js'
