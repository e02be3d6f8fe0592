/**
 * The layout's work grows with its input, not with its square: counted, not
 * timed. A long word is measured piece by piece (before, every prefix was
 * shaped: a 100,000-letter word took minutes and gigabytes); it is cut
 * only between grapheme clusters; structure elements are made without
 * rescanning their siblings; `hyphen` is not given what cannot be a word.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Hyphenator} from '../src/lib/hyphenate.js'
import {itemize, type Item} from '../src/lib/items.js'
import type {Measurer} from '../src/lib/measure.js'
import type {Doc} from '../src/lib/pdfkit.js'
import {structChild, structRoot, type StructNode} from '../src/lib/structure.js'
import {Tagger} from '../src/lib/tagging.js'
import type {Run, TextStyle} from '../src/lib/types.js'

const style: TextStyle = {font: 'serif', size: 10}
const options = {align: 'justify' as const, indent: 0, hyphenate: true, emergency: true, lineWidth: 300}

/** A measurer that counts the characters it is asked to shape: 5 points a UTF-16 unit. */
function countingMeasurer(): {measure: Measurer; shaped: () => number} {
  let shaped = 0
  const measure = {
    width: (text: string) => {
      shaped += text.length
      return text.length * 5
    },
    metrics: () => ({ascent: 8, descent: 2}),
    // Widths from one shaping of a word (pdfkit.test.ts checks them): none here, so that every width is counted.
    prime: () => undefined,
    // One style, one table of plans (see `itemize`): fresh per measurer, so that each test shapes anew.
    table: () => table
  } as unknown as Measurer
  const table = {}
  return {measure, shaped: () => shaped}
}

function word(text: string): Run {
  return {text, style, struct: structRoot('P'), lang: 'en'}
}

function pieces(items: readonly Item[]): string[] {
  return items.flatMap((item) => (item.type === 'box' && 'piece' in item && item.piece ? [item.piece.text] : []))
}

test('a 20,000-letter word is measured in work proportional to its length, and cut into line-sized pieces', () => {
  const text = 'abcdefghij'.repeat(2000)
  const {measure, shaped} = countingMeasurer()
  const items = itemize([word(text)], measure, options)
  assert.equal(pieces(items).join(''), text, 'nothing lost')
  assert.ok(
    pieces(items).every((piece) => piece.length * 5 <= options.lineWidth),
    'each piece fits a line'
  )
  assert.ok(shaped() < 10 * text.length, `shaped ${shaped()} characters for a word of ${text.length}`)
})

test('a long word is cut only between grapheme clusters: combining marks, emoji sequences and flags stay whole', () => {
  const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'})
  for (const unit of ['e\u0301', 'a\u0308\u0323', '👩‍👩‍👧', '🇫🇷', '😀', 'क्षि', '👍🏽']) {
    const text = unit.repeat(Math.ceil(3000 / unit.length))
    const {measure} = countingMeasurer()
    const cuts = new Set<number>()
    let offset = 0
    for (const piece of pieces(itemize([word(text)], measure, options))) {
      cuts.add(offset)
      offset += piece.length
    }
    assert.equal(offset, text.length, `${unit}: nothing lost`)
    const clusters = new Set([...segmenter.segment(text)].map((segment) => segment.index))
    const inside = [...cuts].filter((cut) => !clusters.has(cut))
    assert.deepEqual(inside.slice(0, 3), [], `${unit}: cut inside a cluster`)
    assert.ok(cuts.size > 10, `${unit}: the word is cut`)
  }
})

test('structure elements for 20,000 siblings are made in one pass over them', () => {
  const root = structRoot('Document')
  const sect = structChild(root, 'Sect')
  const children: StructNode[] = []
  for (let index = 0; index < 20_000; index++) children.push(structChild(sect, 'P'))
  let reads = 0
  // Count every look at the siblings' list.
  sect.children = new Proxy(sect.children, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++
      return Reflect.get(target, key, receiver) as unknown
    }
  })
  const element = (): unknown => ({add: () => element(), end: () => {}, dictionary: {data: {}}})
  const doc = {
    struct: element,
    addStructure: () => {},
    markStructureContent: () => ({}),
    endMarkedContent: () => {},
    markContent: () => {},
    getStructTreeRoot: () => ({data: {}})
  } as unknown as Doc
  const tagger = new Tagger(doc, root)
  for (const child of children) tagger.content(child)
  tagger.finish()
  assert.ok(reads <= 2 * children.length, `${reads} reads of ${children.length} siblings`)
})

test('runs of letters longer than any word are not hyphenated (the patterns would take the square of their length)', () => {
  const hyphenator = new Hyphenator()
  assert.deepEqual(hyphenator.points('abcdefghij'.repeat(20), 'en'), [])
  assert.ok(hyphenator.points('extraordinarily', 'en').length > 0, 'words still are')
})

test('a word is planned once per style, language and kind of break: set again it is not measured again, and each kind keeps its own breaks', () => {
  const {measure, shaped} = countingMeasurer()
  const settings = {...options, emergency: false, hyphenator: new Hyphenator()}
  const cuts = (items: readonly Item[]): number => items.filter((item) => item.type === 'penalty' && item.hyphen).length
  const first = itemize([word('revolutionary')], measure, settings)
  const measured = shaped()
  assert.ok(cuts(first) > 0, 'hyphenated')
  assert.deepEqual(itemize([word('revolutionary')], measure, settings), first)
  assert.equal(shaped(), measured, 'the second time, nothing is measured')
  // Never broken (a note mark, a label): no hyphen; a capitalised word only with `names`.
  assert.equal(cuts(itemize([{...word('revolutionary'), breaks: 'never'}], measure, settings)), 0)
  assert.equal(cuts(itemize([word('Revolutionary')], measure, settings)), 0)
  assert.ok(cuts(itemize([word('Revolutionary')], measure, {...settings, names: true})) > 0)
  assert.equal(cuts(itemize([word('revolutionary')], measure, {...settings, hyphenate: false})), 0)
})
