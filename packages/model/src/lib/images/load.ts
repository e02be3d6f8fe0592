/**
 * Local images are read at load, through the corpus's reader (the same
 * sandbox as the text: never outside the corpus, the size limit, symlinks that
 * leave it refused), each file once. A missing, unreadable or unknown image is
 * an error at the image's place; a remote one is left to resolution (a link).
 */
import type {Element, Root as HastRoot} from 'hast'
import type {Definition, Html, Image, ImageReference, Root} from 'mdast'
import {dirname, relative, resolve, sep} from 'node:path'
import {walk, walkType} from '../walk.js'
import type {VFile} from 'vfile'
import {fail} from '../message.js'
import type {Reader} from '../load/read.js'
import type {ImageMediaType} from '../types.js'
import {imageInfo} from './format.js'
import {hastFromHtml} from '../lazy.js'

export interface LoadedImage {
  mediaType: ImageMediaType
  data: Uint8Array
  width: number
  height: number
}

/** Why an image cannot be shown, and the rule: the reader's (`file-missing`, `file-outside`…) or `image-invalid`. */
interface Problem {
  problem: string
  ruleId: string
}

/** The images a corpus read, by path in the corpus (`works/images/x.png`). */
const loaded = new WeakMap<object, ReadonlyMap<string, LoadedImage>>()

export function imagesOf(corpus: object): ReadonlyMap<string, LoadedImage> {
  return loaded.get(corpus) ?? new Map()
}

/** Base for telling local paths from addresses elsewhere, as a browser would resolve them. */
const local = 'http://local.invalid/'

/** Read the local images of `documents` (a work or preface: its tree and file), marking each node with its `data.source`. */
export async function loadImages(
  corpus: object,
  documents: ReadonlyArray<{tree: Root; file: VFile; baseUrl?: string | undefined}>,
  reader: Reader
): Promise<void> {
  const images = new Map<string, LoadedImage | Problem>()
  for (const {tree, file, baseUrl} of documents) {
    // With a `baseUrl`, relative addresses are the published page's: resolution makes them links.
    if (baseUrl !== undefined) continue
    const definitions = new Map<string, Definition>()
    walkType(tree, 'definition', (node: Definition) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
    })
    const nodes: Array<{node: Image | ImageReference; url: string} | {node: Html; url: string; raw: true}> = []
    walk(tree, (node) => {
      if (node.type === 'image') nodes.push({node, url: node.url})
      else if (node.type === 'imageReference') {
        const definition = definitions.get(node.identifier)
        if (definition) nodes.push({node, url: definition.url})
      } else if (node.type === 'html' && /<img\b/i.test(node.value)) {
        // Raw HTML `<img src>` (a README's logo) is read the same way; the node keeps its sources by address.
        for (const src of imageSources(node.value)) nodes.push({node, url: src, raw: true})
      }
    })
    const folder = dirname(resolve(file.cwd, file.path))
    for (const {node, url} of nodes) {
      const path = localPath(url)
      if (path === undefined) continue
      const absolute = path.startsWith('/') ? resolve(reader.root, '.' + path) : resolve(folder, path)
      const key = relative(reader.root, absolute).split(sep).join('/')
      let image = images.get(key)
      if (image === undefined) {
        image = await readImage(reader, absolute, relative(file.cwd, absolute))
        images.set(key, image)
      }
      if ('problem' in image) {
        fail(file, `Image \`${url}\`: ${image.problem}`, node.position, image.ruleId)
        continue
      }
      if (node.type === 'html') node.data = {...node.data, images: {...node.data?.images, [url]: key}}
      else node.data = {...node.data, source: key} as typeof node.data
    }
  }
  const found = new Map<string, LoadedImage>()
  for (const [key, image] of images) if (!('problem' in image)) found.set(key, image)
  loaded.set(corpus, found)
}

/** The file path an image address names in the corpus, or undefined for an address elsewhere (or none). */
function localPath(url: string): string | undefined {
  try {
    if (!new URL(url, local).href.startsWith(local)) return undefined
  } catch {
    return undefined
  }
  const path = url.replace(/[?#].*$/s, '')
  if (path.trim() === '') return undefined
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/** The image, or why it cannot be shown. */
async function readImage(reader: Reader, path: string, name: string): Promise<LoadedImage | Problem> {
  const read = await reader.readBytes(path, name)
  if (read.problem) return {problem: read.problem.reason, ruleId: read.problem.ruleId}
  const info = imageInfo(read.bytes)
  if (info.problem !== undefined) return {problem: `\`${name}\` cannot be shown: ${info.problem}`, ruleId: 'image-invalid'}
  return {mediaType: info.mediaType, data: info.data, width: info.width, height: info.height}
}

/** The `src` of every `<img>` in a piece of raw HTML. */
function imageSources(html: string): string[] {
  const sources: string[] = []
  const walk = (node: HastRoot | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      const src = child.properties['src']
      if (child.tagName === 'img' && typeof src === 'string') sources.push(src)
      walk(child)
    }
  }
  walk(hastFromHtml()(html, {fragment: true}))
  return sources
}
