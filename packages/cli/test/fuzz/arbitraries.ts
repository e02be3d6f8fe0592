/**
 * fast-check generators of whole corpora: works (Markdown with front
 * matter), editions with prefaces, and the standoff apparatus. A case is
 * plain data (`Case`); `render.ts` turns it into files. Sizes are bounded so
 * that one case builds in well under a second.
 *
 * Annotations do not carry their quotes: they point at a "plain paragraph"
 * by number and at words in it, and the renderer takes the quote from the
 * text it wrote, so anchors match the generated text and still shrink well.
 */
import fc from 'fast-check'

/** Which families of input a run draws from; the test runs each on its own so one bug does not hide another. */
export interface Profile {
  /** C0/C1 controls, noncharacters, lone surrogates, bidi overrides, combining marks, astral characters, `]]>`, `--`. */
  controls: boolean
  /** Raw HTML blocks and inline HTML (clobbering names, tracking images, `<script>`, `<template>`…). */
  html: boolean
  /** Annotations, persons, timeline, bibliography and citations. */
  apparatus: boolean
  /** Front matter beyond the plain: reserved ids, free-form dates, odd folder names, odd link schemes. */
  hostile: boolean
}

export const profiles: Readonly<Record<string, Profile>> = {
  markdown: {controls: false, html: false, apparatus: false, hostile: false},
  unicode: {controls: true, html: false, apparatus: false, hostile: false},
  html: {controls: false, html: true, apparatus: false, hostile: false},
  apparatus: {controls: false, html: false, apparatus: true, hostile: false},
  hostile: {controls: false, html: false, apparatus: false, hostile: true},
  all: {controls: true, html: true, apparatus: true, hostile: true}
}

export type Inline =
  | {type: 'text'; value: string}
  | {type: 'emphasis' | 'strong' | 'delete'; marker: '*' | '_'; children: Inline[]}
  | {type: 'code'; value: string}
  | {type: 'link'; url: string; title: string | undefined; children: Inline[]}
  | {type: 'autolink'; url: string}
  | {type: 'image'; url: string; alt: string}
  | {type: 'html'; value: string}
  | {type: 'footnoteReference'; label: string}
  /** A bracketed citation: `[**Title**, p. 3]`; `item` picks a bibliography title, or is `Op. Cit.`, `Ibid.` or any title. */
  | {type: 'citation'; item: number | string; locator: string | undefined}
  | {type: 'break'}

export type Block =
  | {type: 'paragraph'; children: Inline[]}
  /** A paragraph of plain words, tracked: it must reach the outputs. The renderer prefixes a unique token. */
  | {type: 'plain'; words: string[]}
  | {type: 'heading'; depth: number; children: Inline[]}
  | {type: 'thematicBreak'}
  | {type: 'code'; fence: '`' | '~' | 'indent'; lang: string; value: string}
  | {type: 'blockquote'; children: Block[]}
  | {type: 'list'; ordered: boolean; start: number; spread: boolean; items: Block[][]}
  | {type: 'table'; align: Array<'left' | 'right' | 'center' | null>; rows: Inline[][][]}
  /** Raw HTML: one line, or an opening and a closing line around Markdown blocks. */
  | {type: 'html'; open: string; children: Block[] | undefined; close: string}
  | {type: 'footnoteDefinition'; label: string; children: Block[]}

export type Scalar = string | number | boolean
export type Yaml = Scalar | Yaml[] | {[key: string]: Yaml}

export interface WorkCase {
  /** Front matter (a YAML mapping), or none: the title is then a leading `#` heading. */
  frontMatter: {[key: string]: Yaml} | undefined
  /** Title used for the heading when there is no front matter (none: the work has no title). */
  headingTitle: string | undefined
  blocks: Block[]
}

export interface AnnotationCase {
  kind: 'note' | 'correction' | 'conflict' | 'crossref' | 'person' | 'language'
  /** Which plain paragraph (modulo their number) and which words of it (modulo its length). */
  paragraph: number
  start: number
  length: number
  body: string
  corr: string
  reason: string
  claims: string[]
  target: number
  quotes: boolean
  locator: string | undefined
  person: number
  lang: string
  credit: string | undefined
}

export interface Case {
  /** The corpus folder's name (the implicit edition's id when there are no editions). */
  folder: string
  works: WorkCase[]
  /** Edition files (`editions/e<n>.yaml`), works by index (modulo their number); none: the folder is the one edition. */
  editions: Array<{fields: {[key: string]: Yaml}; works: number[] | undefined; unknownWork: string | undefined; preface: Block[] | undefined}>
  annotations: AnnotationCase[]
  persons: Array<{name: string; variants: string[]; fields: {[key: string]: Yaml}}>
  timeline: Array<{date: string; label: string; mention: {paragraph: number; start: number; length: number} | undefined}>
  bibliography: Array<{title: string; family: string; given: string}>
}

/** Words that typography leaves alone, so a plain paragraph reads the same in every output. */
export const vocabulary = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'workers',
  'party',
  'soviet',
  'council',
  'bread',
  'peace',
  'land',
  'union',
  'trade',
  'kollontai',
  'opposition'
]

/** Text that breaks serialisers: XML-forbidden characters, bidi, combining marks, astral characters, markup. */
const controlChunks = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B[31mred\u001B[0m',
  '\u001F',
  '\u007F',
  '\u0080',
  '\u0085',
  '\u009B',
  '\u009F',
  '\uFFFE',
  '\uFFFF',
  '\uFEFF',
  '\uD800',
  '\uDFFF',
  'a\uDBFFb',
  '\uDBFF\uDFFF',
  '\u200B',
  '\u200D',
  '\u2028',
  '\u2029',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u00AD',
  'שלום',
  'مرحبا',
  'e\u0301',
  '\u0301',
  'Z\u0351\u0352\u0353\u0354',
  '😀',
  '👩‍👩‍👧',
  '🇺🇦',
  '𝔘𝔫𝔦',
  '𠜎',
  'ǅ',
  'ﬁ',
  'İ',
  'ß',
  '&#0;',
  '&#x7;',
  '&#xD800;',
  '&#xFFFE;',
  '&#1114111;'
]
const markupChunks = [
  ']]>',
  '--',
  '---',
  '<!--',
  '-->',
  '&',
  '&amp;',
  '&nbsp;',
  '&bogus;',
  '<',
  '>',
  '"',
  "'",
  '...',
  '*',
  '**',
  '_',
  '`',
  '``',
  '[',
  ']',
  '(',
  ')',
  '!',
  '\\',
  '#',
  '|',
  '~',
  '{',
  '}',
  '$',
  '%',
  '^',
  '\t',
  '<?',
  '?>',
  '<x>',
  '</x>'
]
const commonChunks = ['Ünïcödé', 'naïve', 'Ångström', 'ЦК', 'Кollontai', '“quoted”', '’68', '1921–1922', '\u00A0']

/** One run of text with no line ending (the renderer owns line structure). */
export function textArb(profile: Profile, maxChunks = 5): fc.Arbitrary<string> {
  const chunk = fc.oneof(
    {withCrossShrink: true},
    {weight: 8, arbitrary: fc.constantFrom(...vocabulary)},
    {weight: 3, arbitrary: fc.constantFrom(...markupChunks)},
    {weight: 2, arbitrary: fc.constantFrom(...commonChunks)},
    {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 4})},
    ...(profile.controls
      ? [
          {weight: 4, arbitrary: fc.constantFrom(...controlChunks)},
          {weight: 2, arbitrary: fc.string({unit: 'binary', maxLength: 4})}
        ]
      : [])
  )
  return fc.array(chunk, {minLength: 1, maxLength: maxChunks}).map((chunks) => chunks.join(' ').replace(/[\n\r]/g, ' '))
}

/** A non-empty single-line value for a YAML field that must not be blank. */
function nameArb(profile: Profile): fc.Arbitrary<string> {
  return textArb(profile, 3).filter((text) => text.trim() !== '')
}

const urls = ['w1.md', 'https://example.org/a?b=c&d=e', 'http://example.org/', 'mailto:editor@example.org', 'relative/path', '']
const hostileUrls = [
  'w2.md#heading',
  '#anchor',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'vbscript:msgbox',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  '//evil.example/x',
  'https://',
  'https://example.org/%zz',
  'w9.md'
]
const imageUrls = ['https://tracker.example/pixel.png', 'data:image/png;base64,iVBORw0KGgo=', 'http://tracker.example/p.gif']
const htmlInline = [
  '<span>',
  '</span>',
  '<b>bold</b>',
  '<em id="index">x</em>',
  '<sup>2</sup>',
  '<br>',
  '<!-- c -->',
  '<!-- a -- b -->',
  '<img src="https://tracker.example/pixel.png" name="getElementById" alt="px">',
  '<img src=x onerror=alert(1)>',
  '<a name="body" id="documentElement" href="javascript:alert(1)">clobber</a>',
  '<a href="https://example.org/" target="_blank">out</a>',
  '<script>alert(1)</script>',
  '<style>*{}</style>',
  '<iframe src="https://evil.example/"></iframe>',
  '<x-foo>',
  '<![CDATA[ ]]> ]]>',
  '<svg><a xlink:href="javascript:alert(1)">s</a></svg>',
  '<math><mi>x</mi></math>',
  '<input name="attributes">',
  '<span style="background:url(https://tracker.example/bg.png)">styled</span>',
  '<abbr title="t">T</abbr>',
  '<kbd>K</kbd>'
]

/** Raw HTML blocks: [opening line, closing line, whether Markdown blocks go between]. */
const htmlBlocks: Array<[string, string, boolean]> = [
  ['<div class="box" id="cookie">', '</div>', true],
  ['<details><summary>More</summary>', '</details>', true],
  ['<template>', '</template>', true],
  ['<section name="forms">', '</section>', true],
  ['<table><tr><td>raw cell text</td></tr></table>', '', false],
  ['<p>raw paragraph text</p>', '', false],
  ['<div>raw div text</div>', '', false],
  ['<script>alert(1)</script>', '', false],
  ['<script>', '', false],
  ['<style>p {color: red}</style>', '', false],
  ['<pre>raw pre text</pre>', '', false],
  ['<!-- a comment -- with dashes -->', '', false],
  ['<![CDATA[ x ]]>', '', false],
  ['<?processing instruction?>', '', false],
  ['<img src="https://tracker.example/pixel.png" name="getElementById">', '', false],
  ['<video src="https://tracker.example/v.mp4" poster="https://tracker.example/p.png"></video>', '', false],
  ['<picture><source srcset="https://tracker.example/s.png"><img src="https://tracker.example/i.png" alt="pic"></picture>', '', false],
  ['<object data="https://tracker.example/o.swf"></object>', '', false],
  ['<base href="https://evil.example/">', '', false],
  ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', '', false],
  ['<link rel="stylesheet" href="https://tracker.example/x.css">', '', false],
  ['<form name="location" action="https://evil.example/"><input name="images"></form>', '', false],
  ['<div style="background:url(https://tracker.example/bg.png)">styled div</div>', '', false]
]

const footnoteLabels = ['1', '2', 'a', 'note', 'Ünï']
const languages = ['en', 'ru', 'ar', 'he', 'de-1901', 'tr', 'zh-Hant', 'fr-CA']

function inlineArb(profile: Profile, depth: number): fc.Arbitrary<Inline> {
  const text = textArb(profile).map((value): Inline => ({type: 'text', value}))
  const leaves: Array<fc.WeightedArbitrary<Inline>> = [
    {weight: 10, arbitrary: text},
    {weight: 2, arbitrary: textArb(profile, 3).map((value): Inline => ({type: 'code', value}))},
    {weight: 1, arbitrary: fc.constantFrom(...urls.filter((url) => /^https?:/.test(url))).map((url): Inline => ({type: 'autolink', url}))},
    {weight: 1, arbitrary: fc.record({url: fc.constantFrom(...imageUrls), alt: textArb(profile, 2)}).map((image): Inline => ({type: 'image', ...image}))},
    {weight: 2, arbitrary: fc.constantFrom(...footnoteLabels).map((label): Inline => ({type: 'footnoteReference', label}))},
    {weight: 1, arbitrary: fc.constant<Inline>({type: 'break'})}
  ]
  if (profile.html) leaves.push({weight: 3, arbitrary: fc.constantFrom(...htmlInline).map((value): Inline => ({type: 'html', value}))})
  if (profile.apparatus) {
    leaves.push({
      weight: 2,
      arbitrary: fc
        .record({
          item: fc.oneof(fc.nat(3), fc.constantFrom('Op. Cit.', 'Ibid.'), ...(profile.hostile ? [textArb(profile, 2)] : [])),
          locator: fc.option(fc.constantFrom('p. 12', 'pp. 3–4', 'ch. 2'), {nil: undefined})
        })
        .map((citation): Inline => ({type: 'citation', ...citation}))
    })
  }
  if (depth <= 0) return fc.oneof({withCrossShrink: true}, ...leaves)
  const children = fc.array(inlineArb(profile, depth - 1), {minLength: 1, maxLength: 3})
  const linkUrls = profile.hostile ? [...urls, ...hostileUrls] : urls
  return fc.oneof(
    {withCrossShrink: true},
    ...leaves,
    {
      weight: 3,
      arbitrary: fc
        .record({
          type: fc.constantFrom<'emphasis' | 'strong' | 'delete'>('emphasis', 'strong', 'delete'),
          marker: fc.constantFrom<'*' | '_'>('*', '_'),
          children
        })
        .map((node): Inline => node)
    },
    {
      weight: 2,
      arbitrary: fc
        .record({url: fc.constantFrom(...linkUrls), title: fc.option(textArb(profile, 2), {nil: undefined}), children})
        .map((link): Inline => ({type: 'link', ...link}))
    }
  )
}

function inlinesArb(profile: Profile, depth = 2): fc.Arbitrary<Inline[]> {
  return fc.array(inlineArb(profile, depth), {minLength: 1, maxLength: 4})
}

const plainArb = fc.array(fc.constantFrom(...vocabulary), {minLength: 1, maxLength: 6}).map((words): Block => ({type: 'plain', words}))

/** Blocks; `tracked` says whether plain paragraphs may appear (not where Markdown may drop them, as in an unused footnote). */
function blockArb(profile: Profile, depth: number, tracked: boolean): fc.Arbitrary<Block> {
  const inlines = inlinesArb(profile)
  const leaves: Array<fc.WeightedArbitrary<Block>> = [
    {weight: 8, arbitrary: inlines.map((children): Block => ({type: 'paragraph', children}))},
    {
      weight: 2,
      arbitrary: fc.record({depth: fc.integer({min: 1, max: 6}), children: inlinesArb(profile, 1)}).map((heading): Block => ({type: 'heading', ...heading}))
    },
    {weight: 1, arbitrary: fc.constant<Block>({type: 'thematicBreak'})},
    {
      weight: 2,
      arbitrary: fc
        .record({
          fence: fc.constantFrom<'`' | '~' | 'indent'>('`', '~', 'indent'),
          lang: fc.constantFrom('', 'js', 'python', 'x y'),
          value: fc.array(textArb(profile, 4), {maxLength: 3}).map((lines) => lines.join('\n'))
        })
        .map((code): Block => ({type: 'code', ...code}))
    },
    {
      weight: 1,
      arbitrary: fc.integer({min: 1, max: 3}).chain((columns) =>
        fc
          .record({
            align: fc.array(fc.constantFrom<'left' | 'right' | 'center' | null>('left', 'right', 'center', null), {minLength: columns, maxLength: columns}),
            rows: fc.array(fc.array(inlinesArb(profile, 1), {minLength: columns, maxLength: columns}), {minLength: 1, maxLength: 3})
          })
          .map((table): Block => ({type: 'table', ...table}))
      )
    }
  ]
  if (tracked) leaves.push({weight: 6, arbitrary: plainArb})
  if (profile.html) {
    leaves.push({
      weight: 3,
      arbitrary: fc.constantFrom(...htmlBlocks.filter(([, , nested]) => !nested)).map(([open]): Block => ({type: 'html', open, children: undefined, close: ''}))
    })
  }
  if (depth <= 0) return fc.oneof({withCrossShrink: true}, ...leaves)
  const children = fc.array(blockArb(profile, depth - 1, tracked), {minLength: 1, maxLength: 3})
  const nested: Array<fc.WeightedArbitrary<Block>> = [
    {weight: 2, arbitrary: children.map((blocks): Block => ({type: 'blockquote', children: blocks}))},
    {
      weight: 3,
      arbitrary: fc
        .record({
          ordered: fc.boolean(),
          start: fc.constantFrom(1, 0, 7, 999999999),
          spread: fc.boolean(),
          items: fc.array(children, {minLength: 1, maxLength: 4})
        })
        .map((list): Block => ({type: 'list', ...list}))
    },
    {
      weight: 1,
      arbitrary: fc
        .record({label: fc.constantFrom(...footnoteLabels), children: fc.array(blockArb(profile, depth - 1, false), {minLength: 1, maxLength: 2})})
        .map((definition): Block => ({type: 'footnoteDefinition', ...definition}))
    }
  ]
  if (profile.html) {
    nested.push({
      weight: 2,
      arbitrary: fc
        .record({tag: fc.constantFrom(...htmlBlocks.filter(([, , nest]) => nest)), children})
        .map(({tag: [open, close], children: blocks}): Block => ({type: 'html', open, close, children: blocks}))
    })
  }
  return fc.oneof({withCrossShrink: true}, ...leaves, ...nested)
}

export function blocksArb(profile: Profile, tracked = true): fc.Arbitrary<Block[]> {
  return fc.array(blockArb(profile, 2, tracked), {minLength: 1, maxLength: 6})
}

const plainDates = ['1921', '1921-03', '1921-03-08', '2024-02-29']
const hostileDates = ['March 1921', '8 March 1921', '1921-13-45', '99999-01-01', '0000-00-00', 'yesterday', '1921/1922']
const plainIds = ['essay', 'second-work', 'Work_3', 'w.4']
const hostileIds = ['index', 'contents', 'notes', 'preface', 'colophon', 'title-page', 'back-matter', 'a.epub', 'a.pdf', 'a.apparatus.json', 'INDEX', 'x..y']

function frontMatterArb(profile: Profile): fc.Arbitrary<{[key: string]: Yaml}> {
  const ids = profile.hostile ? [...plainIds, ...hostileIds] : plainIds
  const dates = profile.hostile ? [...plainDates, ...hostileDates] : plainDates
  const urlValues = profile.hostile ? ['https://example.org/work', 'https://', 'https://example.org/%zz', 'http://[::1'] : ['https://example.org/work']
  const field = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, {nil: undefined, freq: 2})
  return fc
    .record({
      title: nameArb(profile),
      id: field(fc.constantFrom(...ids)),
      subtitle: field(textArb(profile, 3)),
      authors: field(fc.array(nameArb(profile), {minLength: 1, maxLength: 2})),
      contributors: field(fc.array(fc.record({name: nameArb(profile), role: fc.constantFrom('edt', 'trl', 'ctb')}), {minLength: 1, maxLength: 2})),
      date: field(fc.oneof(fc.constantFrom(...dates), fc.constantFrom(1921, 1848))),
      language: field(fc.constantFrom(...languages)),
      description: field(textArb(profile, 4)),
      rights: field(textArb(profile, 3)),
      url: field(fc.constantFrom(...urlValues)),
      'x-note': field(textArb(profile, 2))
    })
    .map((record) => {
      const fields: {[key: string]: Yaml} = {}
      for (const [key, value] of Object.entries(record)) if (value !== undefined) fields[key] = value as Yaml
      return fields
    })
}

function workArb(profile: Profile): fc.Arbitrary<WorkCase> {
  return fc
    .record({
      // fc.option's freq: one in `freq` is undefined.
      frontMatter: fc.option(frontMatterArb(profile), {nil: undefined, freq: 5}),
      // A work with no title at all is an error: only hostile corpora have them.
      headingTitle: profile.hostile ? fc.option(nameArb(profile), {nil: undefined, freq: 12}) : nameArb(profile),
      blocks: blocksArb(profile)
    })
    .map((work) => work)
}

function editionArb(profile: Profile): fc.Arbitrary<Case['editions'][number]> {
  const field = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, {nil: undefined, freq: 2})
  const ids = profile.hostile ? ['reader', 'index', 'a.epub', 'Ed'] : ['reader', 'ed-2']
  const dates = profile.hostile ? [...plainDates, ...hostileDates] : plainDates
  return fc
    .record({
      fields: fc.record({
        title: nameArb(profile),
        id: field(fc.constantFrom(...ids)),
        subtitle: field(textArb(profile, 3)),
        editors: field(fc.array(nameArb(profile), {minLength: 1, maxLength: 2})),
        language: field(fc.constantFrom(...languages)),
        publisher: field(textArb(profile, 2)),
        rights: field(textArb(profile, 2)),
        description: field(textArb(profile, 4)),
        subjects: field(fc.array(textArb(profile, 2), {minLength: 1, maxLength: 2})),
        date: field(fc.constantFrom(...dates)),
        paper: field(fc.constantFrom('A5', 'A4', 'Letter')),
        quotedHeading: field(nameArb(profile))
      }),
      works: fc.option(fc.uniqueArray(fc.nat(2), {minLength: 1, maxLength: 3}), {nil: undefined}),
      // A work the corpus lacks: its id is echoed in the message, escape sequences and all.
      unknownWork: profile.hostile
        ? fc.oneof(
            {weight: 6, arbitrary: fc.constant(undefined)},
            {weight: 1, arbitrary: fc.constantFrom('nope', 'w\u001B[2J\u001B[31mred', 'x\u0007y\u0085z', 'a\nb')}
          )
        : fc.constant(undefined),
      preface: fc.option(blocksArb(profile), {nil: undefined})
    })
    .map(({fields, works, unknownWork, preface}) => {
      const clean: {[key: string]: Yaml} = {}
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) clean[key] = value as Yaml
      return {fields: clean, works, unknownWork, preface}
    })
}

function annotationArb(profile: Profile): fc.Arbitrary<AnnotationCase> {
  return fc.record({
    kind: fc.constantFrom<AnnotationCase['kind']>('note', 'correction', 'conflict', 'crossref', 'person', 'language'),
    paragraph: fc.nat(20),
    start: fc.nat(6),
    length: fc.integer({min: 1, max: 3}),
    body: textArb(profile, 4),
    corr: textArb(profile, 2),
    reason: nameArb(profile),
    claims: fc.array(nameArb(profile), {minLength: 2, maxLength: 3}),
    target: fc.nat(3),
    quotes: fc.boolean(),
    locator: fc.option(fc.constantFrom('p. 161', 'ch. 3'), {nil: undefined}),
    person: fc.nat(2),
    lang: fc.constantFrom('ru', 'ru-Latn', 'ar', 'he', 'de-1901'),
    credit: fc.option(nameArb(profile), {nil: undefined})
  })
}

export function caseArb(profile: Profile): fc.Arbitrary<Case> {
  const folders = profile.hostile ? ['corpus', 'Field Notes', 'ünïcödé', '.notes', 'a.epub', 'index', 'back\\slash'] : ['corpus', 'notes']
  return fc.record({
    folder: fc.constantFrom(...folders),
    works: fc.array(workArb(profile), {minLength: 1, maxLength: 3}),
    editions: fc.array(editionArb(profile), {maxLength: 2}),
    annotations: profile.apparatus ? fc.array(annotationArb(profile), {maxLength: 5}) : fc.constant([]),
    persons: profile.apparatus
      ? fc.array(
          fc.record({
            name: nameArb(profile),
            variants: fc.array(
              fc.oneof(
                fc.constantFrom(...vocabulary),
                nameArb(profile).filter((name) => name.length >= 2)
              ),
              {minLength: 1, maxLength: 2}
            ),
            fields: fc
              .record({dates: fc.constantFrom('1872-1952', 'c. 1900'), description: textArb(profile, 3)}, {requiredKeys: []})
              .map((fields) => fields as {[key: string]: Yaml})
          }),
          {maxLength: 2}
        )
      : fc.constant([]),
    timeline: profile.apparatus
      ? fc.array(
          fc.record({
            date: fc.constantFrom('1921', '1921-03', '1921-03-08', '1917/1921'),
            label: nameArb(profile),
            mention: fc.option(fc.record({paragraph: fc.nat(20), start: fc.nat(6), length: fc.integer({min: 1, max: 2})}), {nil: undefined})
          }),
          {maxLength: 2}
        )
      : fc.constant([]),
    bibliography: profile.apparatus
      ? fc.array(
          fc.record({
            title: fc
              .array(fc.constantFrom('Selected', 'Writings', 'Bread', 'Peace', 'Council', 'Ünion'), {minLength: 1, maxLength: 3})
              .map((words) => words.join(' ')),
            family: fc.constantFrom('Kollontai', 'Brinton', 'Ünger', "O'Neil"),
            given: fc.constantFrom('Alexandra', 'Maurice', 'A.')
          }),
          {maxLength: 3}
        )
      : fc.constant([])
  })
}
