/**
 * Fidelity: a work's text must equal its verbatim source minus the chrome
 * its manifest entry declares. Compared as words, after normalising the
 * forms that transcription legitimately changes (quotes, dashes, ellipses,
 * Markdown emphasis characters, hyphenated line breaks, white space).
 */
import {createHash} from 'node:crypto'
import {join} from 'node:path'
import type {Nodes} from 'mdast'
import type {Point} from 'unist'
import type {ArrayChange} from 'diff'
import type {RE2JS} from 're2js'
import {VFile} from 'vfile'
import {location, type Location} from 'vfile-location'
import './vfile-data.js'
import {parseMarkdown} from './load/markdown.js'
import {readerOf} from './load/read.js'
import {diffArrays, re2js} from './lazy.js'
import {fail} from './message.js'
import {textOf} from './text.js'
import type {Corpus, SourceEntry, Work} from './types.js'

/** Normalise text and split it into the tokens fidelity compares. */
export function normalizeForFidelity(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/…/g, '...')
    .replace(/\.(?:\s+\.){2}/g, '...')
    .replace(/[_*]/g, '')
    .replace(/(\p{L})-\s+(?=\p{L})/gu, '$1-')
    .split(/\s+/)
    .filter(Boolean)
}

export interface ChromeResult {
  text: string
  /** Problems with the rules themselves (no match, wrong count, bad pattern). */
  problems: Array<{rule: number; reason: string}>
}

/** Remove the declared chrome from a source's text, rule by rule. */
export function stripChrome(text: string, entry: SourceEntry): ChromeResult {
  const problems: ChromeResult['problems'] = []
  let current = text
  for (const [index, rule] of entry.chrome.entries()) {
    let matches = 0
    if (rule.line !== undefined) {
      const wanted = rule.line
      current = current
        .split('\n')
        .filter((line) => {
          const hit = line.trimEnd() === wanted
          if (hit) matches++
          return !hit
        })
        .join('\n')
    } else if (rule.pattern !== undefined) {
      const result = removePattern(current, rule.pattern, rule.group)
      if ('problem' in result) {
        problems.push({rule: index, reason: `Invalid chrome pattern in rule ${index + 1} of \`${entry.file}\`: ${result.problem}`})
        continue
      }
      current = result.text
      matches = result.matches
    }
    if (matches === 0) problems.push({rule: index, reason: `Chrome rule ${index + 1} of \`${entry.file}\` matches nothing`})
    else if (rule.count !== undefined && matches !== rule.count) {
      problems.push({rule: index, reason: `Chrome rule ${index + 1} of \`${entry.file}\` matches ${matches} times, expected ${rule.count}`})
    }
  }
  return {text: current, problems}
}

/**
 * Remove the matches of a user-supplied pattern (or only their capture group
 * `group`, for context a lookaround would have matched). Run with RE2's
 * linear-time engine (re2js): no pattern, however written, can spin.
 * RE2 syntax: no lookaround, no backreferences; `\x{00a0}` for a code point.
 */
function removePattern(text: string, pattern: string, group = 0): {text: string; matches: number} | {problem: string} {
  let expression: RE2JS
  try {
    expression = re2js().compile(pattern, re2js().MULTILINE)
  } catch (error) {
    return {problem: (error as Error).message}
  }
  if (group > expression.groupCount()) return {problem: `the pattern has no capture group ${group}`}
  const matcher = expression.matcher(text)
  let out = ''
  let last = 0
  let matches = 0
  while (matcher.find()) {
    const start = matcher.start(group)
    const end = matcher.end(group)
    // A group that did not take part in the match removes nothing.
    if (start >= 0 && end >= start) {
      out += text.slice(last, start)
      last = end
    }
    matches++
  }
  return {text: out + text.slice(last), matches}
}

/** The text a source stands for once chrome is gone (Markdown sources: their rendered text). */
export function sourceText(raw: string, entry: SourceEntry): ChromeResult {
  const stripped = stripChrome(raw, entry)
  if (entry.format === 'markdown') {
    stripped.text = textOf(parseMarkdown(new VFile({cwd: '/', value: stripped.text})))
  }
  return stripped
}

/** A token and where the text it came from starts in the work file. */
interface Located {
  tokens: string[]
  places: Array<Point | undefined>
}

/** Inline text of a leaf block with, for each piece, where it starts in the file and whether it is the file's text verbatim. */
interface Piece {
  text: string
  offset: number
  start: Point | undefined
  /** The piece is the file's characters one for one (no escapes or entities), so offsets inside it map to the file. */
  exact: boolean
}

/** The pieces of text a leaf block shows, in the order `textOf` joins them. */
function piecesOf(node: Nodes, file: VFile, pieces: Piece[], offset: number): number {
  const position = node.position
  const add = (text: string, exact: boolean): number => {
    pieces.push({text, offset, start: position?.start, exact})
    return offset + text.length
  }
  switch (node.type) {
    case 'text': {
      const from = position?.start.offset
      const to = position?.end.offset
      const exact = from !== undefined && to !== undefined && String(file.value).slice(from, to) === node.value
      return add(node.value, exact)
    }
    case 'inlineCode':
    case 'code':
      return add(node.value, false)
    case 'break':
      return add('\n', false)
    case 'image':
      return add(node.alt ?? '', false)
    case 'html':
    case 'yaml':
    case 'definition':
      return offset
    default:
  }
  let at = offset
  if ('children' in node) for (const child of node.children) at = piecesOf(child as Nodes, file, pieces, at)
  return at
}

/** Split a text into fidelity tokens, each with the offset (in `text`) of the raw word it starts at. */
function tokensAt(text: string): Array<{token: string; offset: number}> {
  const chunks = [...text.matchAll(/\S+/g)].map((match) => ({text: match[0], offset: match.index}))
  const tokens = normalizeForFidelity(text)
  const out: Array<{token: string; offset: number}> = []
  let chunk = 0
  for (const token of tokens) {
    // Raw words that normalise to nothing (a lone `*`) belong to no token.
    while (chunk < chunks.length && normalizeForFidelity((chunks[chunk] as {text: string}).text).length === 0) chunk++
    const first = chunks[chunk]
    out.push({token, offset: first?.offset ?? 0})
    // A token may join several raw words (`Brest-` `Litovsk`, `. . .`): take as many as make it.
    // A few words at most (`. . .` is three); a token no run of words makes is taken as one.
    const makes = (count: number) =>
      normalizeForFidelity(
        chunks
          .slice(chunk, chunk + count)
          .map((raw) => raw.text)
          .join(' ')
      )[0] === token
    let taken = 1
    while (taken < 4 && chunk + taken < chunks.length && !makes(taken)) taken++
    if (!makes(taken)) taken = 1
    chunk += taken
  }
  return out
}

/** The work's text as tokens: title, subtitle, then the body, each token with its place in the work file. */
function workTokens(work: Work): Located {
  const tokens: string[] = []
  const places: Array<Point | undefined> = []
  const where = location(work.file)
  const metaPlace = (key: string): Point => {
    const place = work.file.data.locate?.([key])
    return (place && 'start' in place ? place.start : place) ?? {line: 1, column: 1}
  }
  for (const {token} of tokensAt(work.meta.title)) {
    tokens.push(token)
    places.push(metaPlace('title'))
  }
  if (work.meta.subtitle) {
    for (const {token} of tokensAt(work.meta.subtitle)) {
      tokens.push(token)
      places.push(metaPlace('subtitle'))
    }
  }
  // Tokenise block by block so a hyphen split across blocks stays split, as in the source.
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code' || node.type === 'tableCell') {
      const pieces: Piece[] = []
      piecesOf(node, work.file, pieces, 0)
      const text = pieces.map((piece) => piece.text).join('')
      for (const {token, offset} of tokensAt(text)) {
        tokens.push(token)
        places.push(placeAt(pieces, offset, where) ?? node.position?.start)
      }
      return
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(work.tree)
  return {tokens: rejoin(tokens, places), places}
}

/** Where a character of a block's text is in the file: exact inside verbatim text, else the start of its node. */
function placeAt(pieces: Piece[], offset: number, where: Location): Point | undefined {
  let piece: Piece | undefined
  for (const candidate of pieces) {
    if (candidate.offset > offset) break
    piece = candidate
  }
  if (!piece) return undefined
  const fileOffset = piece.start?.offset
  if (piece.exact && fileOffset !== undefined) return where.toPoint(fileOffset + offset - piece.offset) ?? piece.start
  return piece.start
}

/** Join `word-` + `word` across token boundaries the same way `normalizeForFidelity` does inside a text. */
function rejoin(tokens: string[], places: Array<Point | undefined>): string[] {
  for (let index = 0; index < tokens.length - 1; index++) {
    const token = tokens[index] as string
    const next = tokens[index + 1] as string
    if (/\p{L}-$/u.test(token) && /^\p{L}/u.test(next)) {
      tokens.splice(index, 2, token + next)
      places.splice(index + 1, 1)
      index--
    }
  }
  return tokens
}

/** One run of words where a work departs from its source. */
export interface FidelityDifference {
  kind: 'changed' | 'dropped' | 'added'
  /** Index (0-based) of the run's first word in the source's words. */
  sourceIndex: number
  /** Index (0-based) of the run's first word in the work's words (for a dropped run: of the word after it). */
  workIndex: number
  /** The source's words in the run (none when added). */
  source: string[]
  /** The work's words in the run (none when dropped). */
  work: string[]
  /** Where in the work file the run is (for a dropped run: where the words are missing). */
  place: Point | undefined
  /** A few source words on either side of the run, to find it by. */
  before: string[]
  after: string[]
}

/** Most edits the word diff looks for before giving up on a work (Myers' diff is slow on texts that differ throughout). */
const maxEditLength = 2000

/**
 * Compare a work with its source text: every run of dropped, added or
 * changed words, in order (empty when they agree). Word-level diff by jsdiff.
 */
export function compareWithSource(work: Work, text: string): FidelityDifference[] {
  const source = normalizeForFidelity(text)
  const located = workTokens(work)
  const changes = diffArrays()(source, located.tokens, {maxEditLength})
  if (!changes) return [firstDifference(source, located)]
  const differences: FidelityDifference[] = []
  let sourceIndex = 0
  let workIndex = 0
  const placeOf = (index: number): Point | undefined => located.places[Math.min(index, located.places.length - 1)]
  const around = (from: number, count: number): {before: string[]; after: string[]} => ({
    before: source.slice(Math.max(0, from - 4), from),
    after: source.slice(from + count, from + count + 4)
  })
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index] as ArrayChange<string>
    if (!change.added && !change.removed) {
      sourceIndex += change.count
      workIndex += change.count
      continue
    }
    const next = changes[index + 1]
    if (change.removed && next?.added) {
      differences.push({
        kind: 'changed',
        sourceIndex,
        workIndex,
        source: change.value,
        work: next.value,
        place: placeOf(workIndex),
        ...around(sourceIndex, change.count)
      })
      sourceIndex += change.count
      workIndex += next.count
      index++
    } else if (change.removed) {
      differences.push({
        kind: 'dropped',
        sourceIndex,
        workIndex,
        source: change.value,
        work: [],
        place: placeOf(workIndex),
        ...around(sourceIndex, change.count)
      })
      sourceIndex += change.count
    } else {
      differences.push({kind: 'added', sourceIndex, workIndex, source: [], work: change.value, place: placeOf(workIndex), ...around(sourceIndex, 0)})
      workIndex += change.count
    }
  }
  return differences
}

/** When the texts differ too much to diff: the first word that differs, as one change to the end. */
function firstDifference(source: string[], located: Located): FidelityDifference {
  let index = 0
  while (index < source.length && source[index] === located.tokens[index]) index++
  const place = located.places[Math.min(index, located.places.length - 1)]
  return {
    kind: 'changed',
    sourceIndex: index,
    workIndex: index,
    source: source.slice(index),
    work: located.tokens.slice(index),
    place,
    before: source.slice(Math.max(0, index - 4), index),
    after: []
  }
}

/** Most differences reported per work; the rest are counted in one last message. */
const maxReported = 50

/**
 * Check every work that names a source: the file exists, its SHA-256 matches
 * the work and the manifest, the chrome rules hold, and the texts agree.
 */
export async function checkFidelity(corpus: Corpus): Promise<void> {
  const entries = new Map(corpus.sources.map((entry) => [entry.file, entry]))
  const manifest = corpus.manifest
  const rawByFile = new Map<string, string>()
  const reader = readerOf(corpus)
  for (const entry of corpus.sources) {
    const result = await reader.read(join(corpus.dir, 'sources', entry.file), `sources/${entry.file}`)
    if (result.problem) {
      const reason = result.problem.ruleId === 'file-missing' ? `Source file \`${entry.file}\` not found in sources/` : `Source ${result.problem.reason}`
      if (manifest)
        fail(manifest, reason, entry.filePosition ?? entry.position, result.problem.ruleId === 'file-missing' ? 'source-missing' : result.problem.ruleId)
      continue
    }
    const raw = result.value
    // The checksum is of the bytes as received.
    const digest = createHash('sha256').update(result.bytes).digest('hex')
    if (digest !== entry.sha256 && manifest) {
      fail(manifest, `SHA-256 of \`${entry.file}\` is ${digest}, manifest says ${entry.sha256}: the source was changed`, entry.position, 'source-changed')
    }
    rawByFile.set(entry.file, raw)
  }

  for (const work of corpus.works) {
    const ref = work.meta.source
    if (!ref) continue
    const place = work.file.data.locate?.(['source']) ?? {line: 1, column: 1}
    const entry = entries.get(ref.file)
    if (!entry) {
      fail(work.file, `Source \`${ref.file}\` is not in sources/manifest.yaml`, place, 'source-unknown')
      continue
    }
    if (entry.sha256 !== ref.sha256) {
      fail(work.file, `Source SHA-256 ${ref.sha256} does not match the manifest's ${entry.sha256} for \`${ref.file}\``, place, 'source-changed')
    }
    const raw = rawByFile.get(ref.file)
    if (raw === undefined) continue
    const {text, problems} = sourceText(raw, entry)
    for (const problem of problems) {
      if (manifest) fail(manifest, problem.reason, entry.chrome[problem.rule]?.position, 'chrome-unused')
    }
    const differences = compareWithSource(work, text)
    for (const difference of differences.slice(0, maxReported)) {
      fail(work.file, describeDifference(difference, ref.file), difference.place, 'fidelity')
    }
    if (differences.length > maxReported) {
      fail(work.file, `${differences.length - maxReported} more differences from source \`${ref.file}\` not shown`, differences[maxReported]?.place, 'fidelity')
    }
  }
}

/** A readable account of one run where a work departs from its source, with the source's words around it. */
export function describeDifference(difference: FidelityDifference, sourceFile: string): string {
  const words = (tokens: string[]): string => {
    const shown = tokens.length > 12 ? [...tokens.slice(0, 12), `… (${tokens.length} words)`] : tokens
    return `«${shown.join(' ')}»`
  }
  const context = (middle: string): string => `“${[...difference.before, middle, ...difference.after].filter(Boolean).join(' ')}”`
  const at = `source \`${sourceFile}\` word ${difference.sourceIndex + 1}`
  switch (difference.kind) {
    case 'dropped':
      return `Text dropped: ${words(difference.source)} of ${at} is missing here (source: ${context(words(difference.source))})`
    case 'added':
      return `Text added: ${words(difference.work)} is not in source \`${sourceFile}\` (source: ${context('^')})`
    default:
      return `Text changed: work has ${words(difference.work)} where ${at} has ${words(difference.source)} (source: ${context(words(difference.source))})`
  }
}
