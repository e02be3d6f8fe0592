/**
 * Text in raw HTML reaches the PDF, as the site shows it: blocks (`<div>`,
 * `<details>`, `<table>`, `<p>`) are parsed, sanitised with the site's
 * schema and set by the usual handlers; inline tags (`<b>`, `<sup>`, `<br>`,
 * `<a>`, `<img alt>` of a remote image) become what they stand for. What cannot be shown (a
 * script, an image without `alt`) is left out with a warning at its place.
 */
import assert from 'node:assert/strict'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import type {VFileMessage} from 'vfile-message'
import {toPdf} from '@samizdat/pdf'
import {hasTool, outputDir, pageTexts, pdfObjects} from './helpers.js'
import {markdownEdition} from './memory.js'

const markdown = `# Raw

Before the blocks.

<div>Alpha in a div with <b>bold</b></div>

<details><summary>Beta summary</summary>
Gamma in details
</details>

<table><tr><th>Delta head</th></tr><tr><td>Epsilon cell</td></tr></table>

<p>Zeta in a p</p>

<script>secretBlock()</script>

A line with <b>eta bold</b>, H<sub>2</sub>O, <br> theta<br/>after, <a href="https://example.com/x">iota link</a>, <a href="javascript:alert(1)">kappa bad</a>, <img src="https://example.org/x.png" alt="lambda alt">, <img src="https://example.org/y.png">, <span>mu span</span>, <script>secretInline()</script> and <u>xi unclosed.
`

test('text inside raw HTML blocks and inline tags is set; scripts and images without alt are left out with a warning', async (t) => {
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  const {edition, messages} = await markdownEdition(markdown)
  assert.deepEqual(messages, [])
  const warnings: VFileMessage[] = []
  mkdirSync(outputDir, {recursive: true})
  const pdf = join(outputDir, 'raw-html.pdf')
  writeFileSync(pdf, (await toPdf(edition, {date: new Date(0), report: (message) => warnings.push(message)}))[0]!.data)

  const text = pageTexts(pdf).join('\n').replace(/\s+/g, ' ')
  for (const expected of [
    'Before the blocks.',
    'Alpha in a div with bold',
    'Beta summary',
    'Gamma in details',
    'Delta head',
    'Epsilon cell',
    'Zeta in a p',
    'A line with eta bold, H2O,',
    'theta',
    'after, iota link, kappa bad, lambda alt, , mu span, and xi unclosed.'
  ]) {
    assert.ok(text.includes(expected), `${expected} in: ${text}`)
  }
  assert.doesNotMatch(text, /secret/)

  const line = markdown.split('\n')[16] as string
  assert.deepEqual(
    warnings.map((message) => [message.file, message.line, message.column, message.ruleId, message.fatal, message.reason]),
    [
      ['w.md', 15, 1, 'html-omitted', false, 'Raw HTML `<script>` is left out of the PDF: its content is code, not text'],
      [
        'w.md',
        17,
        line.indexOf('<img src="https://example.org/y.png">') + 1,
        'html-omitted',
        false,
        'Raw HTML image without `alt` text is left out of the PDF: it has no text to stand in for it'
      ],
      ['w.md', 17, line.indexOf('<script>') + 1, 'html-omitted', false, 'Raw HTML `<script>` is left out of the PDF: its content is code, not text']
    ]
  )

  // The HTML link is a link; the javascript: one is its text only.
  const uris = Object.values(pdfObjects(pdf))
    .filter((value) => (value as Record<string, unknown> | null)?.['/S'] === '/URI')
    .map((value) => String((value as Record<string, unknown>)['/URI']).replace(/^u:/, ''))
  assert.deepEqual(uris, ['https://example.com/x'])
})
