/**
 * The PDF's layout stage's cache: each work's layout (see the PDF's layout-cache.ts), in
 * `.samizdat-cache/layout/`, by a fingerprint of what it was laid out from and of the code.
 */
import type {PdfOptions} from '@samizdat/pdf'
import {StageStore} from './stage-store.js'

export class LayoutCache extends StageStore implements NonNullable<PdfOptions['layouts']> {
  /** `dir`: the `.samizdat-cache/` folder. */
  constructor(dir: string, loop = false) {
    super(dir, 'layout', loop)
  }
}
