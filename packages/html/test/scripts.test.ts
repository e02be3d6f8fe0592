/**
 * The site ships Noto fonts only for the scripts its pages use: the WOFF2
 * slices that hold the book's characters, each declared with its
 * `unicode-range`, the families in the font stacks, and their licences
 * beside them. A book in Latin script gets no web font at all.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {corpusFromFiles, resolveEdition} from '@samizdat/model'
import {stylesheet, toHtml} from '@samizdat/html'

// Written for this test: a sentence in Hebrew with a year, one in Chinese, an emoji.
const scripts = `# Scripts

Hebrew: הספר הזה נכתב בשנת 1948 בירושלים.

Chinese: 你好，世界。这本书是在北京写的。

Emoji: 📚
`

async function site(markdown: string): Promise<Map<string, Uint8Array>> {
  const corpus = await corpusFromFiles({'text.md': markdown})
  const files = await toHtml(resolveEdition(corpus, corpus.editions[0]!.id))
  return new Map(files.map((file) => [file.path.replace(/^[^/]+\//u, ''), file.data]))
}

test('a site in Latin script ships EB Garamond’s Latin slices (WOFF2, with the OFL) and no Noto font', async () => {
  const files = await site('# Latin\n\nNaïve café, “quotes” — and `code`.\n')
  assert.deepEqual(
    [...files.keys()].filter((path) => path.startsWith('fonts/')),
    [
      'fonts/eb-garamond-latin-400-normal.woff2',
      'fonts/eb-garamond-latin-400-italic.woff2',
      'fonts/eb-garamond-latin-600-normal.woff2',
      'fonts/eb-garamond-latin-600-italic.woff2',
      'fonts/EBGaramond-OFL.txt'
    ]
  )
  // WOFF2 files (their signature), declared with their style and weight, before the plain stylesheet.
  assert.equal(new TextDecoder().decode(files.get('fonts/eb-garamond-latin-400-italic.woff2')!.subarray(0, 4)), 'wOF2')
  const css = new TextDecoder().decode(files.get('style.css'))
  assert.match(
    css,
    /^@font-face \{\n {2}font-family: "EB Garamond";\n {2}font-weight: 400;\n {2}font-style: italic;\n {2}font-display: swap;\n {2}src: url\("fonts\/eb-garamond-latin-400-italic\.woff2"\) format\("woff2"\);/m
  )
  assert.ok(css.endsWith(stylesheet))
  assert.match(new TextDecoder().decode(files.get('fonts/EBGaramond-OFL.txt')), /SIL OPEN FONT LICENSE/i)
})

test('a site with Greek and Cyrillic words ships the EB Garamond slices for them too', async () => {
  const files = await site('# Mixed\n\nλόγος and правда.\n')
  const fonts = [...files.keys()].filter((path) => path.startsWith('fonts/eb-garamond-') && path.endsWith('-400-normal.woff2'))
  assert.deepEqual(fonts, [
    'fonts/eb-garamond-cyrillic-400-normal.woff2',
    'fonts/eb-garamond-greek-400-normal.woff2',
    'fonts/eb-garamond-latin-400-normal.woff2'
  ])
})

test('a site in Hebrew and Chinese ships their Noto slices, declared and stacked, with their licences', async () => {
  const files = await site(scripts)
  const fonts = [...files.keys()].filter((path) => path.startsWith('fonts/'))
  assert.ok(fonts.includes('fonts/noto-sans-hebrew-hebrew-400-normal.woff2'), fonts.join(', '))
  assert.ok(fonts.includes('fonts/NotoSansHebrew-OFL.txt'))
  assert.ok(fonts.includes('fonts/NotoSansSC-OFL.txt'))
  assert.ok(fonts.includes('fonts/NotoEmoji-OFL.txt'))
  assert.ok(!fonts.some((path) => path.includes('arabic') || path.includes('thai') || path.includes('devanagari')), fonts.join(', '))
  const chinese = fonts.filter((path) => path.startsWith('fonts/noto-sans-sc-'))
  assert.ok(chinese.length > 0 && chinese.length < 10, `${chinese.length} Chinese slices`)
  // WOFF2 files, byte for byte: their signature.
  assert.equal(new TextDecoder().decode(files.get('fonts/noto-sans-hebrew-hebrew-400-normal.woff2')?.slice(0, 4)), 'wOF2')
  const css = new TextDecoder().decode(files.get('style.css'))
  assert.match(
    css,
    /@font-face \{\n {2}font-family: "Noto Sans Hebrew";\n {2}font-weight: 400;\n {2}font-style: normal;\n {2}src: url\("fonts\/noto-sans-hebrew-hebrew-400-normal\.woff2"\);\n {2}unicode-range: U\+0307-0308,U\+0590-05FF/
  )
  assert.match(css, /html \{ font-family: "EB Garamond", "Iowan Old Style", .*Georgia, "Noto Sans Hebrew", "Noto Sans SC", "Noto Emoji", serif; \}/)
  for (const path of chinese) assert.ok(css.includes(`src: url("${path}")`), `${path} not declared`)
})

test('a block holding right-to-left text takes its direction from its first strong character', async () => {
  const files = await site(scripts)
  const page = new TextDecoder().decode([...files.entries()].find(([path]) => path.endsWith('.html') && path !== 'index.html')?.[1])
  assert.match(page, /<p dir="auto">Hebrew: הספר/)
  assert.match(page, /<p>Chinese: 你好/)
})
