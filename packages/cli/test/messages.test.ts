/** Corpus text echoed in messages reaches the terminal as visible escapes, never as control sequences. */
import assert from 'node:assert/strict'
import path from 'node:path'
import {test} from 'node:test'
import {clean} from '../src/lib/report.js'
import {runCli, tempDir, writeTree} from './util.js'

test('escape sequences and controls in titles, ids and file names are shown escaped, one message per line', async () => {
  const {dir, cleanup} = await tempDir()
  try {
    await writeTree(path.join(dir, 'c'), {
      'works/w.md': '---\ntitle: "Red \\x1b[31mtitle"\n---\n\n## Head \x1b[31m x\n\nText.\n',
      'works/bell\u0007.md': 'No title here.\n',
      'editions/e.yaml': 'title: E\nworks: ["w", "\\x1b[31mred\\u202e\\x9b2J\\nnext"]\n'
    })
    const result = await runCli(['build', '--corpus', 'c', '--out', 'o'], dir)
    assert.equal(result.code, 1)
    assert.equal(
      result.stderr,
      [
        // The model removes the C0 and C1 controls it can from the text (with a warning); what it keeps
        // (a file name, a bidi override, a line break) the reporter escapes.
        // Each message as a compiler prints it: its source line (controls escaped too) and a caret under the column.
        'c/works/bell\\x07.md:1:1: warning No title: the work is titled `bell` from its file name (give it front matter with a `title`, or start it with a `#` heading) [title-missing]',
        ' 1 | No title here.',
        '   | ^',
        '',
        'c/works/w.md:2:8: warning Removed U+001B from the value at `title`: control characters and non-characters are not text, and XML cannot hold them [char-invalid]',
        ' 2 | title: "Red \\x1b[31mtitle"',
        '   |        ^',
        'c/works/w.md:5:4: warning Removed U+001B from the text: control characters and non-characters are not text, and XML cannot hold them [char-invalid]',
        // A real ESC in the text, escaped: the caret stays under the column.
        ' 5 | ## Head \\x1b[31m x',
        '   |    ^',
        '',
        'c/editions/e.yaml:2:14: warning Removed U+001B, U+009B from the value at `works.1`: control characters and non-characters are not text, and XML cannot hold them [char-invalid]',
        ' 2 | works: ["w", "\\x1b[31mred\\u202e\\x9b2J\\nnext"]',
        '   |              ^',
        'c/editions/e.yaml:2:14: error Unknown work `[31mred\\u202e2J\\x0anext` in edition: expected one of `bell\\x07`, `w` [work-unknown]',
        ' 2 | works: ["w", "\\x1b[31mred\\u202e\\x9b2J\\nnext"]',
        '   |              ^',
        '1 error, 4 warnings',
        'samizdat: Corpus "c" has errors; nothing was written',
        ''
      ].join('\n')
    )
    assert.doesNotMatch(result.stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u)
  } finally {
    await cleanup()
  }
})

test('clean() escapes C0, DEL, C1 and bidirectional controls, and nothing else', () => {
  assert.equal(clean('a\x1b[31mb\u0000\u007f\u0085\u009b\t\r\n'), 'a\\x1b[31mb\\x00\\x7f\\x85\\x9b\\x09\\x0d\\x0a')
  assert.equal(clean('\u202eevil\u202c \u2066iso\u2069 \u200f\u061c'), '\\u202eevil\\u202c \\u2066iso\\u2069 \\u200f\\u061c')
  assert.equal(clean('Ünïcödé, עברית, 漢字, 😀, “quotes”'), 'Ünïcödé, עברית, 漢字, 😀, “quotes”')
})
