/**
 * The PDF renders what the model settled: a title the body repeats is set
 * once (opening and contents), and the preface's footnotes are notes at the
 * foot of its page like a work's, not the literal `[^p]`.
 */
import assert from 'node:assert/strict'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {test, type TestContext} from 'node:test'
import {hasErrors, loadCorpus, resolveEdition} from '@samizdat/model'
import {toPdf} from '@samizdat/pdf'
import {date, hasTool, pageTexts} from './helpers.js'

const fixture = fileURLToPath(new URL('../../model/test/fixtures/settled/', import.meta.url))

async function pages(t: TestContext): Promise<string[]> {
  const corpus = await loadCorpus(fixture)
  const edition = resolveEdition(corpus, 'settled')
  assert.equal(hasErrors(corpus.files), false)
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-settled-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  const path = join(dir, 'settled.pdf')
  await writeFile(path, (await toPdf(edition, {date}))[0]!.data)
  return pageTexts(path).map((page) => page.replace(/\n+/g, ' | ').trim())
}

test('a work that repeats its title as its first heading sets the title once, in its opening and the contents', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const texts = await pages(t)
  assert.deepEqual(
    texts.filter((page) => page.includes('Alpha')),
    [
      // The imprint is for readers: no checksum, no build date (both are in the apparatus JSON).
      'Settled Edition | Sources | The Alpha Text. | Set in EB Garamond and PT Mono. |',
      'Contents | Preface | v | The Alpha Text | 1 | Section One | 1 | iii |',
      // The source note closes the work, in the text block, before the page's footnotes.
      'The Alpha Text | A body paragraph with a note.1 | Section One | More text. | Source: The Alpha Text. | 1 A work footnote. | 1 |'
    ]
  )
})

test("the preface's footnote is a note at the foot of its page, numbered like a work's", async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  const texts = await pages(t)
  assert.deepEqual(
    texts.filter((page) => page.startsWith('Preface')),
    ['Preface | A preface sentence with a footnote.1 | 1 The preface footnote text. | v |']
  )
})
