/**
 * Only web and mail addresses become clickable (URI actions), whatever the
 * tree says: the model warns `[link-scheme]` and unlinks, and the PDF
 * refuses on its own too, with the same test (the WHATWG URL parser, which
 * sees through case, spaces, controls, tabs and newlines in the scheme).
 * Refused links still read as their text.
 */
import assert from 'node:assert/strict'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import type {PhrasingContent} from 'mdast'
import {toPdf} from '@samizdat/pdf'
import {hasTool, outputDir, pageTexts, pdfObjects} from './helpers.js'
import {memoryEdition} from './memory.js'

const hostile = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(2)',
  ' javascript:alert(3)',
  '\u0001javascript:alert(4)',
  'java\tscript:alert(5)',
  'java\nscript:alert(6)',
  'vbscript:msgbox(7)',
  'VBScript:msgbox(8)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==',
  ' DATA:text/html,<script>alert(10)</script>',
  'file:///etc/passwd',
  'FILE://localhost/etc/shadow',
  'ftp://example.com/eleven'
]
const safe = ['https://example.com/ok', 'mailto:editors@example.com']

test('javascript:, vbscript:, data: and file: links never become URI actions; their text stays', async (t) => {
  if (!hasTool(t, 'qpdf') || !hasTool(t, 'pdftotext')) return
  const children: PhrasingContent[] = [...hostile, ...safe].flatMap((url, index) => [
    {type: 'link', url, children: [{type: 'text', value: `link${index}`}]},
    {type: 'text', value: ' '}
  ])
  const edition = memoryEdition([{type: 'paragraph', children}], {
    // The imprint links each source's URL: refused there too.
    sources: [{work: 'w', title: 'A source', file: 'a.txt', sha256: '0'.repeat(64), url: 'javascript:alert(12)'}]
  })
  mkdirSync(outputDir, {recursive: true})
  const pdf = join(outputDir, 'links-hostile.pdf')
  writeFileSync(pdf, (await toPdf(edition, {date: new Date(0), compress: false}))[0]!.data)

  const uris = Object.values(pdfObjects(pdf))
    .filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null && (value as Record<string, unknown>)['/S'] === '/URI')
    .map((action) => String(action['/URI']).replace(/^u:/, ''))
  assert.deepEqual(uris.sort(), [...safe].sort())
  const text = pageTexts(pdf).join(' ')
  for (let index = 0; index < hostile.length + safe.length; index++) assert.match(text, new RegExp(`link${index}\\b`))
  assert.match(text, /javascript:alert\(12\)/, 'the source URL is printed, not linked')
})
