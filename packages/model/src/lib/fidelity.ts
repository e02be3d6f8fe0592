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
import {RE2JS} from 're2js'
import {VFile} from 'vfile'
import './vfile-data.js'
import {parseMarkdown} from './load/markdown.js'
import {readerOf} from './load/read.js'
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
    expression = RE2JS.compile(pattern, RE2JS.MULTILINE)
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
    stripped.text = textOf(parseMarkdown(new VFile({value: stripped.text})))
  }
  return stripped
}

interface Located {
  tokens: string[]
  /** For each token, where the text it came from starts in the work file. */
  places: Array<Point | undefined>
}

/** The work's text as tokens: title, subtitle, then the body, each token with a place. */
function workTokens(work: Work): Located {
  const tokens: string[] = []
  const places: Array<Point | undefined> = []
  const add = (text: string, place: Point | undefined): void => {
    for (const token of normalizeForFidelity(text)) {
      tokens.push(token)
      places.push(place)
    }
  }
  add(work.meta.title, {line: 1, column: 1})
  if (work.meta.subtitle) add(work.meta.subtitle, {line: 1, column: 1})
  // Tokenise block by block so a hyphen split across blocks stays split, as in the source.
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code' || node.type === 'tableCell') {
      add(textOf(node), node.position?.start)
      return
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(work.tree)
  return {tokens: rejoin(tokens, places), places}
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

export interface FidelityDifference {
  /** Index of the first token that differs. */
  index: number
  source: string[]
  work: string[]
  place: Point | undefined
}

/** Compare a work with its source text; `undefined` when they agree. */
export function compareWithSource(work: Work, text: string): FidelityDifference | undefined {
  const source = normalizeForFidelity(text)
  const located = workTokens(work)
  const length = Math.max(source.length, located.tokens.length)
  for (let index = 0; index < length; index++) {
    if (source[index] !== located.tokens[index]) {
      return {index, source, work: located.tokens, place: located.places[Math.min(index, located.places.length - 1)]}
    }
  }
  return undefined
}

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
      if (manifest) fail(manifest, reason, entry.filePosition ?? entry.position, result.problem.ruleId === 'file-missing' ? 'source-missing' : result.problem.ruleId)
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
    const difference = compareWithSource(work, text)
    if (difference) {
      fail(work.file, describeDifference(difference, ref.file), difference.place, 'fidelity')
    }
  }
}

/** A readable account of where a work departs from its source. */
export function describeDifference(difference: FidelityDifference, sourceFile: string): string {
  const around = (tokens: string[]): string => {
    const from = Math.max(0, difference.index - 6)
    const before = tokens.slice(from, difference.index).join(' ')
    const at = tokens[difference.index] ?? '(end of text)'
    const after = tokens.slice(difference.index + 1, difference.index + 7).join(' ')
    return `…${before} «${at}» ${after}…`
  }
  return `Text differs from source \`${sourceFile}\` at word ${difference.index + 1}: source has ${around(difference.source)}, work has ${around(difference.work)}`
}
