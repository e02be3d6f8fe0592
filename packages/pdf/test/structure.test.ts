/**
 * Tagged PDF: a structure tree built from the model, every mark on every
 * page inside marked content (structure or artifact), links and notes
 * wired as PDF/UA expects, language, title display and page labels.
 */
import assert from 'node:assert/strict'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import type {Annotated} from '@samizdat/model'
import {visit} from 'unist-util-visit'
import {bytesOf, createDocument} from '../src/lib/pdfkit.js'
import {structChild, structRoot} from '../src/lib/structure.js'
import {Tagger} from '../src/lib/tagging.js'
import {fixtureEdition, fixturePdf, hasTool, outputDir, readerEdition, readerPdf, run} from './helpers.js'

interface Pdf {
  objects: Record<string, {value?: unknown; stream?: {data?: string; dict?: Record<string, unknown>}}>
  pages: Array<{object: string; contents: string[]; label?: {'/S'?: string; '/St'?: number}}>
}

const cache = new Map<string, Pdf>()

function read(pdf: string): Pdf {
  if (!cache.has(pdf)) {
    const json = JSON.parse(run('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', pdf])) as {
      pages: Pdf['pages']
      qpdf: [unknown, Pdf['objects']]
    }
    const objects: Pdf['objects'] = {}
    for (const [key, value] of Object.entries(json.qpdf[1])) objects[key.replace(/^obj:/, '')] = value
    cache.set(pdf, {objects, pages: json.pages})
  }
  return cache.get(pdf) as Pdf
}

type Dict = Record<string, unknown>

function resolve(pdf: Pdf, ref: unknown): Dict {
  const object = typeof ref === 'string' && ref.endsWith(' R') ? (pdf.objects[ref]?.value ?? pdf.objects[ref]?.stream?.dict) : ref
  return (object ?? {}) as Dict
}

function catalog(pdf: Pdf): Dict {
  return Object.values(pdf.objects)
    .map((object) => object.value as Dict)
    .find((value) => value?.['/Type'] === '/Catalog') as Dict
}

interface Element {
  type: string
  dict: Dict
  ref: string
  children: Element[]
}

function structTree(pdf: Pdf): Element {
  const root = resolve(pdf, catalog(pdf)['/StructTreeRoot'])
  const build = (ref: string): Element => {
    const dict = resolve(pdf, ref)
    const kids = ([] as unknown[]).concat(dict['/K'] ?? [])
    const children = kids.filter((kid): kid is string => typeof kid === 'string' && kid.endsWith(' R')).map(build)
    return {type: String(dict['/S']).slice(1), dict, ref, children}
  }
  return build(([] as unknown[]).concat(root['/K'])[0] as string)
}

function all(element: Element): Element[] {
  return [element, ...element.children.flatMap(all)]
}

test('the structure tree mirrors the book', async (t) => {
  if (!hasTool(t, 'qpdf')) return
  const edition = await readerEdition()
  const pdf = read(await readerPdf())
  const tree = structTree(pdf)
  assert.equal(tree.type, 'Document')
  const sections = 3 + (edition.preface ? 1 : 0) + edition.works.length + edition.backMatter.length
  assert.deepEqual(
    tree.children.map((child) => child.type),
    new Array(sections).fill('Sect')
  )
  const types = new Set(all(tree).map((element) => element.type))
  for (const type of ['H1', 'H2', 'H3', 'P', 'BlockQuote', 'L', 'LI', 'Lbl', 'LBody', 'Link', 'Note', 'Reference', 'TOC', 'TOCI']) {
    assert.ok(types.has(type), `a ${type} element`)
  }
  // Each work's section starts with its title as H1.
  const works = tree.children.slice(sections - edition.works.length - edition.backMatter.length, sections - edition.backMatter.length)
  for (const work of works) assert.equal(work.children[0]?.type, 'H1')
})

test('fixture: tables, code, lists with numbering, a passage in Russian', async (t) => {
  if (!hasTool(t, 'qpdf')) return
  const pdf = read(await fixturePdf())
  const elements = all(structTree(pdf))
  const types = new Set(elements.map((element) => element.type))
  for (const type of ['Table', 'TR', 'TH', 'TD', 'Code', 'Note', 'Reference']) assert.ok(types.has(type), `a ${type} element`)
  const header = elements.find((element) => element.type === 'TH')
  assert.deepEqual(header?.dict['/A'], {'/O': '/Table', '/Scope': '/Column'})
  const lists = elements.filter((element) => element.type === 'L').map((element) => (element.dict['/A'] as Dict)['/ListNumbering'])
  assert.deepEqual(lists, ['/Decimal', '/Disc'])
  const russian = elements.filter((element) => element.type === 'Sect' && element.dict['/Lang'] === 'u:ru')
  assert.equal(russian.length, 1)
})

/** The text of each `Span` in the structure tree, in order, from `pdfinfo -struct-text` (its descendants' text joined). */
function spanTexts(file: string): string[] {
  const lines = run('pdfinfo', ['-struct-text', file]).split('\n')
  const texts: string[] = []
  lines.forEach((line, index) => {
    const span = /^( *)Span\b/.exec(line)
    if (!span) return
    let text = ''
    for (const inner of lines.slice(index + 1)) {
      if ((/^ */.exec(inner)?.[0].length ?? 0) <= (span[1] as string).length) break
      const quoted = /^ *"(.*)"$/.exec(inner)
      if (quoted) text += quoted[1]
    }
    texts.push(text.trim())
  })
  return texts
}

test('fixture: passages in another language are Spans with their Lang; a note called inside one is not', async (t) => {
  if (!hasTool(t, 'qpdf') || !hasTool(t, 'pdfinfo')) return
  const edition = await fixtureEdition()
  const file = await fixturePdf()
  const pdf = read(file)
  const parents = new Map<Element, Element>()
  const elements = all(structTree(pdf))
  for (const element of elements) for (const child of element.children) parents.set(child, element)
  // The fixture's language annotations, as the model resolves them.
  const passages: Annotated[] = []
  for (const work of edition.works) {
    visit(work.tree, 'annotated', (node: Annotated) => {
      if (node.kind === 'language') passages.push(node)
    })
  }
  assert.deepEqual(
    passages.map((node) => node.lang),
    ['ru-Latn', 'ru-Latn']
  )
  const spans = elements.filter((element) => element.type === 'Span')
  assert.deepEqual(
    spans.map((span) => span.dict['/Lang']),
    ['u:ru-Latn', 'u:ru-Latn']
  )
  // The second passage is a link's text: its Span is inside the Link.
  assert.deepEqual(
    spans.map((span) => parents.get(span)?.type),
    ['P', 'Link']
  )
  assert.deepEqual(spanTexts(file), ['edinonachalie', 'Rabochaya1 oppozitsiya'])
  // The note whose mark is inside the second passage follows the link, in the paragraph, in the work's language.
  const note = elements.find((element) => element.type === 'Note' && element.dict['/ID'] === 'u:note-platform-title')
  assert.ok(note, 'the note has its element')
  const paragraph = parents.get(spans[1] as Element) && parents.get(parents.get(spans[1] as Element) as Element)
  assert.equal(parents.get(note), paragraph)
  assert.equal(paragraph?.type, 'P')
  assert.equal(note.dict['/Lang'], undefined)
  assert.equal(paragraph?.dict['/Lang'], undefined)
  const siblings = paragraph?.children ?? []
  assert.equal(siblings.indexOf(note), siblings.indexOf(parents.get(spans[1] as Element) as Element) + 1, 'the note comes right after the link that calls it')
})

test("a passage inside a link that runs over a page has a Span in each page's Link", async (t) => {
  if (!hasTool(t, 'qpdf')) return
  const doc = createDocument({info: {}, lang: 'en', compress: false})
  const bytes = bytesOf(doc)
  const root = structRoot('Document')
  const link = structChild(structChild(root, 'P'), 'Link')
  const span = structChild(link, 'Span', {lang: 'ru-Latn'})
  const tagger = new Tagger(doc, root)
  for (let page = 0; page < 2; page++) {
    doc.addPage({size: [200, 200], margin: 0})
    tagger.content(span)
    doc.rect(10, 10, 20, 20).fill('#000000')
    tagger.endPage()
  }
  tagger.finish()
  doc.end()
  const file = join(outputDir, 'tagger-span.pdf')
  mkdirSync(outputDir, {recursive: true})
  writeFileSync(file, await bytes)
  const [p] = structTree(read(file)).children
  assert.deepEqual(
    p?.children.map((element) => [element.type, element.children.map((child) => [child.type, child.dict['/Lang']])]),
    [
      ['Link', [['Span', 'u:ru-Latn']]],
      ['Link', [['Span', 'u:ru-Latn']]]
    ]
  )
})

test('links are Link elements with their annotations; notes have ids', async (t) => {
  if (!hasTool(t, 'qpdf')) return
  for (const file of [await readerPdf(), await fixturePdf()]) {
    const pdf = read(file)
    const elements = all(structTree(pdf))
    const links = elements.filter((element) => element.type === 'Link')
    assert.ok(links.length > 10)
    for (const link of links) {
      const objrs = ([] as unknown[]).concat(link.dict['/K']).filter((kid) => (kid as Dict)?.['/Type'] === '/OBJR') as Dict[]
      assert.ok(objrs.length > 0, `Link ${link.ref} has an annotation`)
      for (const objr of objrs) {
        const annotation = resolve(pdf, objr['/Obj'])
        assert.equal(annotation['/Subtype'], '/Link')
        assert.equal(typeof annotation['/StructParent'], 'number')
        assert.match(String(annotation['/Contents']), /^u:./, 'the annotation describes itself')
      }
    }
    const notes = elements.filter((element) => element.type === 'Note')
    assert.ok(notes.length > 0)
    const ids = resolve(pdf, resolve(pdf, catalog(pdf)['/StructTreeRoot'])['/IDTree'])['/Names'] as unknown[]
    for (const note of notes) {
      assert.match(String(note.dict['/ID']), /^u:./)
      assert.ok(ids.includes(note.dict['/ID']), 'the note is in the IDTree')
      assert.equal(note.children[0]?.type, 'Lbl')
    }
  }
})

test('every mark on every page is tagged content or an artifact', async (t) => {
  if (!hasTool(t, 'qpdf')) return
  for (const file of [await readerPdf(), await fixturePdf()]) {
    const pdf = read(file)
    let artifacts = 0
    pdf.pages.forEach((page, index) => {
      const content = page.contents.map((ref) => Buffer.from(pdf.objects[ref]?.stream?.data ?? '', 'base64').toString('latin1')).join('\n')
      let depth = 0
      for (const token of content.replace(/<[0-9a-fA-F]*>/g, ' ').split(/[\s[\]]+/)) {
        if (token === 'BDC' || token === 'BMC') depth++
        else if (token === 'EMC') depth--
        else if (['BT', 'S', 'f', 'B', 'Do'].includes(token)) assert.ok(depth > 0, `page ${index + 1}: ${token} outside marked content`)
      }
      assert.equal(depth, 0, `page ${index + 1}: marked content is balanced`)
      artifacts += (content.match(/\/Artifact/g) ?? []).length
    })
    assert.ok(artifacts >= pdf.pages.length / 2, 'running heads and folios are artifacts')
  }
})

test('catalog: language, title shown, page labels roman then arabic, outline', async (t) => {
  if (!hasTool(t, 'qpdf')) return
  const edition = await readerEdition()
  const pdf = read(await readerPdf())
  const root = catalog(pdf)
  assert.equal(root['/Lang'], 'u:en')
  assert.equal(resolve(pdf, root['/ViewerPreferences'])['/DisplayDocTitle'], true)
  assert.equal(resolve(pdf, root['/MarkInfo'])['/Marked'], true)
  assert.equal(pdf.pages[0]?.label?.['/S'], '/r')
  const arabic = pdf.pages.findIndex((page) => page.label?.['/S'] === '/D')
  assert.ok(arabic > 0 && arabic % 2 === 0, 'arabic numbering starts on a recto')
  for (const page of pdf.pages) {
    const dict = resolve(pdf, page.object)
    if (dict['/Annots']) assert.equal(dict['/Tabs'], '/S', 'pages with links follow the structure order')
  }

  // The outline: contents, preface, works with their headings, back matter.
  const titles: string[] = []
  const walk = (ref: unknown, depth: number): void => {
    for (let item = ref; item; item = resolve(pdf, item)['/Next']) {
      titles.push(`${depth}:${String(resolve(pdf, item)['/Title']).replace(/^u:/, '')}`)
      walk(resolve(pdf, item)['/First'], depth + 1)
    }
  }
  walk(resolve(pdf, root['/Outlines'])['/First'], 1)
  const expected = ['1:Contents', ...(edition.preface ? [`1:${edition.preface.title}`] : [])]
  for (const work of edition.toc) expected.push(`1:${work.text}`)
  for (const section of edition.backMatter) expected.push(`1:${section.title}`)
  assert.deepEqual(
    titles.filter((title) => title.startsWith('1:')),
    expected
  )
  const afaq = edition.toc.find((work) => work.children.length === 4)
  for (const child of afaq?.children ?? []) assert.ok(titles.includes(`2:${child.text}`), `outline entry for "${child.text}"`)
})
