/**
 * The PDF's layout stage's cache: each work's layout (see the PDF's layout-cache.ts), in
 * `.samizdat-cache/layout/`, by a fingerprint of what it was laid out from and of the code.
 */
import path from 'node:path'
import type {PdfOptions} from '@samizdat/pdf'
import {codeVersion} from './code.js'
import {EntryFolder} from './entries.js'
import {Fingerprint} from './fingerprint.js'

export class LayoutCache implements NonNullable<PdfOptions['layouts']> {
  readonly folder: EntryFolder

  /** `dir`: the `.samizdat-cache/` folder. */
  constructor(dir: string) {
    this.folder = new EntryFolder(path.join(dir, 'layout'))
  }

  key(parts: readonly unknown[]): string {
    return new Fingerprint().add(codeVersion()).add(parts).digest().slice(0, 40)
  }

  get(key: string): Uint8Array | undefined {
    return this.folder.get(key, (data) => data)
  }

  set(key: string, data: Uint8Array): void {
    this.folder.set(key, data)
  }
}
