/**
 * WebP is a core media type of EPUB 3.3, but not of EPUB 3.2, which
 * epubcheck 4 (and many reading systems in use) still apply: a WebP image there
 * needs a manifest fallback in a core type. Each WebP image keeps its bytes
 * and gets a lossless PNG copy (decoded with sharp) as its fallback.
 */
import type {ImageAsset} from '@samizdat/model'
import {sharpOf} from './sharp.js'

export interface Fallback {
  /** The manifest id of the image it stands in for. */
  for: string
  id: string
  path: string
  data: Uint8Array
}

export async function imageFallbacks(assets: readonly ImageAsset[]): Promise<Fallback[]> {
  const taken = new Set(assets.map((asset) => asset.path))
  const fallbacks: Fallback[] = []
  for (const asset of assets) {
    if (asset.mediaType !== 'image/webp') continue
    const stem = asset.path.replace(/\.webp$/, '')
    let path = `${stem}-fallback.png`
    for (let n = 2; taken.has(path); n++) path = `${stem}-fallback-${n}.png`
    taken.add(path)
    const sharp = await sharpOf()
    const data = await sharp(asset.data).png().toBuffer()
    fallbacks.push({for: asset.id, id: `${asset.id}-fallback`, path, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength)})
  }
  return fallbacks
}
