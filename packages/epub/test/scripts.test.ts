/**
 * The fonts a book ships: EB Garamond and PT Mono always (PT Mono for code,
 * with its licence at the end like Garamond's), and Noto slices only for the
 * scripts the text uses, declared with `@font-face` and in the font stacks;
 * a book in every script passes epubcheck.
 */
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {promisify} from 'node:util'
import {loadCorpus, resolveEdition} from '@samizdat/model'
import {toEpub} from '@samizdat/epub'
import {buildDate, open, type Book} from './helpers/books.js'
import {epubcheckJar} from './helpers/tools.js'
import {attribute, elements} from './helpers/xml.js'

// Written for this test: common words and a sentence in each script, numbers in right-to-left text, emoji.
const scripts = `# Every script

Hebrew: שלום עולם. הספר הזה נכתב בשנת 1948 בירושלים.

Arabic: مرحبا بالعالم. كتب هذا الكتاب في سنة 1948 في القاهرة.

Devanagari: नमस्ते दुनिया। यह पुस्तक राजा के बारे में है।

Thai: สวัสดีชาวโลก หนังสือเล่มนี้เขียนขึ้นที่กรุงเทพมหานคร

Chinese: 你好，世界。这本书是在北京写的。Japanese: こんにちは世界。

Emoji: readers loved it 😀 and shared it 📚.

Code: \`print("hello")\`
`

const latin = `# Only Latin

Naïve café, “quotes” — and \`code\`.
`

async function book(markdown: string): Promise<Book> {
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-scripts-'))
  try {
    await writeFile(join(dir, 'text.md'), markdown)
    const corpus = await loadCorpus(dir)
    return await open((await toEpub(resolveEdition(corpus, corpus.editions[0]!.id), {date: buildDate}))[0]!.data)
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

const fontItems = (epub: Book): string[] =>
  elements(epub.opf, 'item')
    .filter((item) => attribute(item, 'href').startsWith('fonts/'))
    .map((item) => `${attribute(item, 'href')} ${attribute(item, 'media-type')}`)

test('a Latin book ships EB Garamond and PT Mono, no Noto font; code is set in PT Mono', async () => {
  const epub = await book(latin)
  assert.deepEqual(fontItems(epub), [
    'fonts/EBGaramond-Regular.ttf font/ttf',
    'fonts/EBGaramond-Italic.ttf font/ttf',
    'fonts/EBGaramond-SemiBold.ttf font/ttf',
    'fonts/EBGaramond-SemiBoldItalic.ttf font/ttf',
    'fonts/PTMono-Regular.ttf font/ttf'
  ])
  assert.ok(epub.zip.file(`${epub.base}fonts/PTMono-Regular.ttf`), 'PT Mono is not in the book')
  const css = await epub.text(epub.base + 'style.css')
  assert.match(
    css,
    /@font-face \{\n {2}font-family: "PT Mono";\n {2}font-weight: 400;\n {2}font-style: normal;\n {2}src: url\("fonts\/PTMono-Regular\.ttf"\);\n\}/
  )
  assert.match(css, /code, kbd, samp, pre \{ font-family: "PT Mono", monospace; \}/)
  assert.match(css, /body \{ font-family: "EB Garamond", serif; \}/)
  const licence = await epub.text(epub.base + 'font-licence.xhtml')
  assert.match(licence, /<h1 id="font-licence">Font licence: EB Garamond<\/h1>/)
  assert.match(licence, /<h1 id="font-licence-2">Font licence: PT Mono<\/h1>/)
  assert.match(licence, /ParaType/)
})

test('a book in every script ships the Noto slices its characters need, with their ranges and licences', async () => {
  const epub = await book(scripts)
  const items = fontItems(epub)
  for (const name of ['noto-sans-hebrew-hebrew', 'noto-sans-arabic-arabic', 'noto-sans-devanagari-devanagari', 'noto-sans-thai-thai']) {
    assert.ok(items.includes(`fonts/${name}-400-normal.woff2 font/woff2`), `${name} missing: ${items.join(', ')}`)
  }
  const chinese = items.filter((item) => item.startsWith('fonts/noto-sans-sc-'))
  const emoji = items.filter((item) => item.startsWith('fonts/noto-emoji-'))
  // A handful of slices, not the hundred the font is cut into.
  assert.ok(chinese.length > 0 && chinese.length < 15, `${chinese.length} Chinese slices`)
  assert.ok(emoji.length > 0 && emoji.length < 4, `${emoji.length} emoji slices`)
  for (const item of items) assert.ok(epub.zip.file(epub.base + item.split(' ')[0]), `${item} is listed but not in the book`)
  const css = await epub.text(epub.base + 'style.css')
  assert.match(
    css,
    /font-family: "Noto Sans Hebrew";\n {2}font-weight: 400;\n {2}font-style: normal;\n {2}src: url\("fonts\/noto-sans-hebrew-hebrew-400-normal\.woff2"\);\n {2}unicode-range: U\+0307-0308,U\+0590-05FF/
  )
  assert.match(
    css,
    /body \{ font-family: "EB Garamond", "Noto Sans Hebrew", "Noto Sans Arabic", "Noto Sans Devanagari", "Noto Sans Thai", "Noto Sans SC", "Noto Emoji", serif; \}/
  )
  const licence = await epub.text(epub.base + 'font-licence.xhtml')
  for (const family of ['Noto Sans Hebrew', 'Noto Sans Arabic', 'Noto Sans Devanagari', 'Noto Sans Thai', 'Noto Sans SC', 'Noto Emoji']) {
    assert.ok(licence.includes(`Font licence: ${family}</h1>`), `no licence for ${family}`)
  }
})

test('the book in every script passes epubcheck: no error, no warning', async (t) => {
  const jar = epubcheckJar(t)
  if (!jar) return
  const epub = await book(scripts)
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-scripts-check-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  await writeFile(join(dir, 'book.epub'), epub.bytes)
  await promisify(execFile)('java', ['-jar', jar, join(dir, 'book.epub'), '--json', join(dir, 'report.json')]).catch((error: unknown) => error)
  const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as {messages: Array<{ID: string; severity: string; message: string}>}
  assert.deepEqual(
    report.messages.filter((m) => ['FATAL', 'ERROR', 'WARNING'].includes(m.severity)).map((m) => `${m.severity} ${m.ID} ${m.message}`),
    []
  )
})
