/**
 * A small corpus that uses every field of every YAML file, as data, and the
 * hostile values tests put in each field. Files are written from objects
 * with `yaml`; a payload replaces a sentinel as raw YAML text, so payloads
 * can be anything YAML can say (aliases, tags, deep nesting).
 */
import {createHash} from 'node:crypto'
import {deserialize, serialize} from 'node:v8'
import {stringify} from 'yaml'
import type {LoadOptions} from '@samizdat/model'

export const sentinel = 'HOSTILE_PAYLOAD_SENTINEL'

const source =
  'Site navigation\nZZZ\nAn essay\nA subtitle\nPart one\nThe workers of Petrograd met in 196 1 to read Kollontai’s pamphlet, see the pamphlet and the record.\nIt quotes: “the building of Communism” [Selected Writings, p. 161]. In Russian: rabochaya.\n'
const sha256 = createHash('sha256').update(source).digest('hex')

type Data = Record<string, unknown>

/** Each YAML document of the corpus: its path, and its data (front matter for works). */
export function baseCorpus(): Record<string, {data: Data; body?: string}> {
  return {
    'works/essay.md': {
      data: {
        id: 'essay',
        title: 'An essay',
        subtitle: 'A subtitle',
        authors: [{name: 'Alexandra Kollontai', fileAs: 'Kollontai, Alexandra', role: 'aut'}],
        contributors: ['A. Reader'],
        date: '1921',
        publicationHistory: [{date: '1921-03', event: 'Printed', source: 'libcom'}],
        language: 'en',
        description: 'An essay.',
        source: {file: 'essay.txt', sha256},
        rights: 'Public domain',
        url: 'https://example.org/essay',
        baseUrl: 'https://example.org/',
        anchors: {app1: 'Part one'},
        'x-note': 'kept'
      },
      body: '## Part one\n\nThe workers of Petrograd met in 196 1 to read Kollontai’s pamphlet, see [the pamphlet](pamphlet.md) and [the record](https://example.org/essay#app1).\n\nIt quotes: “the building of Communism” [**Selected Writings**, p. 161]. In Russian: *rabochaya*.\n'
    },
    'works/pamphlet.md': {data: {title: 'The pamphlet'}, body: 'The record of the pamphlet.\n'},
    'editions/main.yaml': {
      data: {
        id: 'main',
        title: 'The edition',
        subtitle: 'Annotated',
        editors: [{name: 'An Editor', role: 'edt'}, 'Second Editor'],
        language: 'en',
        publisher: 'Samizdat',
        rights: 'CC BY',
        description: 'An edition.',
        subjects: ['History'],
        date: '2024-05-01',
        preface: 'preface.md',
        paper: 'A5',
        quotedHeading: 'As quoted',
        works: ['essay', 'pamphlet'],
        'x-extra': 1
      }
    },
    'annotations/essay.yaml': {
      data: {
        annotations: [
          {
            id: 'corr-1961',
            work: 'essay',
            kind: 'correction',
            quote: {exact: '196 1', prefix: 'met in ', suffix: ' to'},
            corr: '1961',
            reason: 'OCR',
            sources: [{credit: 'libcom', where: 'p. 1'}]
          },
          {id: 'note-workers', work: 'essay', kind: 'note', quote: {exact: 'workers'}, body: 'The *workers* of the capital.'},
          {
            id: 'conflict-1',
            work: 'essay',
            kind: 'conflict',
            quote: {exact: 'Petrograd'},
            body: 'Sources differ.',
            claims: [
              {claim: 'Petrograd', credit: 'A', work: 'essay'},
              {claim: 'Moscow', credit: 'B'}
            ]
          },
          {
            id: 'xref-1',
            work: 'essay',
            kind: 'crossref',
            quote: {exact: 'the building of Communism'},
            target: {work: 'pamphlet', quote: {exact: 'record'}},
            locator: 'p. 161',
            quotes: true
          },
          {id: 'person-1', work: 'essay', kind: 'person', quote: {exact: 'Kollontai'}, person: 'kollontai'},
          {id: 'lang-1', work: 'essay', kind: 'language', quote: {exact: 'rabochaya'}, lang: 'ru-Latn'}
        ]
      }
    },
    'persons.yaml': {
      data: {
        persons: [
          {
            id: 'kollontai',
            name: 'Alexandra Kollontai',
            sortAs: 'Kollontai, Alexandra',
            variants: ['Kollontai'],
            dates: '1872-1952',
            datesSource: 'Wikipedia',
            description: 'Bolshevik'
          }
        ]
      }
    },
    'timeline.yaml': {data: {events: [{date: '1921', label: 'The meeting', mentions: [{work: 'essay', quote: {exact: 'met in'}}]}]}},
    'bibliography.yaml': {
      data: {
        items: [
          {
            id: 'kollontai-selected',
            type: 'book',
            title: 'Selected Writings of Alexandra Kollontai',
            author: [{family: 'Kollontai', given: 'Alexandra'}],
            editor: [{literal: 'Alix Holt'}],
            issued: {'date-parts': [[1977]]},
            publisher: 'Allison & Busby',
            URL: 'https://example.org/book',
            'x-title-variants': ['Selected Writings'],
            'x-author-variants': ['Kollontay']
          }
        ]
      }
    },
    'sources/manifest.yaml': {
      data: {
        sources: [
          {
            file: 'essay.txt',
            sha256,
            title: 'The essay as received',
            publisher: 'libcom.org',
            format: 'text',
            url: 'https://example.org/essay',
            retrieved: '2024',
            rights: 'study',
            chrome: [
              {line: 'Site navigation', reason: 'navigation', count: 1},
              {pattern: '^Z+$', reason: 'never', count: 1}
            ],
            'x-extra': true
          }
        ]
      }
    }
  }
}

type ParseCache = NonNullable<LoadOptions['parseCache']>

/**
 * The works' trees by their text, for the thousands of loads that differ in one YAML field: a Markdown body nobody
 * changed is not parsed again (a payload in a work's front matter changes its text, and that work is parsed). The
 * loader hands over only trees whose parse said nothing and changes the tree it gets: kept serialised, as the
 * CLI's parse cache keeps them.
 */
const trees = new Map<string, Uint8Array>()
export const parseCache: ParseCache = {
  get: (text) => {
    const data = trees.get(text)
    return data === undefined ? undefined : (deserialize(data) as ReturnType<ParseCache['get']>)
  },
  set: (text, tree) => void trees.set(text, serialize(tree))
}

/** Files that are not YAML documents. */
export const otherFiles: Record<string, string> = {
  'editions/preface.md': '# Preface\n\nWhy this edition.\n',
  'sources/essay.txt': source
}

/** The text of a document, with the value at `path` replaced by the raw YAML `payload`. */
export function render(doc: {data: Data; body?: string}, path?: ReadonlyArray<string | number>, payload?: string): string {
  const data = structuredClone(doc.data)
  if (path) {
    let node = data as Record<string | number, unknown>
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
    node[path.at(-1) as string | number] = sentinel
  }
  let text = stringify(data, {lineWidth: 0})
  if (payload !== undefined) text = text.replace(sentinel, () => payload)
  return doc.body === undefined ? text : `---\n${text}---\n\n${doc.body}`
}

/** Every path to a value in `data` (objects, arrays and leaves). */
export function fieldPaths(data: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = []
  if (Array.isArray(data)) {
    data.forEach((item, index) => {
      paths.push([...prefix, index], ...fieldPaths(item, [...prefix, index]))
    })
  } else if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) paths.push([...prefix, key], ...fieldPaths(value, [...prefix, key]))
  }
  return paths
}

const deep = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth)
const bomb = (): string => {
  // Nine levels of nine references each: 9^9 nodes once expanded.
  const levels = ['&a0 [x, x, x, x, x, x, x, x, x]']
  for (let level = 1; level < 9; level++) levels.push(`&a${level} [${Array.from({length: 9}, () => `*a${level - 1}`).join(', ')}]`)
  return `[${levels.join(', ')}]`
}

/** The hostile values, as raw YAML (flow style, one line). */
export function payloads(): Array<[string, string]> {
  return [
    ['null', 'null'],
    ['true', 'true'],
    ['zero', '0'],
    ['negative', '-1'],
    ['huge number', '1e400'],
    ['huge integer', '123456789012345678901234567890123456789'],
    ['NaN', '.nan'],
    ['empty string', '""'],
    ['blank', '"   "'],
    ['bare https', '"https://"'],
    ['bad percent escape', '"https://example.org/%zz%E0%A4%A"'],
    ['percent fragment', '"#%"'],
    ['space in URL', '"https://exa mple.org/a b"'],
    ['javascript URL', '"javascript:alert(1)"'],
    ['file URL', '"file:///etc/passwd"'],
    ['etc passwd', '"/etc/passwd"'],
    ['proc environ', '"/proc/self/environ"'],
    ['dot-dot path', '"../../../../../../etc/passwd"'],
    ['home', '"~/.ssh/id_rsa"'],
    ['shell variable', '"$HOME ${SECRET}"'],
    ['empty list', '[]'],
    ['empty map', '{}'],
    ['nested', '[1, [2, {a: b}], {c: [d]}]'],
    ['map with title', '{title: x, id: y, name: z, exact: w}'],
    ['alias bomb', bomb()],
    ['deep nesting', deep(5000)],
    // Before the 1 MB string: where it is refused, so is the 1 MB one (helpers/hostile-yaml.ts).
    ['long id', `"${'a'.repeat(5000)}"`],
    ['1 MB string', `"${'a'.repeat(1024 * 1024)}"`],
    ['control characters', '"a\\x00b\\x07c\\x1bd\\x7f"'],
    ['lone surrogate', '"a\\ud800b"'],
    ['markup', '"<script>alert(1)</script> ]]> --> &amp;"'],
    ['markdown', '"[**Op. Cit.**] *x* [y](javascript:z)"'],
    ['bad dates', '"2021-13-45"'],
    ['free-form date', '"March 1921"'],
    ['far year', '"99999-01-01"'],
    ['binary', '!!binary aGVsbG8='],
    ['unknown tag', '!!js/function "function () {}"'],
    ['undefined alias', '*nowhere'],
    ['proto key', '{__proto__: {polluted: 1}, constructor: 1}'],
    ['regex bomb', '"(a+)+$"'],
    ['unicode', '"Ꙭ ‮rtl‬ e\u0301 😀 \\u200b"']
  ]
}
