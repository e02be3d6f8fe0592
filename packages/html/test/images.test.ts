/** Local images on the site: copied beside the pages, shown at their size with their description; lone ones as figures. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {toHtml} from '@samizdat/html'
import {corpusFromFiles, resolveEdition} from '@samizdat/model'
import {imageFiles, imageWork} from '../../model/test/helpers/images.js'
import {validate} from './helpers/validate.js'

async function site() {
  const corpus = await corpusFromFiles({'pictures.md': imageWork, ...imageFiles})
  const edition = resolveEdition(corpus, 'corpus')
  return {edition, files: await toHtml(edition)}
}

test('every local image is a file of the site, byte for byte, beside the pages', async () => {
  const {edition, files} = await site()
  const images = files.filter((file) => file.path.startsWith('corpus/images/'))
  assert.deepEqual(
    images.map((file) => file.path),
    ['corpus/images/dot.png', 'corpus/images/photo.jpg', 'corpus/images/anim.gif', 'corpus/images/modern.webp', 'corpus/images/drawing.svg']
  )
  for (const [index, file] of images.entries()) assert.deepEqual(file.data, edition.assets[index]?.data)
})

test('images are <img> with src, width, height and alt; a lone image is a <figure> with its caption; the page is valid', async () => {
  const {files} = await site()
  const page = files.find((file) => file.path === 'corpus/pictures.html')
  const html = new TextDecoder().decode(page?.data)
  const shown = [...html.matchAll(/<img [^>]*>/g)].map((match) => match[0])
  assert.deepEqual(shown, [
    '<img src="images/dot.png" alt="A red dot" title="Figure one" width="3" height="2">',
    '<img src="images/photo.jpg" alt="A photo" width="3" height="2">',
    '<img src="images/anim.gif" alt="animated" width="3" height="2">',
    '<img src="images/modern.webp" alt="A modern image" title="Figure four" width="3" height="2">',
    '<img src="images/drawing.svg" alt="A drawing" title="A drawing" width="40" height="20">'
  ])
  assert.match(html, /<figure><img src="images\/dot.png"[^>]*><figcaption>Figure one<\/figcaption><\/figure>/)
  assert.match(html, /<figure><img src="images\/photo.jpg"[^>]*><figcaption>A photo<\/figcaption><\/figure>/)
  assert.match(html, /<p>Some text with an inline <img src="images\/anim.gif"[^>]*> image.<\/p>/)
  assert.equal([...html.matchAll(/<figure>/g)].length, 4)
  assert.deepEqual(await validate('pictures.html', html), [])
})

test('a raw HTML <img> of a local image shows the copy, its given width kept and its height in proportion', async () => {
  const corpus = await corpusFromFiles({
    'a.md': '# A\n\n<p align="center"><img width="30" src="media/logo.png" alt="Logo"></p>\n',
    'media/logo.png': imageFiles['images/dot.png']
  })
  const files = await toHtml(resolveEdition(corpus, 'corpus'))
  const html = new TextDecoder().decode(files.find((file) => file.path === 'corpus/a.html')?.data)
  assert.deepEqual(html.match(/<img [^>]*>/g), ['<img width="30" src="images/logo.png" alt="Logo" height="20">'])
  assert.ok(files.some((file) => file.path === 'corpus/images/logo.png'))
})

test('a raw HTML <img> with a title and no alt is described by its title, not decorative and titled (WCAG H67)', async () => {
  const corpus = await corpusFromFiles({
    'a.md': '# A\n\nA picture: <img src="media/logo.png" title="The logo"/> and <img src="media/logo.png"/>.\n',
    'media/logo.png': imageFiles['images/dot.png']
  })
  const files = await toHtml(resolveEdition(corpus, 'corpus'))
  const html = new TextDecoder().decode(files.find((file) => file.path === 'corpus/a.html')?.data)
  assert.deepEqual(html.match(/<img [^>]*>/g), [
    '<img src="images/logo.png" width="3" height="2" alt="The logo">',
    '<img src="images/logo.png" width="3" height="2" alt="">'
  ])
  assert.deepEqual(await validate('a.html', html), [])
})
