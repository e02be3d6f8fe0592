import assert from 'node:assert/strict'
import {test} from 'node:test'
import {VFile} from 'vfile'
import {renderFragment, serialize} from '@samizdat/html'
import {parse} from './helpers/edition.js'

/** Raw HTML through the fragment renderer, with the warnings it reports on a file. */
function render(markdown: string): {html: string; warnings: string[]} {
  const file = new VFile({path: 'a.md'})
  const html = serialize(renderFragment(parse(markdown), {file}))
  return {html, warnings: file.messages.map((m) => `${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`)}
}

// CommonMark examples 21, 159, 31 and 642: each made epubcheck fail (RSC-007, RSC-020) before.
test('a raw HTML link to a relative path, or with a backslash or a line break, is unlinked with a positioned warning', () => {
  const {html, warnings} = render(
    '<div><a href="bar">*foo*</a></div>\n\nx <a href="/bar\\/)">y</a> <a href="&ouml;&ouml;.html">z</a> <a href="foo\nbar">w</a>\n'
  )
  assert.equal(html, '<div><a>*foo*</a></div>\n<p>x <a>y</a> <a>z</a> <a>w</a></p>')
  assert.deepEqual(warnings, [
    '1:6: Raw HTML link `bar` leads nowhere in the edition (only web and mail addresses are followed): its text stands unlinked [link-unresolved]',
    '3:3: Raw HTML link `/bar\\/)` leads nowhere in the edition (only web and mail addresses are followed): its text stands unlinked [link-unresolved]',
    '3:27: Raw HTML link `öö.html` leads nowhere in the edition (only web and mail addresses are followed): its text stands unlinked [link-unresolved]',
    '3:61: Raw HTML link `foo\\x0abar` leads nowhere in the edition (only web and mail addresses are followed): its text stands unlinked [link-unresolved]'
  ])
})

test('a raw HTML link to a web address is kept, written as a valid URI', () => {
  const {html, warnings} = render('<a href="https://example.org/a b|c">x</a> <a href="https://foo.bar.`baz">y</a>\n')
  assert.equal(html, '<p><a href="https://example.org/a%20b%7Cc">x</a> <a>y</a></p>')
  assert.equal(warnings.length, 1)
})

// CommonMark example 148: `<pre>` left open around a blank line makes a paragraph inside it, which XHTML forbids.
test('a paragraph inside a pre (raw HTML around Markdown) gives way to its content', () => {
  const {html} = render('<table><tr><td>\n<pre>\n**Hello**,\n\n_world_.\n</pre>\n</td></tr></table>\n')
  assert.match(html, /<pre>\*\*Hello\*\*,\n<em>world<\/em>.\n<\/pre>/)
})
