/**
 * At resolution, each local image the load read becomes an asset of the
 * edition (once, however often it is shown), and its node names it. An image
 * that was not read (its error is the load's) stands as its description, so
 * that no output points at a file it does not hold. A paragraph that is one
 * image alone is a figure, captioned by the image's title (else its description).
 */
import type {Nodes, Paragraph, Parent, Root} from 'mdast'
import {walk} from '../walk.js'
import type {ImageAsset, ImageMediaType} from '../types.js'
import type {LoadedImage} from './load.js'

const extensions: Record<ImageMediaType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg'
}

export class Assets {
  readonly #images: ReadonlyMap<string, LoadedImage>
  readonly #bySource = new Map<string, ImageAsset>()
  readonly #paths = new Set<string>()
  readonly list: ImageAsset[] = []

  constructor(images: ReadonlyMap<string, LoadedImage>) {
    this.#images = images
  }

  /** The asset for a corpus path, made on first use. */
  take(source: string): ImageAsset | undefined {
    const known = this.#bySource.get(source)
    if (known) return known
    const image = this.#images.get(source)
    if (!image) return undefined
    const asset: ImageAsset = {id: `image-${this.list.length + 1}`, path: this.#path(source, image.mediaType), ...image}
    this.#bySource.set(source, asset)
    this.list.push(asset)
    return asset
  }

  /** `images/<name>.<ext>`: the file's name kept readable, reduced to what is safe in any URL and file system. */
  #path(source: string, mediaType: ImageMediaType): string {
    const stem =
      (source.split('/').at(-1) ?? '')
        .replace(/\.[^.]*$/, '')
        .normalize('NFKD')
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .toLowerCase()
        .slice(0, 60) || 'image'
    const extension = extensions[mediaType]
    let path = `images/${stem}.${extension}`
    for (let n = 2; this.#paths.has(path); n++) path = `images/${stem}-${n}.${extension}`
    this.#paths.add(path)
    return path
  }
}

export function attachImages(tree: Root, assets: Assets): void {
  walk(tree, (node: Nodes, index, parent: Parent | undefined) => {
    if (node.type === 'paragraph') {
      markFigure(node, assets)
      return undefined
    }
    if (node.type === 'html' && node.data?.images) {
      const found: Record<string, string> = {}
      for (const [src, source] of Object.entries(node.data.images)) {
        const asset = assets.take(source)
        if (asset) found[src] = asset.path
      }
      node.data = {...node.data, assets: found}
      return undefined
    }
    if (node.type !== 'image' || parent === undefined || index === undefined) return undefined
    const asset = node.data?.source === undefined ? undefined : assets.take(node.data.source)
    if (asset) {
      node.data = {...node.data, asset: asset.path}
      return undefined
    }
    parent.children.splice(index, 1, ...(node.alt ? [{type: 'text' as const, value: node.alt}] : []))
    return index
  })
}

/** A paragraph holding one local image and nothing else but white space. */
function markFigure(paragraph: Paragraph, assets: Assets): void {
  const content = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const [image] = content
  if (content.length !== 1 || image?.type !== 'image' || image.data?.source === undefined || !assets.take(image.data.source)) return
  const caption = (image.title ?? '').trim() || (image.alt ?? '').trim()
  if (caption === '') return
  paragraph.data = {...paragraph.data, figure: {caption}}
}
