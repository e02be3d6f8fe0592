/**
 * The EPUB's page-list: built with the PDF, the e-book marks where each printed page starts, before the
 * first word printed on it, and lists those marks. Checked against the PDF itself: the word after each
 * mark is at the start of a line on the page whose printed number is the mark's label (pdftotext).
 * The small corpus makes its PDF on the CLI's own thread, the reader edition (over 64 kB of Markdown) on
 * the rendering thread (threads.ts), which hands the page starts back with the PDF.
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {test, type TestContext} from 'node:test'
import JSZip from 'jszip'
import {describe, epubcheck} from '../../epub/test/helpers/epubcheck.js'
import {tool} from '../../epub/test/helpers/tools.js'
import {hasTool, root, runCli, tempDir, writeTree} from './util.js'

interface Marker {
  label: string
  /** The first word after the mark, as the e-book reads it (a page may start inside a hyphenated word). */
  word: string
  /** Text of the same element comes before the mark: the page starts inside a paragraph. */
  inside: boolean
}

/** The page breaks of the book's content documents, in reading order, and its page-list, its metadata. */
async function readBook(bytes: Uint8Array): Promise<{markers: Marker[]; pageList: string[]; opf: string; nav: string; ncx: string}> {
  const zip = await JSZip.loadAsync(bytes)
  const ncx = await zip.file('OEBPS/toc.ncx')!.async('string')
  const opf = await zip.file('OEBPS/content.opf')!.async('string')
  const nav = await zip.file('OEBPS/toc.xhtml')!.async('string')
  const files = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map(([, idref]) => new RegExp(`<item id="${idref}" href="([^"]+)"`).exec(opf)![1]!)
  const markers: Marker[] = []
  for (const file of files.filter((name) => name !== 'toc.xhtml')) {
    const xhtml = await zip.file(`OEBPS/${file}`)!.async('string')
    for (const match of xhtml.matchAll(/<span id="print-page-([^"]+)" epub:type="pagebreak" role="doc-pagebreak" aria-label="([^"]+)"\/>/g)) {
      assert.equal(match[1], match[2], 'the id and the label name one page')
      // The end of a block separates words; inline markup does not.
      const next = xhtml.slice(match.index + match[0].length, match.index + match[0].length + 2000)
      const after = decode(next.replace(/<\/(?:h[1-6]|p|li|header|div)>/g, ' ').replace(/<[^>]*>/g, ''))
      markers.push({label: match[2]!, word: firstWord(after), inside: !xhtml.slice(0, match.index).endsWith('>')})
    }
  }
  const list = /<nav epub:type="page-list" role="doc-pagelist"[^>]*>(.*?)<\/nav>/s.exec(nav)?.[1] ?? ''
  const pageList = [...list.matchAll(/<a href="[^"#]+#print-page-([^"]+)">([^<]+)<\/a>/g)].map(([, id, label]) => (assert.equal(id, label), label!))
  return {markers, pageList, opf, nav, ncx}
}

/** The NCX's targets in document order: contents (`point`) and pages (`page`, with the NCX's type and value). */
function ncxTargets(ncx: string): Array<{kind: string; order: number; label: string; src: string; type?: string; value?: string}> {
  return [...ncx.matchAll(/<(navPoint|pageTarget) ([^>]*)>\s*<navLabel>\s*<text>([^<]*)<\/text>\s*<\/navLabel>\s*<content src="([^"]+)"/g)].map(
    ([, element, attributes, label, src]) => {
      const attribute = (name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes!)?.[1]
      const type = attribute('type')
      const value = attribute('value')
      return {
        kind: element === 'navPoint' ? 'point' : 'page',
        order: Number(attribute('playOrder')),
        label: label!,
        src: src!,
        ...(type === undefined ? {} : {type}),
        ...(value === undefined ? {} : {value})
      }
    }
  )
}

function decode(text: string): string {
  return text.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16))).replace(/&amp;/g, '&')
}

/** Letters and digits from the start of the text, as pdftotext sets them (ligatures and quotes aside). */
function firstWord(text: string): string {
  return /[\p{L}\p{N}]+/u.exec(text.normalize('NFKC').trimStart())?.[0] ?? ''
}

/** Each page's text and its label as printed (the PDF's page labels: roman, then arabic). */
function pdfPages(pdf: string, qpdf: string): Array<{label: string; lines: string[]}> {
  const texts = execFileSync('pdftotext', [pdf, '-'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
    .split('\f')
    .slice(0, -1)
  const json = JSON.parse(execFileSync(qpdf, ['--json', '--json-key=pagelabels', pdf], {encoding: 'utf8'})) as {
    pagelabels: Array<{index: number; label: {'/S': string; '/St'?: number}}>
  }
  return texts.map((text, index) => {
    const range = json.pagelabels.filter((entry) => entry.index <= index).at(-1)!
    const number = index - range.index + (range.label['/St'] ?? 1)
    return {label: range.label['/S'] === '/r' ? roman(number) : String(number), lines: text.normalize('NFKC').split('\n')}
  })
}

function roman(value: number): string {
  const digits: Array<[number, string]> = [
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i']
  ]
  let out = ''
  for (const [worth, letters] of digits) {
    while (value >= worth) {
      out += letters
      value -= worth
    }
  }
  return out
}

/** Whether a line of the page begins with the word (or with its first part, hyphenated at the line's end). */
function startsALine(lines: readonly string[], word: string): boolean {
  return lines.some((line) => {
    const first = firstWord(line)
    return first === word || (line.trimEnd().endsWith('-') && first.length > 0 && word.startsWith(first) && word.length > first.length)
  })
}

/**
 * Whether the word is printed at the top of the page: in its first lines (the running head, then the first
 * of the text), as a word or as the first part of one hyphenated at a line's end. What the PDF alone prints
 * (a correction's page and line in the list) may come before it on its line.
 */
function atTop(lines: readonly string[], word: string): boolean {
  return lines
    .filter((line) => line.trim() !== '')
    .slice(0, 4)
    .some((line) => {
      const words: string[] = line.match(/[\p{L}\p{N}]+/gu) ?? []
      const last = words.at(-1) ?? ''
      return words.includes(word) || (line.trimEnd().endsWith('-') && word.startsWith(last) && word.length > last.length)
    })
}

async function buildBoth(t: TestContext, corpus: string, cwd: string): Promise<{epub: Uint8Array; pdf: string; qpdf: string} | undefined> {
  const qpdf = tool(t, 'qpdf', 'qpdf')
  if (!hasTool(t, 'pdftotext') || !qpdf) return undefined
  const result = await runCli(['build', corpus, '-o', 'out', '--quiet', '--format', 'epub,pdf'], cwd)
  assert.equal(result.code, 0, result.stderr)
  const out = path.join(cwd, 'out')
  const [epub] = (await readdir(out)).filter((name) => name.endsWith('.epub'))
  return {epub: await readFile(path.join(out, epub!)), pdf: path.join(out, epub!.replace(/\.epub$/, '.pdf')), qpdf}
}

// Words numbered so that each is printed once: the page a word is on is the page that word names.
const vocabulary = 'commune council delegate factory union party congress soviet worker peasant bureau decree'.split(' ')
let counter = 0
function paragraph(words: number): string {
  return Array.from({length: words}, () => `${vocabulary[counter % vocabulary.length]}${counter++}`).join(' ') + '.'
}

test('built with the PDF, the EPUB marks each printed page before the first word printed on it, mid-paragraph too, and lists them', async (t) => {
  const {dir, cleanup} = await tempDir()
  try {
    counter = 0
    const body = Array.from({length: 14}, (_, index) =>
      index === 6 ? `## A section\n\n${paragraph(90)}[^n]\n\n[^n]: ${paragraph(40)}` : paragraph(70 + (index % 4) * 35)
    ).join('\n\n')
    await writeTree(path.join(dir, 'corpus'), {
      'editions/paged.yaml': 'title: Paged\nworks: [long]\n',
      'works/long.md': `---\ntitle: A Long Text\n---\n\n${body}\n`
    })
    const built = await buildBoth(t, 'corpus', dir)
    if (!built) return
    const {markers, pageList, opf, nav, ncx} = await readBook(built.epub)
    const pages = pdfPages(built.pdf, built.qpdf)
    // Every page of the text has its mark (the title page, imprint and contents are not in the e-book's text).
    const textPages = pages.filter((page) => /^\d+$/.test(page.label)).map((page) => page.label)
    assert.ok(textPages.length >= 5, `a text of several pages, not ${textPages.length}`)
    assert.deepEqual(
      markers.map((marker) => marker.label),
      textPages
    )
    let midParagraph = 0
    for (const marker of markers) {
      const page = pages.find((candidate) => candidate.label === marker.label)!
      assert.ok(startsALine(page.lines, marker.word), `page ${marker.label} starts with “${marker.word}”:\n${page.lines.join('\n')}`)
      // A chapter's title: its page is marked in its heading (running heads repeat it).
      if (!/\d$/.test(marker.word)) continue
      // The word is printed on that page and on no other.
      const on = pages.filter((candidate) => candidate.lines.some((line) => new RegExp(`(^|\\s)${marker.word}\\b`).test(line)))
      assert.deepEqual(
        on.map((candidate) => candidate.label),
        [marker.label],
        marker.word
      )
      if (marker.inside) midParagraph++
    }
    assert.ok(midParagraph >= 3, 'pages that start inside a paragraph are marked where they start')
    assert.deepEqual(pageList, textPages, 'the page-list lists every mark, in order')
    assert.match(
      nav,
      /<nav epub:type="page-list" role="doc-pagelist" aria-label="Pages of the print edition" hidden="hidden"><h2>Pages of the print edition<\/h2><ol>/
    )
    // EPUB 2 reading systems get the same pages from the NCX's pageList, in the reading order with the contents.
    const targets = ncxTargets(ncx)
    assert.deepEqual(
      targets.filter((target) => target.kind === 'page'),
      textPages.map((label) => ({
        kind: 'page',
        order: targets.find((target) => target.label === label && target.kind === 'page')?.order ?? NaN,
        label,
        src: `long.xhtml#print-page-${label}`,
        type: 'normal',
        value: label
      }))
    )
    assert.match(ncx, /<pageList><navLabel><text>Pages of the print edition<\/text><\/navLabel><pageTarget /)
    assert.match(
      ncx,
      new RegExp(`<meta name="dtb:totalPageCount" content="${textPages.length}" />\\s*<meta name="dtb:maxPageNumber" content="${textPages.at(-1)}" />`)
    )
    // playOrder: 1 to n without a gap, and the order in which the targets stand in the text.
    assert.deepEqual(
      targets.map((target) => target.order).sort((a, b) => a - b),
      targets.map((_, index) => index + 1)
    )
    const text = await (await JSZip.loadAsync(built.epub)).file('OEBPS/long.xhtml')!.async('string')
    const inText = targets.filter((target) => target.src.startsWith('long.xhtml'))
    const at = (src: string): number => (src.includes('#') ? text.indexOf(`id="${src.split('#')[1]}"`) : 0)
    assert.ok(inText.every((target) => at(target.src) >= 0))
    assert.deepEqual(
      [...inText].sort((a, b) => a.order - b.order).map((target) => target.label),
      [...inText].sort((a, b) => at(a.src) - at(b.src)).map((target) => target.label)
    )
    const section = inText.find((target) => target.label === 'A section')!
    assert.ok(inText.some((target) => target.kind === 'page' && target.order < section.order) && inText.some((target) => target.order > section.order))
    assert.match(opf, /<dc:source id="print-source">Paged, print edition \(paged\.pdf\)<\/dc:source>/)
    assert.match(opf, /<meta property="source-of" refines="#print-source">pagination<\/meta>/)
    assert.match(opf, /<meta property="schema:accessibilityFeature">pageBreakMarkers<\/meta>/)
    assert.match(opf, /<meta property="schema:accessibilityFeature">pageNavigation<\/meta>/)
    // epubcheck reads the reader edition's book (the next test): the same page-list, metadata and marks, mid-paragraph
    // too, and in more places (notes, lists, headings). One run of it per book.

    // Built alone, the EPUB has no page-list: no print edition was made with it to follow.
    const alone = await runCli(['build', 'corpus', '-o', 'alone', '--quiet', '--format', 'epub'], dir)
    assert.equal(alone.code, 0, alone.stderr)
    const single = await readBook(await readFile(path.join(dir, 'alone/paged.epub')))
    assert.deepEqual([single.markers, single.pageList], [[], []])
    assert.doesNotMatch(single.ncx, /pageList|pageTarget/)
    assert.match(single.ncx, /<meta name="dtb:totalPageCount" content="0" \/>/)
    assert.doesNotMatch(single.opf, /pageBreakMarkers|print-source/)
  } finally {
    await cleanup()
  }
})

test('the reader edition: every mark of the EPUB is where its page of the PDF starts, and the book passes epubcheck', async (t) => {
  const {dir, cleanup} = await tempDir()
  try {
    const built = await buildBoth(t, path.join(root, 'corpus'), dir)
    if (!built) return
    const {markers, pageList} = await readBook(built.epub)
    const pages = pdfPages(built.pdf, built.qpdf)
    assert.ok(markers.length > 0.9 * pages.length, `${markers.length} marks for ${pages.length} pages`)
    assert.deepEqual(
      pageList,
      markers.map((marker) => marker.label)
    )
    // In the PDF's order, each page once.
    const order = pages.map((page) => page.label)
    const indexes = markers.map((marker) => order.indexOf(marker.label))
    assert.deepEqual(
      indexes,
      [...indexes].sort((a, b) => a - b)
    )
    assert.equal(new Set(indexes).size, indexes.length)
    for (const marker of markers) {
      const page = pages[order.indexOf(marker.label)]!
      assert.ok(atTop(page.lines, marker.word), `page ${marker.label} prints “${marker.word}” at its top:\n${page.lines.slice(0, 6).join('\n')}`)
    }
    const messages = await epubcheck(t, built.epub)
    if (messages) assert.equal(describe(messages), '')
  } finally {
    await cleanup()
  }
})
