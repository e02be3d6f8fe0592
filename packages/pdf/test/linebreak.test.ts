/** The line breaker and paragraph setter: total fit, hyphenation, spaces between styled runs, no overflow. */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {registerFonts} from '../src/lib/fonts.js'
import {Hyphenator} from '../src/lib/hyphenate.js'
import {breakLines, infinity, type BreakItem, type PenaltyItem} from '../src/lib/linebreak.js'
import {Measurer} from '../src/lib/measure.js'
import {isRunt, setParagraph} from '../src/lib/paragraph.js'
import {geometry} from '../src/lib/geometry.js'
import {createDocument} from '../src/lib/pdfkit.js'
import {structRoot} from '../src/lib/structure.js'
import type {Line, Run, TextStyle} from '../src/lib/types.js'

const doc = createDocument({info: {}, lang: 'en', compress: false})
registerFonts(doc)
const measure = new Measurer(doc)
const roman: TextStyle = {font: 'serif', size: 11}
const italic: TextStyle = {font: 'serifItalic', size: 11}
const struct = structRoot('P')
const run = (text: string, style = roman): Run => ({text, style, struct, lang: 'en'})
const text = (line: Line): string => line.glyphs.map((glyph) => glyph.text).join('')
const right = (line: Line): number => Math.max(...line.glyphs.map((glyph) => glyph.x + glyph.width))

/** Words of width 10 with glue 2 (stretch 1, shrink 1), then the paragraph's end. */
function words(count: number): BreakItem[] {
  const items: BreakItem[] = []
  for (let index = 0; index < count; index++) {
    if (index > 0) items.push({type: 'glue', width: 2, stretch: 1, shrink: 1})
    items.push({type: 'box', width: 10})
  }
  items.push(
    {type: 'penalty', width: 0, penalty: infinity, flagged: false},
    {type: 'glue', width: 0, stretch: infinity * 10, shrink: 0},
    {type: 'penalty', width: 0, penalty: -infinity, flagged: false}
  )
  return items
}

test('total fit: exact lines get ratio 0, the last line is filled by its own glue', () => {
  // Five words of 10 with four spaces of 2 fill 58 exactly.
  const breaks = breakLines(words(10), () => 58, {tolerance: 1})
  assert.deepEqual(
    breaks?.map((lineBreak) => lineBreak.position),
    [9, 21]
  )
  assert.equal(breaks?.[0]?.ratio, 0)
})

test('an impossible paragraph is undefined, for the caller to loosen', () => {
  assert.equal(
    breakLines(words(3), () => 5, {tolerance: 10}),
    undefined
  )
})

test('justified lines end exactly at the measure; the last does not', () => {
  const body =
    'The real limitations in Bolshevism can best be seen by the various oppositions to the mainstream of that party, which questioned Bolshevik orthodoxy in a limited way.'
  const lines = setParagraph([run(body)], measure, {width: 200, align: 'justify', leading: 14, style: roman})
  assert.ok(lines.length >= 4)
  for (const line of lines.slice(0, -1)) assert.ok(Math.abs(right(line) - 200) < 0.01, `"${text(line)}" ends at ${right(line)}`)
  assert.ok(right(lines.at(-1) as Line) < 200)
  assert.equal(
    lines
      .map(text)
      .join('')
      .replace(/-(?=\S)|\s+/g, (match) => (match === '-' ? '' : ' '))
      .trim()
      .replace(/\s+/g, ' '),
    body
  )
})

test('spaces between roman and italic runs are kept', () => {
  const lines = setParagraph(
    [run('concentrate on the '), run('“Left Communists”', italic), run(' in 1918 and the '), run('“Workers’ Opposition”', italic), run(' of 1920.')],
    measure,
    {width: 1000, align: 'justify', leading: 14, style: roman}
  )
  assert.equal(lines.length, 1)
  assert.equal(text(lines[0] as Line).trim(), 'concentrate on the “Left Communists” in 1918 and the “Workers’ Opposition” of 1920.')
  const glyphs = (lines[0] as Line).glyphs
  const italicGlyph = glyphs.find((glyph) => glyph.style.font === 'serifItalic') as (typeof glyphs)[number]
  const after = glyphs[glyphs.indexOf(italicGlyph) + 1] as (typeof glyphs)[number]
  assert.ok(after.x - (italicGlyph.x + italicGlyph.width) > 1.5, 'a real gap after the italic run')
})

test('justified: the spaces inside inline code keep the monospace width (a break may still fall there); the prose around them takes the slack', () => {
  const mono: TextStyle = {font: 'mono', size: 9.5}
  const space = measure.width(' ', mono)
  // Generated: prose, a code span of short words, prose again, at measures about A5's (312 pt) where the code's
  // lines must be justified. (On a much narrower measure a long span of code leaves loose lines, as in TeX.)
  for (const width of [280, 312, 340]) {
    const lines = setParagraph(
      [
        run('The editors ran the command '),
        run('git log --oneline --graph --all -n 20 --date short', mono),
        run(' in a justified paragraph of ordinary words, which then runs on for a while so that the lines must stretch.')
      ],
      measure,
      {width, align: 'justify', leading: 14, style: roman}
    )
    let codeGaps = 0
    let codeLines = 0
    let adjusted = 0
    for (const line of lines.slice(0, -1)) {
      assert.ok(Math.abs(right(line) - width) < 0.01, `"${text(line)}" is justified`)
      const glyphs = line.glyphs
      if (glyphs.some((glyph) => glyph.style.font === 'mono')) codeLines++
      for (let index = 1; index < glyphs.length; index++) {
        const before = glyphs[index - 1]!
        const after = glyphs[index]!
        if (!before.text.endsWith(' ')) continue
        const gap = after.x - (before.x + before.width)
        if (before.style.font === 'mono' && after.style.font === 'mono') {
          codeGaps++
          assert.ok(Math.abs(gap - space) < 0.001, `a code space ${gap.toFixed(3)} wide, not ${space}, at ${width} in "${text(line)}"`)
        } else if (Math.abs(gap - measure.width(' ', roman)) > 0.01) adjusted++
      }
    }
    assert.ok(codeLines >= 1 && codeGaps >= 3, `${codeGaps} spaces of code measured at ${width}`)
    assert.ok(adjusted > 0, 'the prose spaces were stretched or shrunk')
    // A break still falls inside the code where the line needs one.
    assert.equal(lines.filter((line) => line.glyphs.some((glyph) => glyph.style.font === 'mono')).length, 2, 'the code span is broken')
  }
})

test('hyphenation breaks long words at Liang points, with a hyphen', () => {
  const body =
    'Notwithstanding the bureaucratisation, the representatives of the oppositions characteristically misunderstood the constitutional arrangements of revolutionary institutions.'
  const lines = setParagraph([run(body)], measure, {width: 150, align: 'justify', leading: 14, style: roman})
  const hyphenated = lines.filter((line) => /\p{L}-$/u.test(text(line).trimEnd()))
  assert.ok(hyphenated.length > 0, 'some line ends with a hyphen')
  for (const line of lines) assert.ok(right(line) <= 150.01)
})

test('URLs and checksums break rather than overflow', () => {
  const url = 'https://example.org/a/very/long/path/that/cannot/fit/on/one/line/of/an/a5/page/at/all.html'
  const hash = 'f065febd4594f9101eea8d0cc12f9d00ec1cd57fefba74e37a02f71b0531dba3'
  for (const [content, align] of [
    [`See ${url} now.`, 'justify'],
    [`SHA-256 ${hash}`, 'ragged']
  ] as const) {
    const lines = setParagraph([run(content)], measure, {width: 120, align, leading: 14, style: roman})
    assert.ok(lines.length > 2)
    for (const line of lines) assert.ok(right(line) <= 120.01, `"${text(line)}" fits`)
    assert.equal(lines.map(text).join('').replace(/\s/g, ''), content.replace(/\s/g, ''))
  }
})

test('centred lines are centred on the measure', () => {
  const [line] = setParagraph([run('A section')], measure, {width: 300, align: 'center', leading: 14, style: roman})
  const first = (line as Line).glyphs[0]?.x as number
  assert.ok(Math.abs(first - (300 - right(line as Line))) < 0.01)
})

test('hyphenation: US patterns for unmarked English, two letters before the hyphen and three after, no capitalised or short word', () => {
  const hyphenator = new Hyphenator()
  // The British set gave "prin-ted", "bur-eau-cracy" and "re-volu-tion"; "print-ed" leaves two letters, too few.
  assert.deepEqual(hyphenator.points('printed', 'en'), [])
  assert.deepEqual(hyphenator.points('bureaucracy', 'en'), [2, 6])
  assert.deepEqual(hyphenator.points('revolution', 'en'), [3, 4, 6])
  // Names and places ("Mo-scow", "Alexan-dra", "Trot-sky"), and words under six letters.
  for (const word of ['Moscow', 'Alexandra', 'Trotsky', 'Counter', 'water', 'paper']) assert.deepEqual(hyphenator.points(word, 'en'), [], word)
  assert.deepEqual(hyphenator.points('person', 'en'), [3])
  // Names only when a paragraph cannot be set otherwise (the last passes ask for them); acronyms never.
  assert.deepEqual(hyphenator.points('Alexandra', 'en', {names: true}), [6])
  assert.deepEqual(hyphenator.points('VTSSPSVTSSPS', 'en', {names: true}), [])
  // The work's language picks the patterns: French for French, the British set when a work asks for it.
  assert.deepEqual(hyphenator.points('révolutionnaire', 'fr'), [2, 4, 6, 10])
  assert.deepEqual(hyphenator.points('revolution', 'en-GB'), [2, 6])
})

test("hyphenation: the edition's exceptions come first, whatever the case; each word is worked out once a document", () => {
  const hyphenator = new Hyphenator(['bureau-cracy', 'Trot-sky', 'printed'])
  assert.deepEqual(hyphenator.points('bureaucracy', 'en'), [6])
  assert.deepEqual(hyphenator.points('Bureaucracy', 'en'), [6])
  assert.deepEqual(hyphenator.points('Trotsky', 'en'), [4])
  assert.deepEqual(hyphenator.points('printed', 'en'), [])
  // Memoised: the same answer, not worked out again.
  assert.equal(hyphenator.points('revolutionary', 'en'), hyphenator.points('revolutionary', 'en'))
})

/** Words of two halves (6 + 6, a hyphen point between) after an indent of 8: a measure of 57 fits hyphen to hyphen exactly. */
function halves(count: number): BreakItem[] {
  const items: BreakItem[] = [{type: 'box', width: 8}]
  for (let index = 0; index < count; index++) {
    if (index > 0) items.push({type: 'glue', width: 2, stretch: 1, shrink: 1})
    items.push({type: 'box', width: 6}, {type: 'penalty', width: 1, penalty: 50, flagged: true}, {type: 'box', width: 6})
  }
  return [...items, ...words(0).slice(-3)]
}

function hyphenRuns(items: readonly BreakItem[], breaks: ReadonlyArray<{position: number}> | undefined): string {
  return (breaks ?? []).map(({position}) => ((items[position] as PenaltyItem).flagged ? 'H' : '.')).join('')
}

test('at most two lines in a row end with a hyphen, even where every line could', () => {
  const items = halves(30)
  const options = {tolerance: 3, flaggedDemerits: 0}
  assert.equal(
    hyphenRuns(
      items,
      breakLines(items, () => 57, {...options, consecutiveHyphens: Infinity})
    ),
    'HHHHHHH.'
  )
  const limited = hyphenRuns(
    items,
    breakLines(items, () => 57, options)
  )
  assert.ok(limited.length > 0, 'still set')
  assert.doesNotMatch(limited, /HHH/)
  assert.doesNotMatch(
    hyphenRuns(
      items,
      breakLines(items, () => 57, {...options, consecutiveHyphens: 1})
    ),
    /HH/
  )
})

test("emergency stretch sets what the tolerance refused, within the spacing's hard bound; ratios stay the glue's own", () => {
  // Four words (46, stretch 3) on a measure of 52 need ratio 2; five do not fit.
  assert.equal(
    breakLines(words(8), () => 52, {tolerance: 1.26}),
    undefined
  )
  const breaks = breakLines(words(8), () => 52, {tolerance: 1.26, emergencyStretch: 3, maxRatio: 2})
  assert.equal(breaks?.length, 2)
  assert.equal(breaks?.[0]?.ratio, 2)
  assert.equal(
    breakLines(words(8), () => 52, {tolerance: 1.26, emergencyStretch: 3, maxRatio: 1.9}),
    undefined
  )
})

/** Words of the given lengths (6 a letter), spaces of 3 (stretch 1.5, shrink 1), then the paragraph's end. */
function lettered(lengths: readonly number[]): BreakItem[] {
  const items: BreakItem[] = []
  lengths.forEach((length, index) => {
    if (index > 0) items.push({type: 'glue', width: 3, stretch: 1.5, shrink: 1})
    items.push({type: 'box', width: 6 * length})
  })
  items.push(
    {type: 'penalty', width: 0, penalty: infinity, flagged: false},
    {type: 'glue', width: 0, stretch: infinity * 10, shrink: 0},
    {type: 'penalty', width: 0, penalty: -infinity, flagged: false}
  )
  return items
}

test('looseness sets a paragraph a line shorter or longer when the tolerance allows, as close as it can otherwise', () => {
  const cycle = [3, 7, 2, 5, 9, 4, 6, 2, 8, 3, 5, 7, 4, 2, 6, 10, 3, 5, 4, 7, 2, 6, 3, 8, 5, 4, 9, 2, 6, 3]
  const items = lettered(Array.from({length: 63}, (_, index) => cycle[index % cycle.length] as number))
  const best = breakLines(items, () => 220, {tolerance: 10})
  assert.equal(best?.length, 11)
  const shorter = breakLines(items, () => 220, {tolerance: 10, looseness: -1})
  assert.equal(shorter?.length, 10)
  // Shorter means tighter: every line within the shrink, the last one still a line.
  assert.ok(shorter?.every((line) => line.ratio >= -1))
  assert.equal(breakLines(items, () => 220, {tolerance: 10, looseness: 1})?.length, 12)
  // Too tight for the tolerance: the best is kept.
  assert.equal(breakLines(items, () => 220, {tolerance: 1.26, looseness: -1})?.length, breakLines(items, () => 220, {tolerance: 1.26})?.length)
  assert.equal(breakLines(words(10), () => 58, {tolerance: 10})?.length, 2)
  assert.equal(breakLines(words(10), () => 58, {tolerance: 10, looseness: 1})?.length, 3)
  // As close as it can: one-word lines have no glue to stretch.
  assert.equal(breakLines(words(10), () => 58, {tolerance: 10, looseness: 5})?.length, 3)
})

/** A seeded generator of prose nobody wrote: words of 1 to 12 letters, a comma or a full stop now and then. */
function generatedParagraphs(count: number, seed: number): string[] {
  let state = seed
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
  const letters = 'etaoinshrdlucmfwypvbgk'
  return Array.from({length: count}, () => {
    const words = Array.from({length: 30 + Math.floor(next() * 90)}, () => {
      const length = 1 + Math.floor(next() * next() * 12)
      const word = Array.from({length}, () => letters[Math.floor(next() * next() * letters.length)]).join('')
      const mark = next()
      return word + (mark < 0.08 ? ',' : mark < 0.12 ? '.' : '')
    })
    return words.join(' ') + '.'
  })
}

test('a paragraph ending in a runt is set a line shorter when the spacing bounds allow (generated corpus, A5 and A4)', () => {
  for (const paper of ['A5', 'A4'] as const) {
    const g = geometry(paper)
    const style: TextStyle = {font: 'serif', size: g.size}
    const paragraphs = generatedParagraphs(150, paper === 'A5' ? 7 : 11)
    const set = (pullRunts: boolean): Line[][] =>
      paragraphs.map((paragraph) =>
        setParagraph([run(paragraph, style)], measure, {
          width: g.textWidth,
          align: 'justify',
          indent: g.size,
          leading: g.leading,
          style,
          hyphenate: true,
          pullRunts
        })
      )
    const runts = (setting: Line[][]): number => setting.filter((lines) => lines.length > 1 && isRunt(lines.at(-1) as Line, g.textWidth)).length
    const before = set(false)
    const after = set(true)
    const pulled = after.filter((lines, index) => lines.length < (before[index] as Line[]).length).length
    assert.ok(runts(before) >= 10, `${paper}: ${runts(before)} runts before`)
    // Each runt pulled back makes the paragraph a line shorter; the rest could not be within the bounds.
    assert.equal(runts(before) - runts(after), pulled, `${paper}: ${runts(before)} → ${runts(after)}`)
    assert.ok(runts(after) < runts(before), `${paper}: ${runts(before)} → ${runts(after)}`)
    // No paragraph grows; one pulled back has no line shrunk past its glue nor stretched past TeX's `\tolerance`
    // (ratio 1.26), or past its old widest line where that was wider.
    after.forEach((lines, index) => {
      const old = before[index] as Line[]
      assert.ok(lines.length <= old.length)
      if (lines.length === old.length) return
      const bound = Math.max(1.26, ...old.map((line) => line.ratio ?? 0))
      for (const line of lines) if (line.ratio !== undefined) assert.ok(line.ratio >= -1 && line.ratio <= bound + 1e-9, `ratio ${line.ratio}`)
    })
  }
})
