/**
 * A stage's store of bytes by key in its own folder of `.samizdat-cache/`: the key is a fingerprint of what the
 * stage's output was made from and of the code (`codeVersion`), so a new version of anything that shapes it is a
 * new key. The PDF's layouts and the works' renderings are kept this way.
 */
import path from 'node:path'
import {codeVersion} from './code.js'
import {EntryFolder} from './entries.js'
import {Fingerprint} from './fingerprint.js'

export class StageStore {
  readonly folder: EntryFolder

  /** `dir`: the `.samizdat-cache/` folder; `name`: the stage's folder in it; `loop`: kept between a loop's builds (see `EntryFolder`). */
  constructor(dir: string, name: string, loop = false) {
    this.folder = new EntryFolder(path.join(dir, name), loop)
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

  decoded<T>(key: string, decode: (data: Uint8Array) => T | undefined): T | undefined {
    return this.folder.value(key, decode)
  }

  setDecoded(key: string, data: Uint8Array, value: unknown): void {
    this.folder.set(key, data, value)
  }
}
