/** Page references (the index of persons, the timeline): each number is the page of the mention it links to. */
import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {deserialize} from 'node:v8'
import {corpusFromFiles, resolveEdition} from '@samizdat/model'
import {toPdf} from '@samizdat/pdf'
import {date, destinationsAndLinks, folios, hasTool, pageTexts, pdfObjects, readerEdition, readerPdf, run} from './helpers.js'

test('every page reference shows the page of its target', async (t) => {
  if (!hasTool(t, 'qpdf') || !hasTool(t, 'pdftotext')) return
  const edition = await readerEdition()
  const pdf = await readerPdf()
  const {dests} = destinationsAndLinks(pdf)
  const printed = folios(pageTexts(pdf, true))
  const objects = pdfObjects(pdf)
  let checked = 0
  for (const value of Object.values(objects)) {
    const annotation = value as Record<string, unknown> | null
    const contents = /^u:page (\S+)$/.exec(String(annotation?.['/Contents']))
    if (!contents) continue
    const action = objects[String(annotation?.['/A'])] as Record<string, unknown>
    const target = String(action['/D']).replace(/^u:/, '')
    const page = dests.get(target)
    assert.ok(page !== undefined, `the target ${target} exists`)
    assert.equal(printed[page], contents[1], `${target} is on page ${contents[1]}`)
    checked++
  }
  const sections = edition.backMatter.map((section) => JSON.stringify(section.tree))
  assert.ok(
    sections.some((tree) => tree.includes('"pageRef":true')),
    'the reader edition has page references'
  )
  assert.ok(checked > 100, `${checked} page references checked`)
  // Every correction is listed with its page and line (`p. 9, l. 3: reading for “source”`), none without.
  const corrections = edition.apparatus.annotations.filter((annotation) => annotation.kind === 'correction').length
  const listed =
    pageTexts(pdf)
      .join('\n')
      .match(/^p\. \d+, l\. \d+: /gm) ?? []
  assert.equal(listed.length, corrections)
})

/**
 * A corpus of its own: a text of several pages that names one person on every page, another on two
 * pages running, and a short text, each with a correction; the edition's `correctionMarks` as given.
 */
async function smallPdf(marks: string): Promise<{texts: string[]; raw: string}> {
  const filler = 'The committee met in the hall and spoke at length about the work of the factories, the unions and the party. '.repeat(3)
  const paragraphs = Array.from({length: 24}, (_, at) =>
    at % 3 === 0 ? `Shliapnikov spoke. ${filler}` : at === 1 || at === 7 ? `Medvedev spoke. ${filler}` : filler
  )
  const corpus = await corpusFromFiles({
    'editions/small.yaml': `title: Small\ncorrectionMarks: ${marks}\nworks: [long, short]\n`,
    'works/long.md': `---\ntitle: A Long Text\nshortTitle: Long\n---\n# A Long Text\n\n${paragraphs.join('\n\n')}\n\nThe end came in 196 1.\n`,
    'works/short.md':
      '---\ntitle: A Short Text\nsubtitle: With a subtitle\nauthors: [Anna Author]\n---\n# A Short Text\n\n## A heading\n\nShliapnikov and Medvedev wrote a leter.\n',
    'annotations/c.yaml': [
      'annotations:',
      '  - {id: c1, work: long, kind: correction, quote: {exact: "196 1"}, corr: "1961", reason: "OCR"}',
      '  - {id: c2, work: short, kind: correction, quote: {exact: "leter"}, corr: "letter", reason: "typo"}'
    ].join('\n'),
    'persons.yaml':
      'persons:\n  - {id: shliapnikov, name: "Shliapnikov, Alexander", variants: [Shliapnikov]}\n  - {id: medvedev, name: "Medvedev, Sergei", variants: [Medvedev]}\n'
  })
  const edition = resolveEdition(corpus, 'small')
  assert.deepEqual(edition.messages, [])
  const [file] = await toPdf(edition, {date})
  const dir = await mkdtemp(join(tmpdir(), 'samizdat-pdf-index-'))
  try {
    const pdf = join(dir, 'small.pdf')
    await writeFile(pdf, file!.data)
    return {texts: pageTexts(pdf, true), raw: run('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'])}
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

test('page references in order, each page once, three or more running pages as a range; corrections by page and line; no bullets', async (t) => {
  if (!hasTool(t, 'qpdf') || !hasTool(t, 'pdftotext')) return
  const {texts, raw} = await smallPdf('dot')
  const all = texts.join('\n').replace(/[ \t]+/g, ' ')
  // Four pages running make a range; two pages running stay two numbers (Chicago lists separate mentions on
  // consecutive pages separately); the short title where entries run in by work (many pages, several works).
  assert.match(all, /\nMedvedev, Sergei\. 1, 2, 5\n/)
  assert.match(all, /\nShliapnikov, Alexander\. Long 1–4; A Short Text 5\n/)
  // A correction's place: its page, and its line among the page's lines of text (not the title, subtitle, byline or headings).
  assert.match(all, /\np\. 4, l\. 31: 1961 for “196 1”: OCR\n/)
  assert.match(all, /\np\. 5, l\. 1: letter for “leter”: typo\n/)
  // The index and the corrections are hanging-indent lists: no bullet in the text layer.
  assert.doesNotMatch(all, /•/)
  // The dot: a small filled circle (curves) in the margin of each corrected line; the text is the reading alone.
  assert.equal((raw.match(/ c\n/g) ?? []).length, 8, 'two dots of four curves')
  assert.match(all, /The end came in 1961\./)
  const none = await smallPdf('none')
  assert.equal((none.raw.match(/ c\n/g) ?? []).length, 0)
  // Half brackets around each corrected reading (drawn as artifacts, outside the structure tree).
  const bracket = await smallPdf('bracket')
  assert.match(bracket.texts.join('\n'), /The end came in ⸢1961⸣\./)
  assert.match(bracket.texts.join('\n'), /wrote a ⸢letter⸣\./)
})

/** A layout store in memory, with the keys it was asked to keep, in order. */
function memoryStore(): {
  layouts: {key(parts: readonly unknown[]): string; get(key: string): Uint8Array | undefined; set(key: string, data: Uint8Array): void}
  kept: string[]
  entries: Map<string, Uint8Array>
} {
  const entries = new Map<string, Uint8Array>()
  const kept: string[] = []
  const layouts = {
    key: (parts: readonly unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex'),
    get: (key: string) => entries.get(key),
    set: (key: string, data: Uint8Array) => void (kept.push(key), entries.set(key, data))
  }
  return {layouts, kept, entries}
}

test('the second pass (page references) lays out no work again, and a layout store gives back each work: the same bytes', async () => {
  const filler = 'The committee met in the hall and spoke at length about the work of the factories. '.repeat(4)
  const corpus = await corpusFromFiles({
    'editions/small.yaml': 'title: Small\nworks: [long, short]\n',
    'works/long.md': `---\ntitle: A Long Text\n---\n\n${Array.from({length: 16}, (_, at) => (at % 4 === 0 ? `Medvedev spoke. ${filler}` : filler)).join('\n\n')}\n`,
    'works/short.md': '---\ntitle: A Short Text\n---\n\nMedvedev wrote a letter.[^1]\n\n[^1]: In 1921.\n',
    'persons.yaml': 'persons:\n  - {id: medvedev, name: "Medvedev, Sergei", variants: [Medvedev]}\n'
  })
  const edition = resolveEdition(corpus, 'small')
  assert.ok(edition.backMatter.some((section) => JSON.stringify(section.tree).includes('"pageRef":true')))
  const [plain] = await toPdf(edition, {date})
  // What the store is asked to keep is counted: each work laid out, and the widths measured.
  const {layouts, kept} = memoryStore()
  const [first] = await toPdf(edition, {date, layouts})
  assert.equal(kept.length, 4, 'two works, the widths and the pages drawn, once each over both passes')
  assert.ok(Buffer.from(first!.data).equals(Buffer.from(plain!.data)))
  const [second] = await toPdf(edition, {date, layouts})
  assert.equal(kept.length, 5, 'no work laid out and no page drawn again: the widths only')
  assert.ok(Buffer.from(second!.data).equals(Buffer.from(plain!.data)))
})

test('works that show page numbers (shared notes: "see note 5, p. 3") are kept for each pass and reused while their numbers hold', async () => {
  const edition = await readerEdition()
  const plain = await readFile(await readerPdf())
  const {layouts, kept} = memoryStore()
  const [first] = await toPdf(edition, {date, layouts})
  // Every work of the reader edition shows a page number: laid out in each pass (the first knows no page).
  assert.equal(kept.length, edition.works.length * 2 + 2, 'the works in each pass, the widths, the pages drawn')
  assert.ok(Buffer.from(first!.data).equals(plain))
  const [second] = await toPdf(edition, {date, layouts})
  assert.equal(kept.length, edition.works.length * 2 + 3, 'the widths only')
  assert.ok(Buffer.from(second!.data).equals(plain))
})

test('a layout store keeps each page drawn: an edit draws its pages again, and every page after a glyph new to a font; the same bytes as a clean build', async () => {
  const filler = 'The committee met in the hall and spoke at length about the work of the factories. '.repeat(4)
  const files = (first: string, last: string): Record<string, string> => ({
    'editions/small.yaml': 'title: Small\nworks: [one, two, three]\n',
    'works/one.md': `---\ntitle: One\n---\n\n${first}\n\n${Array.from({length: 12}, () => filler).join('\n\n')}\n`,
    'works/two.md': `---\ntitle: Two\n---\n\n${Array.from({length: 12}, () => filler).join('\n\n')}\n`,
    'works/three.md': `---\ntitle: Three\n---\n\n${last}\n\n${Array.from({length: 12}, () => filler).join('\n\n')}\n`
  })
  const {layouts, kept, entries} = memoryStore()
  /** The keys of the pages the store holds (the entry whose value is a map of pages). */
  const pages = (): Set<string> => {
    for (const data of entries.values()) {
      const value: unknown = deserialize(data)
      if (value instanceof Map && [...value.values()].every((page) => page?.bytes instanceof Uint8Array)) return new Set(value.keys() as Iterable<string>)
    }
    return new Set()
  }
  /** Builds with the store: checks the bytes against a clean build, and tells how many pages were drawn and how many reused. */
  const build = async (first: string, last: string): Promise<{drawn: number; reused: number; written: number}> => {
    const edition = resolveEdition(await corpusFromFiles(files(first, last)), 'small')
    const earlier = pages()
    const writes = kept.length
    const [cached] = await toPdf(edition, {date, layouts})
    const [clean] = await toPdf(edition, {date})
    assert.ok(Buffer.from(cached!.data).equals(Buffer.from(clean!.data)), `a build from kept pages is a clean build's: ${first} / ${last}`)
    const now = [...pages()]
    return {drawn: now.filter((key) => !earlier.has(key)).length, reused: now.filter((key) => earlier.has(key)).length, written: kept.length - writes}
  }
  const cold = await build('It began in spring.', 'It ended in the fall.')
  assert.equal(cold.reused, 0)
  assert.ok(cold.drawn >= 12, `${cold.drawn} pages`)
  // A word changed in the last work: its pages are drawn again, the others reused.
  const edit = await build('It began in spring.', 'It ended in the winter.')
  assert.ok(edit.drawn >= 1 && edit.reused >= cold.drawn - 6, JSON.stringify(edit))
  // A glyph no page had (Q, §) in the first work moves the codes of every glyph added after it: the pages before
  // the first work are reused, every page from the change on is drawn again.
  const glyph = await build('It began in spring, Q § 4.', 'It ended in the winter.')
  assert.ok(glyph.reused <= 4 && glyph.drawn >= cold.drawn - 4, JSON.stringify(glyph))
  // Nothing changed: no page drawn, and the pages' entry is not written again (the widths only).
  const same = await build('It began in spring, Q § 4.', 'It ended in the winter.')
  assert.deepEqual(same, {drawn: 0, reused: glyph.drawn + glyph.reused, written: 1})
})

test("a store that keeps its layouts decoded (a loop's) gives them back as they are, drawn before: nothing decoded again, the same bytes", async () => {
  const edition = await readerEdition()
  const plain = await readFile(await readerPdf())
  const {layouts, kept} = memoryStore()
  const values = new Map<string, unknown>()
  let read = 0
  const get = (key: string): Uint8Array | undefined => {
    const data = layouts.get(key)
    if (data !== undefined) read++
    return data
  }
  const keeping = {
    ...layouts,
    get,
    decoded<T>(key: string, decode: (data: Uint8Array) => T | undefined): T | undefined {
      if (values.has(key)) return values.get(key) as T
      const data = get(key)
      return data === undefined ? undefined : decode(data)
    },
    setDecoded(key: string, data: Uint8Array, value: unknown): void {
      layouts.set(key, data)
      values.set(key, value)
    }
  }
  // Each run draws the pages of the layouts the last one made and drew: drawing them changed nothing of them.
  for (const run of [1, 2, 3]) {
    const [file] = await toPdf(edition, {date, layouts: keeping})
    assert.ok(Buffer.from(file!.data).equals(plain), `run ${run}`)
  }
  assert.equal(kept.length, edition.works.length * 2 + 4, 'each work laid out once for each pass; the widths at each run; the pages drawn once')
  assert.equal(read, 0, 'every layout, the widths and the pages taken as kept, none decoded from its bytes')
})

test('page ranges past page 100 as the language writes them: abbreviated in English (Chicago 9.64), in full in French', async (t) => {
  if (!hasTool(t, 'pdftotext')) return
  // Fifty short works, each on a recto with a blank verso (pages 1–100), then a text that names one person on every page.
  const filler = 'The committee met in the hall and spoke at length about the work of the factories, the unions and the party. '.repeat(3)
  const shorts = Array.from({length: 50}, (_, at) => `s${String(at + 1).padStart(2, '0')}`)
  const files: Record<string, string> = {
    'works/long.md': `---\ntitle: A Long Text\n---\n\n${Array.from({length: 24}, () => `Medvedev spoke. ${filler}`).join('\n\n')}\n`,
    'persons.yaml': 'persons:\n  - {id: medvedev, name: "Medvedev, Sergei", variants: [Medvedev]}\n'
  }
  for (const id of shorts) files[`works/${id}.md`] = `---\ntitle: Short ${id}\n---\n\nA line.\n`
  for (const language of ['en', 'fr']) files[`editions/${language}.yaml`] = `title: Ranges\nlanguage: ${language}\nworks: [${[...shorts, 'long'].join(', ')}]\n`
  const corpus = await corpusFromFiles(files)
  const ranges: Record<string, string> = {}
  for (const language of ['en', 'fr']) {
    const edition = resolveEdition(corpus, language)
    const [file] = await toPdf(edition, {date})
    const dir = await mkdtemp(join(tmpdir(), 'samizdat-pdf-ranges-'))
    try {
      await writeFile(join(dir, 'ranges.pdf'), file!.data)
      ranges[language] = /\nMedvedev, Sergei\. (\S+)\n/.exec(pageTexts(join(dir, 'ranges.pdf')).join('\n'))?.[1] ?? 'no entry'
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  }
  t.diagnostic(JSON.stringify(ranges))
  assert.match(ranges['en']!, /^101–[2-9]$/)
  assert.equal(ranges['fr'], `101–10${ranges['en']!.slice(-1)}`)
})
