/**
 * The edition's images as the PDF draws them: PNG and JPEG as they are
 * (pdfkit embeds both), GIF and WebP decoded to PNG first (pdfkit reads
 * neither; a GIF's first frame), SVG as the model sanitised it, drawn as
 * vectors by svg-to-pdfkit. Prepared once, before layout (decoding is
 * asynchronous; layout is not), and embedded then, one after the other.
 */
import {writerWarning, type ImageAsset, type Reporter} from '@samizdat/model'
import {embedImage, openImage, type Doc} from './pdfkit.js'
import type Sharp from 'sharp'

export interface PdfImage {
  /** Natural size in CSS pixels. */
  width: number
  height: number
  /** A raster image as pdfkit parsed it (PNG or JPEG), once: one XObject however often it is drawn. */
  opened?: PDFKit.OpenedImage
  /** The sanitised SVG, for svg-to-pdfkit. */
  svg?: string
}

/**
 * Each image ready to draw. The model read only a raster image's header: one whose data is damaged is found
 * here (decoded in full by sharp, then parsed by pdfkit) and left out with a warning, its description standing in.
 */
export async function prepareImages(doc: Doc, assets: readonly ImageAsset[], report: Reporter | undefined): Promise<Map<string, PdfImage>> {
  const images = new Map<string, PdfImage>()
  for (const asset of assets) {
    const size = {width: asset.width, height: asset.height}
    if (asset.mediaType === 'image/svg+xml') {
      images.set(asset.path, {...size, svg: new TextDecoder().decode(asset.data)})
      continue
    }
    try {
      const sharp = await sharpOf()
      const decoded = sharp(asset.data, {failOn: 'truncated'})
      let raster = asset.data
      if (asset.mediaType === 'image/gif' || asset.mediaType === 'image/webp') {
        const png = await decoded.png().toBuffer()
        raster = new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
      } else {
        await decoded.raw().toBuffer()
      }
      const opened = openImage(doc, raster)
      // Now and in turn, not at its first drawing: the file's objects in the same order in every build.
      await embedImage(doc, opened)
      images.set(asset.path, {...size, opened})
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
      report?.(writerWarning(`Image \`${asset.path}\` cannot be drawn in the PDF (${reason}): its description stands in its place`, {ruleId: 'image-invalid'}))
    }
  }
  return images
}

/** Points per CSS pixel: an image's natural size is its size at 96 pixels to the inch. */
export const pointsPerPixel = 0.75

// sharp loads a native library: only a book with such images pays for it, not every build.
let loaded: Promise<typeof Sharp> | undefined
function sharpOf(): Promise<typeof Sharp> {
  return (loaded ??= import('sharp').then((module) => module.default))
}
