/**
 * A Pandoc citation is rendered once, in the model, with the edition's CSL
 * style: the site, the EPUB and the PDF show the same text, in the text
 * (author-date) or in a note (notes style). A plain folder's bold brackets
 * stay text in every format. The corpus is generated here.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import JSZip from 'jszip'
import {hasTool, runCli, tempDir, writeTree} from './util.js'

const bib = '@book{Brinton1970, author = {Brinton, Maurice}, title = {The Bolsheviks and Workers Control}, year = 1970}\n'
const essay = '# An essay\n\nA source [@Brinton1970, p. 12] and a flag [**-f**].\n'

const plain = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')

test('the site, the EPUB and the PDF show the citation as the style renders it, in the text or in a note', async (t) => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'c'), {
      'editions/dates.yaml': 'title: Dates\n',
      'editions/notes.yaml': 'title: Notes\ncitations: {style: chicago-notes}\n',
      'essay.md': essay,
      'bibliography.bib': bib
    })
    const result = await runCli(['build', '--corpus', 'c', '--out', 'out'], dir)
    assert.equal(result.code, 0, result.stderr)
    assert.doesNotMatch(result.stderr, /warning|error/)
    const expected = {dates: 'A source (Brinton 1970, 12) and a flag [-f].', notes: 'Brinton, The Bolsheviks and Workers Control, 12.'}
    for (const [edition, text] of Object.entries(expected)) {
      const site = plain(await readFile(path.join(dir, 'out', edition, 'essay.html'), 'utf8'))
      assert.ok(site.includes(text), `${edition} site: ${site}`)
      const zip = await JSZip.loadAsync(await readFile(path.join(dir, 'out', `${edition}.epub`)))
      const chapters = await Promise.all(
        Object.keys(zip.files)
          .filter((name) => /\.xhtml$/.test(name))
          .map((name) => zip.file(name)!.async('string'))
      )
      assert.ok(
        chapters.some((chapter) => plain(chapter).includes(text)),
        `${edition} EPUB`
      )
      if (hasTool(t, 'pdftotext')) {
        const pdf = spawnSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'out', `${edition}.pdf`), '-'], {encoding: 'utf8'}).stdout.replace(/\s+/g, ' ')
        assert.ok(pdf.includes(text), `${edition} PDF: ${pdf}`)
      }
    }
    // In a notes style the text keeps only the note's mark.
    assert.ok(plain(await readFile(path.join(dir, 'out', 'notes', 'essay.html'), 'utf8')).includes('A source1 and a flag [-f].'))
  } finally {
    await cleanup()
  }
})
