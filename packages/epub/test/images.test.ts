/**
 * Local images in the book: in the zip at their path, in the manifest with the media type their bytes say,
 * shown by `<img>` with their description, lone ones as figures; epubcheck finds nothing to say.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {toEpub} from '@samizdat/epub'
import {corpusFromFiles, resolveEdition, type ResolvedEdition} from '@samizdat/model'
import {imageFiles, imageWork} from '../../model/test/helpers/images.js'
import {buildDate, open} from './helpers/books.js'
import {describe, epubcheck} from './helpers/epubcheck.js'
import {elements} from './helpers/xml.js'

async function book(): Promise<{edition: ResolvedEdition; bytes: Uint8Array; warnings: string[]}> {
  const corpus = await corpusFromFiles({'pictures.md': imageWork, ...imageFiles})
  const edition = resolveEdition(corpus, 'corpus')
  const warnings: string[] = []
  const [file] = await toEpub(edition, {date: buildDate, report: (message) => warnings.push(`${message.ruleId}: ${message.reason}`)})
  return {edition, bytes: file?.data ?? new Uint8Array(), warnings}
}

test('every local image is in the book, byte for byte, and in the manifest with the media type of its bytes', async () => {
  const {edition, bytes, warnings} = await book()
  assert.deepEqual(warnings, [])
  const epub = await open(bytes)
  const items = elements(epub.opf, 'item')
    .map((item) => item.attributes)
    .filter((attributes) => String(attributes['href']).startsWith('images/'))
  assert.deepEqual(items, [
    {id: 'image-1', href: 'images/dot.png', 'media-type': 'image/png'},
    {id: 'image-2', href: 'images/photo.jpg', 'media-type': 'image/jpeg'},
    {id: 'image-3', href: 'images/anim.gif', 'media-type': 'image/gif'},
    // WebP is core in EPUB 3.3, not in 3.2 (epubcheck 4): a lossless PNG copy is its manifest fallback.
    {id: 'image-4', href: 'images/modern.webp', 'media-type': 'image/webp', fallback: 'image-4-fallback'},
    {id: 'image-5', href: 'images/drawing.svg', 'media-type': 'image/svg+xml'},
    {id: 'image-4-fallback', href: 'images/modern-fallback.png', 'media-type': 'image/png'}
  ])
  for (const asset of edition.assets) {
    const entry = epub.zip.file(epub.base + asset.path)
    assert.ok(entry, asset.path)
    assert.deepEqual(new Uint8Array(await entry.async('uint8array')), asset.data)
  }
  // The accessibility summary no longer says "text only".
  assert.match(await epub.text(epub.base + 'content.opf'), /<meta property="schema:accessibilitySummary">Text, with the images of its sources/)
  const fallback = await epub.zip.file(epub.base + 'images/modern-fallback.png')?.async('uint8array')
  assert.deepEqual([...(fallback ?? new Uint8Array()).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
})

test('the chapter shows each image with its description and size, lone ones as figures; no "Image not included"', async () => {
  const {bytes} = await book()
  const epub = await open(bytes)
  const chapter = (await Promise.all(epub.spine.map((path) => epub.text(path)))).find((text) => text.includes('images/dot.png')) ?? ''
  assert.deepEqual(
    [...chapter.matchAll(/<img [^>]*\/>/g)].map((match) => match[0]),
    [
      '<img src="images/dot.png" alt="A red dot" title="Figure one" width="3" height="2" />',
      '<img src="images/photo.jpg" alt="A photo" width="3" height="2" />',
      '<img src="images/anim.gif" alt="animated" width="3" height="2" />',
      '<img src="images/modern.webp" alt="A modern image" title="Figure four" width="3" height="2" />',
      '<img src="images/drawing.svg" alt="A drawing" title="A drawing" width="40" height="20" />'
    ]
  )
  assert.match(chapter, /<figure><img src="images\/dot.png"[^>]*\/><figcaption>Figure one<\/figcaption><\/figure>/)
  assert.doesNotMatch(chapter, /Image not included/)
})

test('epubcheck: a book with PNG, JPEG, GIF, WebP and SVG images has no errors and no warnings', async (t) => {
  const {bytes} = await book()
  const messages = await epubcheck(t, bytes)
  if (!messages) return
  const bad = messages.filter((m) => m.severity === 'FATAL' || m.severity === 'ERROR' || m.severity === 'WARNING')
  assert.equal(bad.length, 0, describe(bad))
})
