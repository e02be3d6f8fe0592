/**
 * The works' renderings' cache: each work's web page body and EPUB chapters (see `@samizdat/html`'s
 * work-cache.ts), in `.samizdat-cache/works/`, by a fingerprint of what they were rendered from and of the code;
 * and the EPUB's chapters' zip entries, in `chapters/`, by a fingerprint of what goes into them.
 */
import path from 'node:path'
import type {WorkStore} from '@samizdat/html'
import {codeVersion} from './code.js'
import {EntryFolder} from './entries.js'
import {Fingerprint} from './fingerprint.js'

export class WorkCache implements WorkStore {
  readonly folder: EntryFolder

  /** `dir`: the `.samizdat-cache/` folder; `name`: the stage's folder in it (`works`, or the EPUB's `chapters`). */
  constructor(dir: string, name: 'works' | 'chapters') {
    this.folder = new EntryFolder(path.join(dir, name))
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
