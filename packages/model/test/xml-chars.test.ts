import assert from 'node:assert/strict'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {loadCorpus, resolveEdition, textOf} from '@samizdat/model'
import {messages, scratch, writeTree} from './helpers/corpus.js'
import {png} from './helpers/images.js'

let tmp: {dir: string; cleanup: () => Promise<void>}
before(async () => {
  tmp = await scratch('xml-chars')
})
after(() => tmp.cleanup())

// Each character XML 1.0 cannot hold (or that is a control, not text), one per line of the work.
// (A lone surrogate cannot be written in a UTF-8 file: it comes from YAML escapes, tested in the title.)
const bad = ['\u0007', '\u000C', '\u0001', '\u007F', '\u0085', '\u009F', '\uFFFE', '\uFFFF']
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

test('characters XML cannot hold are removed from every node, with a warning at the node', async () => {
  const body = bad.map((char, index) => `Line${index} a${char}b`).join('\n\n')
  const extra =
    '\n\n`co\u0001de` [li\u0002nk](https://example.org/ "ti\u0004tle") https://example.org/\u0003 ![al\u0005t](x.png)\n\n```\nblock\u0006\n```\n\n<b title="r\u0008">raw</b>\n\nEmoji stay: 😀 tab\tstays.\n'
  await writeTree(join(tmp.dir, 'c'), {'works/a.md': `---\ntitle: "Ti\\u0007t\\ud800le"\ndescription: "de\\x0Csc"\n---\n\n${body}${extra}`, 'works/x.png': png})
  const corpus = await loadCorpus('c', {cwd: tmp.dir})
  const lines = messages(corpus.files)
  for (const line of [
    'c/works/a.md:2:8: Removed U+0007, U+D800 from the value at `title`: control characters and non-characters are not text, and XML cannot hold them [char-invalid]',
    'c/works/a.md:3:14: Removed U+000C from the value at `description`: control characters and non-characters are not text, and XML cannot hold them [char-invalid]'
  ])
    assert.ok(lines.includes(line), line + '\n' + lines.join('\n'))
  // One warning per line of the body, at the line it is on.
  bad.forEach((char, index) => {
    const code = 'U+' + char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    assert.ok(
      lines.includes(
        `c/works/a.md:${6 + index * 2}:1: Removed ${code} from the text: control characters and non-characters are not text, and XML cannot hold them [char-invalid]`
      ),
      code + '\n' + lines.join('\n')
    )
  })
  for (const what of ['the inlineCode', 'the url of the link', 'the title of the link', 'the alt of the image', 'the code', 'the html']) {
    assert.ok(
      lines.some((line) => line.includes(`from ${what}:`)),
      what + '\n' + lines.join('\n')
    )
  }
  assert.ok(lines.every((line) => line.endsWith('[char-invalid]')))
  const work = corpus.works[0]!
  assert.equal(work.meta.title, 'Title')
  const edition = resolveEdition(corpus, 'c')
  const text = JSON.stringify(edition.works[0]!.tree) + JSON.stringify(edition.meta)
  assert.doesNotMatch(
    text.replace(/\\u[0-9a-f]{4}/gi, (escape) => JSON.parse(`"${escape}"`)),
    notXml
  )
  assert.match(textOf(work.tree), /Line0 ab/)
  assert.match(textOf(work.tree), /Emoji stay: 😀 tab\tstays\./)
})

test('a YAML string with a control character in the apparatus is cleaned at its place', async () => {
  await writeTree(join(tmp.dir, 'd'), {
    'works/a.md': '# A\n\nKollontai spoke.\n',
    'persons.yaml': 'persons:\n  - {id: k, name: "Kollon\\u0007tai", variants: [Kollontai], description: "a\\u0085b"}\n'
  })
  const corpus = await loadCorpus('d', {cwd: tmp.dir})
  assert.deepEqual(messages(corpus.files), [
    'd/persons.yaml:2:19: Removed U+0007 from the value at `persons.0.name`: control characters and non-characters are not text, and XML cannot hold them [char-invalid]',
    'd/persons.yaml:2:74: Removed U+0085 from the value at `persons.0.description`: control characters and non-characters are not text, and XML cannot hold them [char-invalid]'
  ])
  assert.equal(corpus.apparatus.persons[0]?.name, 'Kollontai')
})
