/**
 * The edition's images as the PDF draws them: PNG and JPEG as they are
 * (pdfkit embeds both), GIF and WebP decoded to PNG first (pdfkit reads
 * neither; a GIF's first frame), SVG as the model sanitised it, drawn as
 * vectors by svg-to-pdfkit. Prepared once, before layout (decoding is
 * asynchronous; layout is not).
 */
import sharp from 'sharp'
import type {ImageAsset} from '@samizdat/model'

export interface PdfImage {
  /** Natural size in CSS pixels. */
  width: number
  height: number
  /** PNG or JPEG bytes for pdfkit's `image`; absent for a drawing. */
  raster?: Uint8Array
  /** The sanitised SVG, for svg-to-pdfkit. */
  svg?: string
}

export async function prepareImages(assets: readonly ImageAsset[]): Promise<Map<string, PdfImage>> {
  const images = new Map<string, PdfImage>()
  for (const asset of assets) {
    const size = {width: asset.width, height: asset.height}
    switch (asset.mediaType) {
      case 'image/png':
      case 'image/jpeg':
        images.set(asset.path, {...size, raster: asset.data})
        break
      case 'image/gif':
      case 'image/webp': {
        const png = await sharp(asset.data).png().toBuffer()
        images.set(asset.path, {...size, raster: new Uint8Array(png.buffer, png.byteOffset, png.byteLength)})
        break
      }
      case 'image/svg+xml':
        images.set(asset.path, {...size, svg: new TextDecoder().decode(asset.data)})
        break
    }
  }
  return images
}

/** Points per CSS pixel: an image's natural size is its size at 96 pixels to the inch. */
export const pointsPerPixel = 0.75
