/**
 * No output loads a resource from elsewhere: an `<img>` of a source's raw
 * HTML whose address is not a local path (`http://tracker.example/pixel.png`,
 * `//host/x.png`) becomes a link to it, its description as text, reported.
 * (The model does the same for Markdown images.)
 */
import type {Element, Root} from 'hast'
import {h} from 'hastscript'
import type {Root as MdastRoot} from 'mdast'
import {eachElement, eachNode} from './walk.js'
import type {ImageAsset} from '@samizdat/model'

import type {Report} from './report.js'

/** Resolving against this base tells a local path (it stays on the base) from an address elsewhere. */
const local = 'http://local.invalid/'

export function rehypeRemoteImages(report: Report) {
  return function () {
    return function (tree: Root) {
      const walk = (parent: Root | Element, inLink: boolean): void => {
        parent.children.forEach((node, index) => {
          if (node.type !== 'element') return
          if (node.tagName !== 'img') return walk(node, inLink || node.tagName === 'a')
          const src = node.properties['src']
          const address = typeof src === 'string' ? remote(src) : undefined
          if (address === undefined) return
          report(
            `Image \`${String(src)}\` is not in the corpus: remote images are reported, never fetched; a link to it stands in its place`,
            node.position,
            'image-remote'
          )
          // Inside a link already, the description alone (links do not nest).
          parent.children[index] = inLink ? {type: 'text', value: description(node, address)} : link(node, address)
        })
      }
      walk(tree, false)
    }
  }
}

/** The absolute address of an image elsewhere, or undefined for a local one. */
function remote(src: string): URL | undefined {
  try {
    const address = new URL(src, local)
    return address.href.startsWith(local) ? undefined : address
  } catch {
    return undefined
  }
}

function description(image: Element, address: URL): string {
  const alt = image.properties['alt']
  return typeof alt === 'string' && alt !== '' ? alt : address.href
}

function link(image: Element, address: URL): Element {
  const text = description(image, address)
  // The sanitiser let only http(s) through; anything else is the description alone.
  if (!/^https?:$/.test(address.protocol)) return h('span', text)
  return h('a', {href: address.href, rel: ['external']}, text)
}

/**
 * A raw HTML `<img>` of a local image the model read (`html` nodes' `data.assets`, by `src` as written) shows
 * the edition's copy, like a Markdown image; a size given in the HTML is kept (the other side follows the
 * image's proportions), else the natural size.
 */
export function rehypeLocalImages(tree: MdastRoot, assets: ReadonlyMap<string, ImageAsset>) {
  const bySrc = new Map<string, ImageAsset>()
  eachNode(tree, (node) => {
    if (node.type !== 'html') return
    for (const [src, path] of Object.entries(node.data?.assets ?? {})) {
      const asset = assets.get(path)
      if (asset) bySrc.set(src, asset)
    }
  })
  return function () {
    return function (hast: Root) {
      if (bySrc.size === 0) return
      eachElement(hast, (element: Element) => {
        const src = element.properties['src']
        const asset = element.tagName === 'img' && typeof src === 'string' ? bySrc.get(src) : undefined
        if (!asset) return
        const width = Number(element.properties['width'])
        const height = Number(element.properties['height'])
        element.properties['src'] = asset.path
        if (width > 0 && !(height > 0)) element.properties['height'] = Math.round((width * asset.height) / asset.width)
        else if (height > 0 && !(width > 0)) element.properties['width'] = Math.round((height * asset.width) / asset.height)
        else if (!(width > 0 && height > 0)) {
          element.properties['width'] = Math.round(asset.width)
          element.properties['height'] = Math.round(asset.height)
        }
        // A source's `<img>` without `alt`: its `title` is the only description it gave (an empty `alt` with a
        // `title` is an image both decorative and described, which WCAG H67 forbids).
        const title = element.properties['title']
        if ((element.properties['alt'] ?? '') === '' && typeof title === 'string' && title.trim() !== '') {
          element.properties['alt'] = title
          delete element.properties['title']
        }
        element.properties['alt'] ??= ''
      })
    }
  }
}
