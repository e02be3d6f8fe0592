/**
 * What an image file is, from its bytes (never its name): PNG, JPEG, GIF and
 * WebP by their magic numbers, and their natural size, through `image-size`;
 * SVG by parsing it (then sanitised, `svg.ts`).
 */
import {imageSize} from '../lazy.js'
import type {ImageMediaType} from '../types.js'
import {sanitizeSvg} from './svg.js'

/** What `image-size` calls each format the outputs carry. */
const mediaTypes: Record<string, ImageMediaType> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml'
}

/** An SVG without width, height or viewBox gets the size a browser gives a replaced element. */
const defaultSize = {width: 300, height: 150}

export type ImageInfo = {mediaType: ImageMediaType; data: Uint8Array; width: number; height: number; problem?: undefined} | {problem: string}

export function imageInfo(bytes: Uint8Array): ImageInfo {
  let type: string | undefined
  let width: number | undefined
  let height: number | undefined
  try {
    const size = imageSize()(bytes)
    ;({type, width, height} = size)
    // A JPEG turned by its EXIF orientation (5 to 8: a quarter turn) is shown, by browsers and pdfkit alike, the other way round.
    if (size.orientation !== undefined && size.orientation >= 5) [width, height] = [height, width]
  } catch {
    // An SVG with no size says nothing to image-size; anything else it cannot read is no image we carry.
    if (looksLikeXml(bytes)) type = 'svg'
  }
  const mediaType = type === undefined ? undefined : mediaTypes[type]
  if (!mediaType) return {problem: `it is not a PNG, JPEG, GIF, WebP or SVG image${type ? ` (it is ${type.toUpperCase()})` : ''}`}
  if (mediaType === 'image/svg+xml') {
    const svg = sanitizeSvg(bytes)
    if (svg.problem !== undefined) return {problem: `it is not a valid SVG image: ${svg.problem}`}
    return {mediaType, data: svg.svg, width: positive(width) ?? defaultSize.width, height: positive(height) ?? defaultSize.height}
  }
  if (!positive(width) || !positive(height)) return {problem: 'its size cannot be read (the file is damaged or empty)'}
  return {mediaType, data: bytes, width: width as number, height: height as number}
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined
}

function looksLikeXml(bytes: Uint8Array): boolean {
  const start = new TextDecoder().decode(bytes.subarray(0, 1024))
  return /<svg[\s>]/.test(start)
}
