import assert from 'node:assert/strict'
import path from 'node:path'
import {test} from 'node:test'
import {spawnCli, tempDir, writeTree} from './util.js'

// What a format leaves out of a source reaches the user like every content message, with its place.
test('adapters’ warnings are printed with file, line and column, counted, and the build still succeeds', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'notes'), {
      'a.md': '# Raw\n\nBefore.\n\n<div>kept text <script>alert(1)</script></div>\n\nAfter.\n'
    })
    const result = spawnCli(['build', '--corpus', 'notes', '--out', 'out'], dir, {SOURCE_DATE_EPOCH: '0'})
    assert.equal(result.code, 0, result.stderr)
    // The site and the EPUB drop the script with its content (the HTML adapter), the PDF says what it leaves out.
    assert.match(result.stderr, /^notes\/a\.md:5:16: warning Raw HTML `<script>` is left out of the edition with everything in it \[html-dropped\]$/m)
    assert.match(result.stderr, /^notes\/a\.md:5:1: warning Raw HTML `<script>` is left out of the PDF: its content is code, not text \[html-omitted\]$/m)
    assert.match(result.stderr, /^0 errors, 2 warnings$/m)
  } finally {
    await cleanup()
  }
})
