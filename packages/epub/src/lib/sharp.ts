/**
 * sharp (libvips) decodes WebP for the fallbacks and rasterises the cover.
 * It loads a native library, so it is imported on first use, once.
 */
import type Sharp from 'sharp'

let loaded: Promise<typeof Sharp> | undefined
export function sharpOf(): Promise<typeof Sharp> {
  return (loaded ??= import('sharp').then((module) => module.default))
}
