import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import JSZip from 'jszip'
import {epubcheck, epubcheckErrors, epubcheckJar, tool} from './fuzz/validators.js'
import {runCli, tempDir, writeTree} from './util.js'

// A plain folder with subfolders: each folder is a part of the book, in natural order.
test('each subfolder is a part: a heading in the contents of the site, the EPUB (valid) and the PDF', async (t) => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), {
      '10-ten.markdown': '# Ten\n\nTen.\n',
      '2-two.md': '# Two\n\nTwo.\n',
      'part-a/10-ten.md': '# Ten A\n\nA.\n',
      'part-a/9-nine.md': '# Nine A\n\nA.\n',
      'part-b/1-x.md': '# X\n\nB.\n'
    })
    const result = await runCli(['build', '--corpus', 'notes', '--out', 'out', '--quiet'], dir)
    assert.equal(result.code, 0, result.stderr)
    const out = path.join(dir, 'out')

    const index = await readFile(path.join(out, 'notes', 'index.html'), 'utf8')
    assert.match(
      index,
      /<ol><li><a href="2-two\.html">Two<\/a><\/li><li><a href="10-ten\.html">Ten<\/a><\/li><li class="toc-part"><span>part-a<\/span><ol><li><a href="part-a-9-nine\.html">Nine A<\/a><\/li><li><a href="part-a-10-ten\.html">Ten A<\/a><\/li><\/ol><\/li><li class="toc-part"><span>part-b<\/span><ol><li><a href="part-b-1-x\.html">X<\/a><\/li><\/ol><\/li><\/ol>/
    )

    const epub = await readFile(path.join(out, 'notes.epub'))
    const nav = await (await JSZip.loadAsync(epub)).file('OEBPS/toc.xhtml')!.async('string')
    assert.match(
      nav,
      /<li><a href="10-ten\.xhtml">Ten<\/a><\/li><li><span>part-a<\/span><ol><li><a href="part-a-9-nine\.xhtml">Nine A<\/a><\/li><li><a href="part-a-10-ten\.xhtml">Ten A<\/a><\/li><\/ol><\/li><li><span>part-b<\/span><ol>/
    )

    const pdftotext = tool(t, 'pdftotext', 'poppler-utils')
    if (pdftotext) {
      const text = execFileSync(pdftotext, ['-f', '1', '-l', '4', path.join(out, 'notes.pdf'), '-'], {encoding: 'utf8'})
      const contents = text.slice(text.indexOf('Contents'))
      const lines = contents.split('\n').filter((line) => line.trim() !== '' && !/^\d+$/.test(line.trim()))
      assert.deepEqual(lines.slice(0, 8), ['Contents', 'Two', 'Ten', 'part-a', 'Nine A', 'Ten A', 'part-b', 'X'])
    }
    const jar = epubcheckJar(t)
    if (jar) assert.deepEqual(epubcheckErrors(await epubcheck(jar, epub)), [])
  } finally {
    await cleanup()
  }
})
