/**
 * The editions the tests build, and the books made of them, opened: the real
 * reader edition (`corpus/`) and the small fixture edition
 * (`test/fixtures/corpus/`), each built once per test run (see
 * `scripts/test-cache.ts`) and shared by the test files.
 */
import {readFile} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'
import JSZip from 'jszip'
import {loadCorpus, resolveEdition, type ResolvedEdition} from '@samizdat/model'
import {toEpub, type EpubOptions} from '@samizdat/epub'
import {attribute, children, elements, parseXml, type XmlRoot} from './xml.js'
import {sharedBuild} from '../../../../scripts/test-cache.js'

export const realCorpus = new URL('../../../../corpus/', import.meta.url)
export const fixtureCorpus = new URL('../fixtures/corpus/', import.meta.url)

/** The build time the tests pin, as `SOURCE_DATE_EPOCH` would. */
export const buildDate = new Date(Date.UTC(2024, 4, 6, 23, 8, 9))

const editions = new Map<string, Promise<ResolvedEdition>>()

export function edition(which: 'real' | 'fixture'): Promise<ResolvedEdition> {
  let found = editions.get(which)
  if (!found) {
    found =
      which === 'real'
        ? loadCorpus(realCorpus.pathname).then((corpus) => resolveEdition(corpus, 'workers-opposition'))
        : loadCorpus(fixtureCorpus.pathname).then((corpus) => resolveEdition(corpus, 'commons'))
    editions.set(which, found)
  }
  return found
}

/** Options the fixture is built with: short enough works are split too. */
export const fixtureOptions: EpubOptions = {date: buildDate, splitAbove: 300}

const books = new Map<string, Promise<Uint8Array>>()

/**
 * The book of an edition. With the default options it is built once per test
 * run and read from the shared cache; with options of its own, afresh.
 */
export async function build(which: 'real' | 'fixture', options?: EpubOptions): Promise<Uint8Array> {
  if (options) return (await toEpub(await edition(which), options))[0]!.data
  let found = books.get(which)
  if (!found) {
    const defaults = which === 'real' ? {date: buildDate} : fixtureOptions
    const inputs = which === 'real' ? [] : [fileURLToPath(fixtureCorpus)]
    found = sharedBuild(`epub-${which}`, 'epub', defaults, inputs, async () => (await toEpub(await edition(which), defaults))[0]!.data).then(
      async (path) => new Uint8Array(await readFile(path))
    )
    books.set(which, found)
  }
  return found
}

export interface Book {
  bytes: Uint8Array
  zip: JSZip
  /** The package document, parsed. */
  opf: XmlRoot
  /** Folder of the package document inside the zip (`OEBPS/`). */
  base: string
  /** Content documents in spine order (the navigation document left out), as zip paths. */
  spine: string[]
  /** The navigation document's zip path. */
  nav: string
  text(path: string): Promise<string>
  xml(path: string): Promise<XmlRoot>
}

export async function open(bytes: Uint8Array): Promise<Book> {
  const zip = await JSZip.loadAsync(bytes)
  const text = async (path: string) => {
    const file = zip.file(path)
    if (!file) throw new Error('No ' + path + ' in the book')
    return file.async('string')
  }
  const container = parseXml(await text('META-INF/container.xml'))
  const rootfile = attribute(elements(container, 'rootfile')[0], 'full-path')
  const base = rootfile.replace(/[^/]*$/, '')
  const opf = parseXml(await text(rootfile))
  const items = new Map(elements(opf, 'item').map((item) => [attribute(item, 'id'), item]))
  const navItem = elements(opf, 'item').find((item) => attribute(item, 'properties').split(' ').includes('nav'))
  const spine = elements(opf, 'itemref')
    .map((ref) => items.get(attribute(ref, 'idref')))
    .filter((item) => item !== undefined && item !== navItem)
    .map((item) => base + attribute(item, 'href'))
  return {bytes, zip, opf, base, spine, nav: base + attribute(navItem, 'href'), text, xml: async (path) => parseXml(await text(path))}
}

export {children}
