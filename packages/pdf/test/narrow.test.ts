/** A measure narrower than one glyph (a squeezed table column) runs over, as TeX's overfull boxes do; the book is made. */
import assert from 'node:assert/strict'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {toPdf} from '@samizdat/pdf'
import {hasTool, outputDir, pageTexts, run} from './helpers.js'
import {markdownEdition} from './memory.js'

// Found by the property tests: a fourth cell in a three-column table, in a list in a block quote, left a 7.6 pt column.
const markdown = `# Narrow

> - | alpha | alpha | [<https://example.org/a?b=c&d=e>](w1.md) |
>   | :-- | :-- | :-- |
>   | alpha*alphaalpha alphaalpha alpha | alpha alpha*alpha alpha | alpha | ~<kbd>K</kbd> |
>
>   alpha
> - alpha

Omega after the table.
`

test('a table column narrower than a glyph does not stop the book: its text runs over and is all there', async (t) => {
  const {edition} = await markdownEdition(markdown)
  const bytes = (await toPdf(edition, {date: new Date(0)}))[0]!.data
  if (!hasTool(t, 'pdftotext') || !hasTool(t, 'qpdf')) return
  mkdirSync(outputDir, {recursive: true})
  const pdf = join(outputDir, 'narrow.pdf')
  writeFileSync(pdf, bytes)
  run('qpdf', ['--check', pdf])
  const text = pageTexts(pdf).join('\n').replace(/\s+/g, ' ')
  assert.ok(text.includes('Omega after the table.'), text)
  assert.match(text, /K/)
})
