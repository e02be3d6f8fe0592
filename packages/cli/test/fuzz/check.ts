/**
 * The properties every generated corpus must have, through the whole
 * pipeline: `loadCorpus` → `checkCorpus` → `resolveEdition` → `toHtml`,
 * `toEpub`, `toPdf`, `toApparatusJson`. A violation throws an `Error` whose
 * message says which property broke, where, and shows the offending text.
 */
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Ajv} from 'ajv'
import type {Element as HastElement, Nodes as HastNodes} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import JSZip from 'jszip'
import type {Element as XastElement, Nodes as XastNodes} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {
  apparatusJsonSchema,
  checkCorpus,
  ContentError,
  hasErrors,
  loadCorpus,
  resolveEdition,
  toApparatusJson,
  UsageError,
  type Corpus,
  type OutputFile,
  type ResolvedEdition
} from '@samizdat/model'
import {toEpub} from '@samizdat/epub'
import {toHtml} from '@samizdat/html'
import {toPdf} from '@samizdat/pdf'
import type {Case} from './arbitraries.js'
import {renderCase, type RenderedCase, type Tracked} from './render.js'

export type Stage = 'html' | 'epub' | 'pdf' | 'json'
export const allStages: readonly Stage[] = ['html', 'epub', 'pdf', 'json']

/** What a passing case produced, for the validator samples (epubcheck, qpdf). */
export interface Artifacts {
  epubs: Array<{edition: string; bytes: Uint8Array}>
  pdfs: Array<{edition: string; bytes: Uint8Array}>
}

/** The build date the adapters get, as the CLI would from `SOURCE_DATE_EPOCH`. */
const date = new Date(Date.UTC(2024, 4, 6, 7, 8, 9))

/**
 * Characters XML 1.0 does not allow (C0 controls but tab, LF and CR;
 * U+FFFE, U+FFFF; lone surrogates). One of them makes a reader refuse a chapter.
 */
const xmlForbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** What a message must not print: controls (a newline too: one message, one line) and so terminal escapes. */
const messageForbidden = /[\u0000-\u001F\u007F-\u009F]/

/** Names that shadow DOM properties when used as `id` or `name` (DOM clobbering); the generator plants them. */
const clobbering = new Set(['getElementById', 'body', 'documentElement', 'cookie', 'attributes', 'location', 'forms', 'images'])
/** Attributes whose URL a reader loads by itself (as opposed to a link the reader follows). */
const loading = new Set(['src', 'srcset', 'poster', 'data', 'background', 'action', 'formaction', 'xlink:href', 'lowsrc', 'dynsrc', 'ping'])
const refusedScheme = /^\s*(?:javascript|vbscript|data|file):/i

export class Violation extends Error {
  override name = 'Violation'
}

function violation(what: string): never {
  throw new Violation(what)
}

/**
 * What an output lets through (remote resources, clobbering names…) is
 * reported after the case has run through every stage, so that a worse
 * failure in a later stage (an exception, a lost paragraph) is not hidden by it.
 */
let unsafe: string[] = []

/** Text for a failure message: quoted, with every invisible or troublesome character as an escape. */
export function show(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFEFF\uFFF0-\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g,
    (char) => [...char].map((unit) => '\\u' + unit.charCodeAt(0).toString(16).padStart(4, '0')).join('')
  )
}

/** Show a place and its surroundings, escaped, for a failure message. */
function around(text: string, index: number): string {
  return show(text.slice(Math.max(0, index - 40), index + 40))
}

/** Offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0
  for (let at = 1; at < line; at++) offset = text.indexOf('\n', offset) + 1
  return offset + column - 1
}

function assertNoForbidden(where: string, text: string): void {
  const found = xmlForbidden.exec(text)
  if (found)
    violation(
      `${where}: character U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} not allowed in XML 1.0, at offset ${found.index}: ${around(text, found.index)}`
    )
}

/** Every message has a rule, a place (line and column) and a printable one-line reason (`files`: the corpus's, or what resolving an edition reported). */
function assertMessages(files: ReadonlyArray<Pick<Corpus['files'][number], 'path' | 'messages'>>): void {
  for (const file of files) {
    for (const message of file.messages) {
      const label = `message on ${file.path}: ${show(message.reason)}`
      if (!message.ruleId) violation(`${label} has no rule id`)
      if (typeof message.line !== 'number' || typeof message.column !== 'number') violation(`${label} [${message.ruleId}] has no position`)
      if (messageForbidden.test(message.reason)) violation(`${label} [${message.ruleId}] prints a control character`)
    }
  }
}

/** Run `fn`; an exception other than UsageError or a ContentError with positioned messages is a violation. Returns false if it threw. */
async function stage<T>(name: string, fn: () => T | Promise<T>): Promise<{ok: true; value: T} | {ok: false}> {
  try {
    return {ok: true, value: await fn()}
  } catch (error) {
    if (error instanceof Violation) throw error
    if (error instanceof UsageError) return {ok: false}
    if (error instanceof ContentError) {
      if (!hasErrors(error.files)) violation(`${name} threw ContentError "${error.message}" with no error message on its files`)
      assertMessages(error.files)
      return {ok: false}
    }
    const described = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error)
    violation(`${name} threw ${described}`)
  }
}

/** Text of a parsed page (hast or xast), white space collapsed, soft hyphens dropped. */
function textOf(node: HastNodes | XastNodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return (node.children as Array<HastNodes | XastNodes>).map(textOf).join(node.type === 'element' ? '' : '')
  return ''
}

function collapse(text: string): string {
  return text.replace(/\u00AD/g, '').replace(/[\s\u00A0]+/g, ' ')
}

/** Every element as its name and attributes (lower-case HTML names). */
function* elementsOf(node: HastNodes | XastNodes): Generator<[string, Map<string, string>]> {
  if (node.type === 'element') {
    const attributes = new Map<string, string>()
    if ('tagName' in node) {
      const element = node as HastElement
      for (const [key, value] of Object.entries(element.properties)) {
        const name =
          key === 'className'
            ? 'class'
            : key === 'srcSet'
              ? 'srcset'
              : key === 'xLinkHref'
                ? 'xlink:href'
                : key === 'formAction'
                  ? 'formaction'
                  : key === 'httpEquiv'
                    ? 'http-equiv'
                    : key.toLowerCase()
        attributes.set(name, Array.isArray(value) ? value.join(' ') : String(value))
      }
      yield [element.tagName, attributes]
    } else {
      const element = node as XastElement
      for (const [key, value] of Object.entries(element.attributes)) attributes.set(key.toLowerCase(), String(value))
      yield [element.name, attributes]
    }
  }
  if ('children' in node) for (const child of node.children as Array<HastNodes | XastNodes>) yield* elementsOf(child)
}

/** `<link rel>` values that make a reader fetch the `href`. */
const fetchingRel = /\b(?:stylesheet|icon|preload|prefetch|modulepreload|manifest|import|preconnect|dns-prefetch|prerender)\b/i

/** No output loads a remote resource, runs a script or keeps a clobbering id/name or a refused link scheme. */
function assertSafe(where: string, tree: HastNodes | XastNodes): void {
  for (const [element, attributes] of elementsOf(tree)) {
    const local = element.replace(/^.*:/, '')
    const violation = (what: string) => void unsafe.push(what)
    // The site's own scripts (its files, beside the pages) are not from the input; any other script is.
    const own = local === 'script' && /^(?:sidenotes|minisearch|search-index|search)\.js$/.test(attributes.get('src') ?? '')
    if ((local === 'script' && !own) || local === 'base' || local === 'iframe' || local === 'object' || local === 'embed')
      violation(`${where}: a <${local}> element reached the output`)
    for (const [name, value] of attributes) {
      const at = `${where}: <${element} ${name}=${show(value)}>`
      if (local === 'meta' && name === 'http-equiv' && /refresh/i.test(value)) violation(`${at}: a meta refresh reached the output`)
      if (name.startsWith('on')) violation(`${at}: an event handler attribute reached the output`)
      if ((name === 'id' || name === 'name') && clobbering.has(value)) violation(`${at}: a user id/name that clobbers the DOM is kept unprefixed`)
      if (loading.has(name) || (local === 'link' && name === 'href' && fetchingRel.test(attributes.get('rel') ?? ''))) {
        for (const url of value.split(/,\s*/)) if (/^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url)) violation(`${at}: a remote resource would be loaded`)
      }
      if (name === 'style' && /url\s*\(/i.test(value)) violation(`${at}: a style loads a resource`)
      if ((name === 'href' || name === 'xlink:href' || name === 'src') && refusedScheme.test(value) && !/^data:image\/(?:png|jpeg|gif|webp);/i.test(value)) {
        violation(`${at}: a refused link scheme reached the output`)
      }
    }
  }
}

/** Parse an HTML page; no parse error, no forbidden character. Returns the tree. */
function parseHtml(where: string, html: string): HastNodes {
  assertNoForbidden(where, html)
  const errors: string[] = []
  const tree = fromHtml(html, {
    onerror: (error) =>
      void errors.push(
        `${error.ruleId ?? ''} (${error.reason}) at ${error.line}:${error.column}: ${around(html, offsetOf(html, error.line ?? 1, error.column ?? 1))}`
      )
  })
  if (errors.length > 0) violation(`${where} does not parse cleanly as HTML: ${errors[0]}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`)
  return tree
}

function parseXml(where: string, bytes: Uint8Array): XastNodes {
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    violation(`${where} is not valid UTF-8`)
  }
  assertNoForbidden(where, text)
  try {
    return fromXml(text)
  } catch (error) {
    const message = error as {message?: string; place?: {offset?: number}; line?: number; column?: number}
    violation(
      `${where} is not well-formed XML: ${message.message ?? String(error)} at ${message.line}:${message.column}: ${around(text, message.place?.offset ?? 0)}`
    )
  }
}

/**
 * Plain paragraphs of the edition's works and preface reach this text: the
 * whole paragraph when nothing is anchored in it, else its token; unless
 * the model said something at or before it in its file.
 */
function assertTracked(where: string, text: string, paragraphs: Tracked[], corpus: Corpus): void {
  for (const paragraph of paragraphs) {
    const excused = corpus.files.some(
      (file) => file.path.split(path.sep).join('/').endsWith(paragraph.file) && file.messages.some((message) => (message.line ?? 0) <= paragraph.line)
    )
    if (excused) continue
    const whole = paragraph.annotated.size === 0 || [...paragraph.annotated].every((kind) => kind === 'person' || kind === 'language' || kind === 'crossref')
    const wanted = whole ? paragraph.text : paragraph.token
    if (!text.includes(wanted)) {
      violation(
        `${where}: the plain paragraph ${show(paragraph.text)} (${paragraph.file}:${paragraph.line}) ${text.includes(paragraph.token) ? 'is changed' : 'is lost'}, and no message says why`
      )
    }
  }
}

function editionParagraphs(rendered: RenderedCase, input: Case, corpus: Corpus, edition: ResolvedEdition): Tracked[] {
  const editionIndex = corpus.editions.findIndex((spec) => spec.id === edition.meta.id)
  const specFile = corpus.editions[editionIndex]?.file.path.split(path.sep).join('/') ?? ''
  const fileIndex = input.editions.findIndex((_, index) => specFile.endsWith(`editions/e${index + 1}.yaml`))
  const ids = new Set(edition.works.map((work) => work.id))
  return rendered.tracked.filter((paragraph) =>
    paragraph.work !== undefined ? ids.has(rendered.workIds[paragraph.work] as string) : paragraph.edition === fileIndex && fileIndex !== -1
  )
}

async function checkHtml(edition: ResolvedEdition, paragraphs: Tracked[], corpus: Corpus): Promise<void> {
  const site = await stage(`toHtml(${edition.meta.id})`, () =>
    toHtml(edition, {report: (message) => corpus.files.find((file) => file.path === message.file)?.messages.push(message)})
  )
  if (!site.ok) return
  let text = ''
  for (const file of site.value) {
    if (!file.path.endsWith('.html')) continue
    const where = `site page ${file.path}`
    const tree = parseHtml(where, new TextDecoder().decode(file.data))
    assertSafe(where, tree)
    text += ' ' + textOf(tree)
  }
  assertTracked('the site', collapse(text), paragraphs, corpus)
}

async function checkEpub(edition: ResolvedEdition, paragraphs: Tracked[], corpus: Corpus, artifacts: Artifacts): Promise<void> {
  const book = await stage(`toEpub(${edition.meta.id})`, () =>
    toEpub(edition, {date, report: (message) => corpus.files.find((file) => file.path === message.file)?.messages.push(message)})
  )
  if (!book.ok) return
  const bytes = (book.value[0] as OutputFile).data
  const zip = await JSZip.loadAsync(bytes).catch((error: unknown) => violation(`the EPUB is not a zip: ${String(error)}`))
  const mimetype = zip.file('mimetype')
  if (!mimetype || (await mimetype.async('string')) !== 'application/epub+zip') violation('the EPUB has no mimetype entry "application/epub+zip"')
  let text = ''
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !/\.(?:xhtml|html|opf|ncx|xml|svg)$/.test(name)) continue
    const where = `EPUB ${name}`
    const tree = parseXml(where, await entry.async('uint8array'))
    assertSafe(where, tree)
    if (/\.x?html$/.test(name)) text += ' ' + textOf(tree)
  }
  assertTracked('the EPUB', collapse(text), paragraphs, corpus)
  artifacts.epubs.push({edition: edition.meta.id, bytes})
}

async function checkPdf(edition: ResolvedEdition, artifacts: Artifacts): Promise<void> {
  const pdf = await stage(`toPdf(${edition.meta.id})`, () => toPdf(edition, {date}))
  if (!pdf.ok) return
  const bytes = Buffer.from((pdf.value[0] as OutputFile).data)
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') violation('the PDF does not start with %PDF-')
  if (!/%%EOF\s*$/.test(bytes.subarray(-32).toString('latin1'))) violation('the PDF does not end with %%EOF')
  // pdfkit writes link annotations in plain (uncompressed) dictionaries: /URI (…) or /URI <hex>.
  const latin = bytes.toString('latin1')
  for (const match of latin.matchAll(/\/URI\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/g)) {
    const raw = match[1] as string
    const uri = raw.startsWith('(') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : Buffer.from(raw.slice(1, -1).replace(/\s/g, ''), 'hex').toString('latin1')
    if (refusedScheme.test(uri.replace(/^\u00FE\u00FF/, '').replace(/\u0000/g, '')))
      unsafe.push(`the PDF has a clickable link with a refused scheme: ${show(uri)}`)
  }
  artifacts.pdfs.push({edition: edition.meta.id, bytes})
}

const ajv = new Ajv({allErrors: true, strict: false})
const validateApparatus = ajv.compile(apparatusJsonSchema)

async function checkJson(edition: ResolvedEdition): Promise<void> {
  const json = await stage(`toApparatusJson(${edition.meta.id})`, () => JSON.parse(JSON.stringify(toApparatusJson(edition))) as unknown)
  if (!json.ok) return
  if (!validateApparatus(json.value)) violation(`the apparatus JSON does not match apparatusJsonSchema: ${ajv.errorsText(validateApparatus.errors)}`)
}

/** Write the case's corpus under `dir/<folder>`; the corpus folder's path. */
export async function writeCorpus(rendered: RenderedCase, input: Case, dir: string): Promise<string> {
  const corpus = path.join(dir, input.folder)
  for (const [name, text] of Object.entries(rendered.files)) {
    const target = path.join(corpus, name)
    await mkdir(path.dirname(target), {recursive: true})
    await writeFile(target, text)
  }
  return corpus
}

/** Run one case through the pipeline and every adapter in `stages`; throws `Violation` on the first broken property. */
export async function checkCase(input: Case, stages: readonly Stage[] = allStages, artifacts: Artifacts = {epubs: [], pdfs: []}): Promise<Artifacts> {
  unsafe = []
  const rendered = renderCase(input)
  const dir = await mkdtemp(path.join(tmpdir(), 'samizdat-fuzz-'))
  try {
    await writeCorpus(rendered, input, dir)
    const loaded = await stage('loadCorpus', () => loadCorpus(input.folder, {cwd: dir}))
    if (!loaded.ok) return artifacts
    const corpus = loaded.value
    const checked = await stage('checkCorpus', () => checkCorpus(corpus))
    assertMessages(corpus.files)
    if (!checked.ok || hasErrors(corpus.files)) return artifacts
    const editions: ResolvedEdition[] = []
    for (const spec of corpus.editions) {
      const resolved = await stage(`resolveEdition(${spec.id})`, () => resolveEdition(corpus, spec.id))
      if (resolved.ok) editions.push(resolved.value)
    }
    assertMessages(corpus.files)
    // Resolving leaves the corpus as it was: what it says comes back with the edition.
    for (const edition of editions) assertMessages([{path: `resolveEdition(${edition.meta.id})`, messages: edition.messages}])
    if (hasErrors(corpus.files)) return artifacts
    for (const edition of editions) {
      const paragraphs = editionParagraphs(rendered, input, corpus, edition)
      if (stages.includes('html')) await checkHtml(edition, paragraphs, corpus)
      if (stages.includes('epub')) await checkEpub(edition, paragraphs, corpus, artifacts)
      if (stages.includes('pdf')) await checkPdf(edition, artifacts)
      if (stages.includes('json')) await checkJson(edition)
      // Adapters report what they cannot express on the corpus files too.
      assertMessages(corpus.files)
    }
    if (unsafe.length > 0) violation(unsafe[0] as string)
    return artifacts
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

/**
 * The books of a case whose corpus has no errors, with no check of ours:
 * for the outside validators, which judge them on their own.
 */
export async function buildBooks(input: Case): Promise<Artifacts> {
  const artifacts: Artifacts = {epubs: [], pdfs: []}
  const rendered = renderCase(input)
  const dir = await mkdtemp(path.join(tmpdir(), 'samizdat-fuzz-'))
  try {
    await writeCorpus(rendered, input, dir)
    const corpus = await loadCorpus(input.folder, {cwd: dir})
    await checkCorpus(corpus)
    if (hasErrors(corpus.files)) return artifacts
    for (const spec of corpus.editions) {
      const edition = resolveEdition(corpus, spec.id)
      if (hasErrors(corpus.files)) return artifacts
      artifacts.epubs.push({edition: spec.id, bytes: (await toEpub(edition, {date}))[0]!.data})
      artifacts.pdfs.push({edition: spec.id, bytes: (await toPdf(edition, {date}))[0]!.data})
    }
    return artifacts
  } catch {
    // An exception is the pipeline property's to report; this case just gives no sample.
    return {epubs: [], pdfs: []}
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}
