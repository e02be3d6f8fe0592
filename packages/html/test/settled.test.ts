/**
 * The web edition renders what the model settled: a title the body repeats is
 * shown once, and the preface's footnotes are notes like a work's.
 */
import assert from 'node:assert/strict'
import {fileURLToPath} from 'node:url'
import {test} from 'node:test'
import {hasErrors, loadCorpus, resolveEdition} from '@samizdat/model'
import {toHtml} from '@samizdat/html'
import {validate} from './helpers/validate.js'
import {siteOf} from './helpers/site.js'

const fixture = fileURLToPath(new URL('../../model/test/fixtures/settled/', import.meta.url))

async function site(): Promise<Map<string, string>> {
  const corpus = await loadCorpus(fixture)
  const edition = resolveEdition(corpus, 'settled')
  assert.equal(hasErrors(corpus.files), false)
  return new Map((await siteOf(toHtml(edition))).files.map((file) => [file.path, String(file.contents)]))
}

/** The text of every heading of a page's `<main>`, in order. */
function headings(html: string): string[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'))
  return [...main.matchAll(/<h[1-6][^>]*>(.*?)<\/h[1-6]>/g)].map((match) => (match[1] as string).replace(/<[^>]+>/g, ''))
}

test('a work that repeats its title as its first heading shows the title once, in the page and the contents', async () => {
  const pages = await site()
  // The notes stand beside the text (sidenotes.ts), under no heading of their own.
  assert.deepEqual(headings(pages.get('alpha.html') as string), ['The Alpha Text', 'Section One'])
  assert.deepEqual(headings(pages.get('index.html') as string), ['Settled Edition', 'Contents', 'Preface'])
  const contents = (pages.get('index.html') as string).match(/<nav class="toc"[\s\S]*?<\/nav>/)?.[0]
  assert.equal(
    contents,
    '<nav class="toc" aria-labelledby="contents"><h2 id="contents">Contents</h2><ol><li><a href="alpha.html">The Alpha Text</a><ol><li><a href="alpha.html#section-one">Section One</a></li></ol></li></ol></nav>'
  )
})

test("the preface's footnotes are the model's notes, rendered like a work's (not GitHub's footnote section)", async () => {
  const index = (await site()).get('index.html') as string
  const preface = index.match(/<section class="preface"[\s\S]*?<\/section>/)?.[0] ?? ''
  // The note after the paragraph of its mark (sidenotes.ts), numbered like a work's.
  assert.equal(
    preface,
    '<section class="preface" role="doc-preface" aria-labelledby="preface"><h2 id="preface">Preface</h2>' +
      '<p>A preface sentence with a footnote.<a href="#preface-fn-p" id="preface-fnref-p" class="noteref" role="doc-noteref" aria-label="Note 1"><sup>1</sup></a></p>' +
      '<aside id="preface-fn-p" class="note note-footnote sidenote" role="doc-footnote" aria-label="Note 1">' +
      '<p><span class="sidenote-number">1.</span> The preface footnote text. <a href="#preface-fnref-p" class="backlink" role="doc-backlink" aria-label="Back to the text at note 1">↩</a></p></aside></section>'
  )
  assert.doesNotMatch(index, /data-footnote|user-content-/)
})

test("the pages with the preface's notes are valid HTML (html-validate, recommended rules)", async () => {
  const pages = await site()
  const problems: string[] = []
  for (const [path, html] of pages) if (path.endsWith('.html')) problems.push(...(await validate(path, html)))
  assert.deepEqual(problems, [])
})
