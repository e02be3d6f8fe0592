/**
 * Pathological but valid corpora, generated at any size, for `pnpm bench`
 * (linearity) and the regression tests (a small size under a timeout guard).
 * Each case is one work: Markdown text whose cost should grow with `n`.
 */
import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export interface PathologicalCase {
  name: string
  /** What `n` counts, for the bench's table. */
  unit: string
  /** The size the bench starts from (it also runs 4n). */
  benchSize: number
  /** A size small enough for a test, large enough that a quadratic path shows. */
  testSize: number
  /** The work's Markdown body (no front matter) at size `n`. */
  body: (n: number) => string
  /** Whether a build is expected to stop with a limit error rather than succeed. */
  limited?: boolean
  /** What the work's page must show at size `n`: texts as written, and how often a pattern occurs. */
  expect?: (n: number) => Expectation
}

export interface Expectation {
  contains?: string[]
  count?: Array<[RegExp, number]>
}

/** Every work ends with this paragraph: its presence shows nothing after the pathological part was lost. */
export const sentinel = 'Sentinel paragraph at the end.'

const word = (index: number): string => `w${index.toString(36)}`

export const cases: PathologicalCase[] = [
  {
    name: 'long-word',
    unit: 'characters',
    benchSize: 100_000,
    testSize: 100_000,
    body: (n) => 'x'.repeat(n) + '\n',
    expect: (n) => ({contains: ['x'.repeat(n)]})
  },
  {
    name: 'long-line',
    unit: 'words on one line',
    benchSize: 250_000,
    testSize: 50_000,
    body: (n) => Array.from({length: n}, (_, i) => word(i)).join(' ') + '\n',
    expect: (n) => ({contains: [word(0) + ' ' + word(1), word(n - 2) + ' ' + word(n - 1)]})
  },
  {
    name: 'astral',
    unit: 'emoji',
    benchSize: 10_000,
    testSize: 10_000,
    body: (n) => '😀'.repeat(n) + ' ' + '𝔸𝔹 '.repeat(n) + '\n',
    expect: (n) => ({contains: ['😀'.repeat(n), '𝔸𝔹 '.repeat(n).trim()]})
  },
  {
    name: 'backtick-run',
    unit: 'backticks',
    benchSize: 10_000,
    testSize: 10_000,
    body: (n) => 'a ' + '`'.repeat(n) + ' b\n',
    expect: (n) => ({contains: ['`'.repeat(n)]})
  },
  {
    name: 'backtick-pairs',
    unit: 'code spans',
    benchSize: 10_000,
    testSize: 10_000,
    body: (n) => Array.from({length: n}, (_, i) => `\`${word(i)}\``).join(' ') + '\n',
    expect: (n) => ({count: [[/<code>w[0-9a-z]+<\/code>/g, n]]})
  },
  // Runs of 1, 2, 3 … backticks that never close: CommonMark's classic quadratic case.
  {name: 'backtick-ladder', unit: 'backticks', benchSize: 20_000, testSize: 20_000, body: (n) => ladder(n, '`') + '\n'},
  {
    name: 'one-line-list',
    unit: 'items',
    benchSize: 10_000,
    testSize: 10_000,
    body: (n) => Array.from({length: n}, (_, i) => `- ${word(i)}`).join(' ') + '\n',
    expect: (n) => ({contains: [word(0), word(n - 1)]})
  },
  {
    name: 'bullet-list',
    unit: 'items',
    benchSize: 10_000,
    testSize: 10_000,
    body: (n) => Array.from({length: n}, (_, i) => `- ${word(i)}\n`).join(''),
    expect: (n) => ({count: [[/<li>w[0-9a-z]+<\/li>/g, n]]})
  },
  {
    name: 'ordered-list',
    unit: 'items',
    benchSize: 10_000,
    testSize: 10_000,
    body: (n) => Array.from({length: n}, (_, i) => `${i + 1}. ${word(i)}\n`).join(''),
    expect: (n) => ({count: [[/<li>w[0-9a-z]+<\/li>/g, n]]})
  },
  {
    name: 'paragraphs',
    unit: 'paragraphs',
    benchSize: 50_000,
    testSize: 10_000,
    body: (n) => Array.from({length: n}, (_, i) => `Paragraph ${word(i)} -- "quoted" ... it's.\n\n`).join(''),
    expect: (n) => ({count: [[/<p>Paragraph w[0-9a-z]+[\s&]/g, n]]})
  },
  {
    name: 'headings',
    unit: 'headings',
    benchSize: 10_000,
    testSize: 5_000,
    body: (n) => Array.from({length: n}, () => '## Same heading\n\ntext\n\n').join(''),
    expect: (n) => ({contains: [`id="same-heading-${n - 1}"`]})
  },
  {
    name: 'footnotes',
    unit: 'footnotes',
    benchSize: 10_000,
    testSize: 5_000,
    body: (n) => Array.from({length: n}, (_, i) => `Text[^${i}].\n\n`).join('') + Array.from({length: n}, (_, i) => `[^${i}]: Note ${i}.\n`).join(''),
    expect: (n) => ({contains: [`Note ${n - 1}.`], count: [[/ id="case-fn-\d+"/g, n]]})
  },
  // Links and references, ten to a paragraph, and a definition for each reference.
  {
    name: 'links',
    unit: 'links',
    benchSize: 10_000,
    testSize: 5_000,
    body: (n) =>
      Array.from({length: n}, (_, i) => `[${word(i)}](https://example.org/x${i}) [r][d${i}]${i % 10 === 9 ? '\n\n' : ' '}`).join('') +
      '\n\n' +
      Array.from({length: n}, (_, i) => `[d${i}]: https://example.org/${i}\n`).join(''),
    expect: (n) => ({contains: [`href="https://example.org/x${n - 1}"`, `href="https://example.org/${n - 1}"`]})
  },
  // `[1] [2] …` in one paragraph: the parser is quadratic in their number, so a limit.
  {
    name: 'brackets-many',
    unit: 'brackets',
    benchSize: 10_000,
    testSize: 10_000,
    limited: true,
    body: (n) => Array.from({length: n}, (_, i) => `[${i}]`).join(' ') + '\n'
  },
  {
    name: 'table',
    unit: 'rows',
    benchSize: 10_000,
    testSize: 5_000,
    body: (n) => '| a | b |\n|---|---|\n' + Array.from({length: n}, (_, i) => `| ${word(i)} | ${i} |\n`).join(''),
    expect: (n) => ({count: [[/<tr>/g, n + 1]]})
  },
  {
    name: 'raw-html',
    unit: 'elements',
    benchSize: 10_000,
    testSize: 5_000,
    body: (n) => Array.from({length: n}, (_, i) => `<span title="${i}">${word(i)}</span>`).join(' ') + '\n',
    expect: (n) => ({count: [[/<span title="\d+">w[0-9a-z]+<\/span>/g, n]]})
  },
  {name: 'emphasis-flat', unit: 'asterisks', benchSize: 20_000, testSize: 20_000, body: (n) => 'a ' + '*'.repeat(n) + ' b ' + '_a '.repeat(n / 2) + '\n'},
  {name: 'brackets-open', unit: 'brackets', benchSize: 20_000, testSize: 20_000, body: (n) => '['.repeat(n) + 'a\n'},
  // Deep nesting: a limit error, not a stack overflow.
  {name: 'deep-blockquote', unit: 'levels', benchSize: 10_000, testSize: 10_000, limited: true, body: (n) => '>'.repeat(n) + ' a\n'},
  {name: 'deep-list', unit: 'levels', benchSize: 10_000, testSize: 10_000, limited: true, body: (n) => '- '.repeat(n) + 'a\n'},
  {
    name: 'deep-ordered',
    unit: 'levels',
    benchSize: 10_000,
    testSize: 10_000,
    limited: true,
    body: (n) => Array.from({length: n}, (_, i) => `${i + 1}.`).join(' ') + ' a\n'
  },
  {name: 'deep-emphasis', unit: 'levels', benchSize: 10_000, testSize: 10_000, limited: true, body: (n) => '*'.repeat(n) + 'a' + '*'.repeat(n) + '\n'},
  {name: 'deep-links', unit: 'levels', benchSize: 10_000, testSize: 10_000, limited: true, body: (n) => '[a '.repeat(n) + 'b' + '](#x)'.repeat(n) + '\n'},
  {name: 'deep-brackets', unit: 'levels', benchSize: 10_000, testSize: 10_000, limited: true, body: (n) => '['.repeat(n) + 'a' + ']'.repeat(n) + '\n'},
  {
    name: 'deep-html',
    unit: 'levels',
    benchSize: 10_000,
    testSize: 10_000,
    limited: true,
    body: (n) => 'a ' + '<span>'.repeat(n) + 'b' + '</span>'.repeat(n) + '\n'
  }
]

/** `` ` `` then ``` `` ``` … : runs of growing length, `n` characters in all. */
function ladder(n: number, mark: string): string {
  const parts: string[] = []
  let total = 0
  for (let length = 1; total < n; length++) {
    parts.push(mark.repeat(length))
    total += length + 1
  }
  return parts.join(' ')
}

export function caseNamed(name: string): PathologicalCase {
  const found = cases.find((entry) => entry.name === name)
  if (!found) throw new Error(`No pathological case \`${name}\``)
  return found
}

/** A work file: front matter, body, and the sentinel paragraph. */
export function workFile(body: string, title = 'Pathological'): string {
  return `---\ntitle: ${title}\n---\n\n${body}\n\n${sentinel}\n`
}

/**
 * Write a corpus of one work (`works/case.md`) holding the case at size `n`; returns its folder, `pathological/`
 * in a new temporary folder (remove that one). A plain folder's name is its edition's title: the same for every
 * case and every run, so are the books' title pages and covers (a process rasterises a cover once).
 */
export async function writeCorpus(entry: PathologicalCase, n: number, parent = tmpdir()): Promise<string> {
  const dir = join(await mkdtemp(join(parent, `samizdat-${entry.name}-`)), 'pathological')
  await mkdir(join(dir, 'works'), {recursive: true})
  await writeFile(join(dir, 'works', 'case.md'), workFile(entry.body(n)))
  return dir
}
