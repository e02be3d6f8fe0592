/**
 * Small images for tests, made here (3 × 2 pixels of six colours, written once
 * by an encoder and kept as constant bytes): one per format the outputs carry.
 */
import {crc32, deflateSync} from 'node:zlib'

const bytes = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'))

export const png = bytes(
  'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAHElEQVR4nAXBAQEAAAgCIOY4s3m+MjDclE2S6gNIOgdNWXBiWgAAAABJRU5ErkJggg=='
)
export const jpeg = bytes(
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAcEAADAAMAAwAAAAAAAAAAAAABAgMABAUGEjH/xAAUAQEAAAAAAAAAAAAAAAAAAAAC/8QAGBEAAwEBAAAAAAAAAAAAAAAAAAEDMnH/2gAMAwEAAhEDEQA/AJbvUfX8i7MYO0oy6GzOc0PqqKLOAoA+AAAAYxjBPC4Ommf/2Q=='
)
export const gif = bytes('R0lGODlhAwACAIIAAExpcQDIAP//AP8AAMgAyACA/ygoKAAAACH5BAUAAAAALAAAAAADAAIAAAMEOBVilAA7')
export const webp = bytes('UklGRkQAAABXRUJQVlA4TDgAAAAvAkAAAC9AEECSP0kIK2ywzRoE2TabzbBveoJsm+rM+qaf/+AeKuEs20Ah2whw6F6fU7iI/sf0Ag==')
/** A drawing 40 × 20, with what a sanitiser must remove. */
export const hostileSvg =
  '<?xml version="1.0"?>\n<?xml-stylesheet href="http://evil.example/s.css"?>\n' +
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20" onload="alert(1)">' +
  '<script>alert(2)</script><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>' +
  '<style>@import url(http://evil.example/x.css);</style>' +
  '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>' +
  '<a href="javascript:alert(3)"><rect width="10" height="10" fill="url(#g)" onclick="alert(4)"/></a>' +
  '<image xlink:href="http://evil.example/p.png" width="5" height="5"/>' +
  '<rect x="20" width="10" height="10" style="fill: url(http://evil.example/f)"/>' +
  '<set attributeName="href" to="javascript:alert(5)"/>' +
  '<circle cx="30" cy="10" r="5" fill="blue"/></svg>'

/** A Markdown work showing each image once: a figure per format, and one inline. */
export const imageWork =
  '# Pictures\n\n' +
  '![A red dot](images/dot.png "Figure one")\n\n' +
  '![A photo](images/photo.jpg)\n\n' +
  'Some text with an inline ![animated](images/anim.gif) image.\n\n' +
  '![A modern image](images/modern.webp "Figure four")\n\n' +
  '![A drawing](images/drawing.svg "A drawing")\n'

export const imageFiles = {
  'images/dot.png': png,
  'images/photo.jpg': jpeg,
  'images/anim.gif': gif,
  'images/modern.webp': webp,
  'images/drawing.svg': hostileSvg
}

/**
 * A valid grey PNG of any size (8-bit greyscale, deflated with zlib), for sizes the constants above do not have;
 * with `alpha`, each pixel has an alpha channel too (half transparent).
 */
export function greyPng(width: number, height: number, alpha = false): Uint8Array {
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, alpha ? 4 : 0, 0, 0, 0], 8)
  // Each row: filter type 0, then one grey byte per pixel (and one of alpha).
  const stride = width * (alpha ? 2 : 1) + 1
  const rows = Buffer.alloc(stride * height, 128)
  for (let row = 0; row < height; row++) rows[row * stride] = 0
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())]))
}
