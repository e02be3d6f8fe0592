import assert from 'node:assert/strict'
import {symlink} from 'node:fs/promises'
import {join} from 'node:path'
import {test} from 'node:test'
import type {Image, Paragraph} from 'mdast'
import {corpusFromFiles, loadCorpus, resolveEdition, type Corpus} from '../src/index.js'
import {messages, reported, scratch, writeTree} from './helpers/corpus.js'
import {gif, hostileSvg, imageFiles, imageWork, jpeg, png, webp} from './helpers/images.js'

function resolved(corpus: Corpus) {
  return resolveEdition(corpus, corpus.editions[0]?.id ?? '')
}

test('local images are read once, typed by their bytes, sized, and named by the nodes that show them', async () => {
  const corpus = await corpusFromFiles({
    'works/a.md': imageWork + '\nAgain: ![the dot](images/dot.png) and, misnamed, ![png](images/really-a-png.jpg).\n',
    'works/b.md': '# B\n\n![From another work](../works/images/dot.png)\n',
    ...Object.fromEntries(Object.entries(imageFiles).map(([name, data]) => ['works/' + name, data])),
    'works/images/really-a-png.jpg': png
  })
  assert.deepEqual(messages(corpus.files), [])
  const edition = resolved(corpus)
  assert.deepEqual(reported(edition), [])
  assert.deepEqual(
    edition.assets.map(({id, path, mediaType, width, height}) => ({id, path, mediaType, width, height})),
    [
      {id: 'image-1', path: 'images/dot.png', mediaType: 'image/png', width: 3, height: 2},
      {id: 'image-2', path: 'images/photo.jpg', mediaType: 'image/jpeg', width: 3, height: 2},
      {id: 'image-3', path: 'images/anim.gif', mediaType: 'image/gif', width: 3, height: 2},
      {id: 'image-4', path: 'images/modern.webp', mediaType: 'image/webp', width: 3, height: 2},
      {id: 'image-5', path: 'images/drawing.svg', mediaType: 'image/svg+xml', width: 40, height: 20},
      // Its bytes say PNG: its output name says so too.
      {id: 'image-6', path: 'images/really-a-png.png', mediaType: 'image/png', width: 3, height: 2}
    ]
  )
  assert.deepEqual(edition.assets[0]?.data, png)
  assert.deepEqual(edition.assets[1]?.data, jpeg)
  assert.deepEqual(edition.assets[2]?.data, gif)
  assert.deepEqual(edition.assets[3]?.data, webp)
  const shown = (index: number) => {
    const list: Array<string | undefined> = []
    const walk = (node: {type: string; children?: unknown[]; data?: {asset?: string}}) => {
      if (node.type === 'image') list.push(node.data?.asset)
      for (const child of node.children ?? []) walk(child as typeof node)
    }
    walk(edition.works[index]?.tree as never)
    return list
  }
  assert.deepEqual(shown(0), [
    'images/dot.png',
    'images/photo.jpg',
    'images/anim.gif',
    'images/modern.webp',
    'images/drawing.svg',
    'images/dot.png',
    'images/really-a-png.png'
  ])
  assert.deepEqual(shown(1), ['images/dot.png'])
})

test('an image alone in a paragraph is a figure captioned by its title, else its description; an inline image is not', async () => {
  const corpus = await corpusFromFiles({'works/a.md': imageWork, ...Object.fromEntries(Object.entries(imageFiles).map(([n, d]) => ['works/' + n, d]))})
  const edition = resolved(corpus)
  const figures = (edition.works[0]?.tree.children ?? [])
    .filter((node): node is Paragraph => node.type === 'paragraph')
    .map((node) => [(node.children.find((child) => child.type === 'image') as Image | undefined)?.alt, node.data?.figure?.caption])
  assert.deepEqual(figures, [
    ['A red dot', 'Figure one'],
    ['A photo', 'A photo'],
    ['animated', undefined],
    ['A modern image', 'Figure four'],
    ['A drawing', 'A drawing']
  ])
})

test('SVG is sanitised: no script, handler, foreignObject, stylesheet or external reference is left', async () => {
  const corpus = await corpusFromFiles({'a.md': '# A\n\n![d](d.svg)\n', 'd.svg': hostileSvg})
  const [asset] = resolved(corpus).assets
  const svg = new TextDecoder().decode(asset?.data)
  for (const bad of ['script', 'onload', 'onclick', 'foreignObject', 'evil.example', 'javascript:', '@import', 'xml-stylesheet', '<set', '<image', '<a ']) {
    assert.ok(!svg.includes(bad), `${bad} left in ${svg}`)
  }
  // The drawing itself stays, with its own references.
  assert.match(svg, /<circle cx="30" cy="10" r="5" fill="blue"/)
  assert.match(svg, /<rect width="10" height="10" fill="url\(#g\)"/)
  assert.match(svg, /<linearGradient id="g">/)
})

test('a missing, unknown, outside or oversized local image is an error at its place', async () => {
  const corpus = await corpusFromFiles(
    {
      'works/a.md': '# A\n\n![gone](missing.png)\n\nText ![text](notes.png).\n\n![bmp](pic.bmp) ![bad](bad.svg)\n\n![big](big.png)\n',
      'works/notes.png': 'not an image at all',
      'works/pic.bmp': new Uint8Array([
        0x42,
        0x4d,
        58,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        54,
        0,
        0,
        0,
        40,
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        0,
        24,
        0,
        ...Array(28).fill(0)
      ]),
      'works/bad.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>',
      'works/big.png': new Uint8Array([...png, ...new Uint8Array(400)])
    },
    {maxFileSize: 300}
  )
  assert.deepEqual(
    messages(corpus.files).map((m) => m.replace(/ \(.*\)( \[)/, '$1')),
    [
      'works/a.md:3:1: Image `missing.png`: `works/missing.png` not found [file-missing]',
      'works/a.md:5:6: Image `notes.png`: `works/notes.png` cannot be shown: it is not a PNG, JPEG, GIF, WebP or SVG image [image-invalid]',
      'works/a.md:7:1: Image `pic.bmp`: `works/pic.bmp` cannot be shown: it is not a PNG, JPEG, GIF, WebP or SVG image [image-invalid]',
      'works/a.md:7:17: Image `bad.svg`: `works/bad.svg` cannot be shown: it is not a valid SVG image: it is not well-formed UTF-8 XML [image-invalid]',
      'works/a.md:9:1: Image `big.png`: `works/big.png` is larger than the limit of 300 bytes [file-too-large]'
    ]
  )
  // What could not be read stands as its description: no output points at a missing file.
  const edition = resolved(corpus)
  assert.deepEqual(edition.assets, [])
  assert.equal(JSON.stringify(edition.works[0]?.tree).includes('"image"'), false)
})

test('images are read through the corpus sandbox: a path or a symlink leaving the corpus is refused', async () => {
  const {dir, cleanup} = await scratch('images')
  try {
    await writeTree(dir, {'outside.png': png, 'corpus/a.md': '# A\n\n![up](../outside.png)\n\n![link](linked.png)\n'})
    await symlink(join(dir, 'outside.png'), join(dir, 'corpus', 'linked.png'))
    const corpus = await loadCorpus(join(dir, 'corpus'), {cwd: dir})
    assert.deepEqual(messages(corpus.files), [
      'corpus/a.md:3:1: Image `../outside.png`: `outside.png` is outside the corpus folder (it resolves to a path outside it): only files inside the corpus are read [file-outside]',
      'corpus/a.md:5:1: Image `linked.png`: `corpus/linked.png` is outside the corpus folder (it resolves to a path outside it): only files inside the corpus are read [file-outside]'
    ])
  } finally {
    await cleanup()
  }
})

test('a reference-style image and a percent-encoded path resolve like an inline one; a remote image is a warned link', async () => {
  const corpus = await corpusFromFiles({
    'a.md': '# A\n\n![ref][logo]\n\n![spaced](my%20dot.png)\n\n![far](https://example.org/x.png)\n\n[logo]: dot.png\n',
    'dot.png': png,
    'my dot.png': png
  })
  assert.deepEqual(messages(corpus.files), [])
  const edition = resolved(corpus)
  assert.deepEqual(
    edition.assets.map((asset) => asset.path),
    ['images/dot.png', 'images/my-dot.png']
  )
  assert.deepEqual(reported(edition), [
    'a.md:7:1: Image `https://example.org/x.png` is not in the corpus: remote images are reported, never fetched; a link to it stands in its place [image-remote]'
  ])
})

test('a raw HTML <img> of a local image is read the same way: an asset by its src, a missing one an error at the HTML', async () => {
  const corpus = await corpusFromFiles({
    'a.md':
      '# A\n\n<p align="center"><img width="320" src="media/logo.png" alt="Logo"></p>\n\nText <img src="gone.gif"> and <img src="https://example.org/x.png">.\n',
    'media/logo.png': png
  })
  assert.deepEqual(messages(corpus.files), ['a.md:5:6: Image `gone.gif`: `gone.gif` not found [file-missing]'])
  const edition = resolved(corpus)
  assert.deepEqual(
    edition.assets.map((asset) => asset.path),
    ['images/logo.png']
  )
  const html = (edition.works[0]?.tree.children ?? []).find((node) => node.type === 'html')
  assert.deepEqual(html?.data?.assets, {'media/logo.png': 'images/logo.png'})
})

test('a JPEG turned a quarter by its EXIF orientation has its displayed size (width and height swapped)', async () => {
  // APP1 Exif segment after SOI: a big-endian TIFF header and one IFD entry, Orientation (0x0112) = 6.
  const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]
  const exif = [0xff, 0xe1, 0, 2 + 6 + tiff.length, ...Buffer.from('Exif\0\0', 'latin1'), ...tiff]
  const turned = new Uint8Array([...jpeg.subarray(0, 2), ...exif, ...jpeg.subarray(2)])
  const corpus = await corpusFromFiles({'a.md': '# A\n\n![turned](t.jpg)\n', 't.jpg': turned})
  assert.deepEqual(messages(corpus.files), [])
  const [asset] = resolved(corpus).assets
  assert.deepEqual([asset?.width, asset?.height], [2, 3])
})
