import assert from 'node:assert/strict'
import path from 'node:path'
import {test} from 'node:test'
import {runCli, tempDir, writeTree} from './util.js'
import {png} from '../../model/test/helpers/images.js'

// What a format leaves out of a source reaches the user like every content message, with its place.
test('adapters’ warnings are printed with file, line and column, counted, and the build still succeeds', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), {
      'a.md': '# Raw\n\nBefore.\n\n<div>kept text <script>alert(1)</script></div>\n\nAfter.\n'
    })
    const result = await runCli(['build', '--corpus', 'notes', '--out', 'out'], dir)
    assert.equal(result.code, 0, result.stderr)
    // The site and the EPUB drop the script with its content (the HTML adapter), the PDF says what it leaves out.
    assert.match(result.stderr, /^notes\/a\.md:5:16: warning Raw HTML `<script>` is left out of the edition with everything in it \[html-dropped\]$/m)
    assert.match(result.stderr, /^notes\/a\.md:5:1: warning Raw HTML `<script>` is left out of the PDF: its content is code, not text \[html-omitted\]$/m)
    assert.match(result.stderr, /^0 errors, 2 warnings$/m)
  } finally {
    await cleanup()
  }
})

// One channel: every writer reports through `report`; each warning is printed once, at its place, with its rule.
test('remote images: each warning printed once with file:line:column and rule id; a local raw image is carried, no warning', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), {
      'a.md':
        '# Images\n\nA ![pixel](http://example.com/p.png) in Markdown.\n\n<img src="https://example.org/x.png" alt="raw">\n\n<p>A <img src="pic.png" alt="local"> one.</p>\n',
      'pic.png': png
    })
    const result = await runCli(['build', '--corpus', 'notes', '--out', 'out'], dir)
    assert.equal(result.code, 0, result.stderr)
    const remote = (url: string) => `Image \`${url}\` is not in the corpus: remote images are reported, never fetched; a link to it stands in its place`
    assert.deepEqual(
      result.stderr.split('\n').filter((line) => line.includes(': warning ')),
      [
        `notes/a.md:3:3: warning ${remote('http://example.com/p.png')} [image-remote]`,
        `notes/a.md:5:1: warning ${remote('https://example.org/x.png')} [image-remote]`
      ]
    )
    assert.match(result.stderr, /^0 errors, 2 warnings$/m)
  } finally {
    await cleanup()
  }
})
